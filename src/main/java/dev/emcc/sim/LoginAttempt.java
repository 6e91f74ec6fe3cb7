package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One login attempt. {@code visitingCluster} may be null when only one cluster has the phone.
 * With loginType DN {@code userId} holds the extension, with SP the self-service user ID.
 * {@code loginType} overrides the one of the visiting EM service URL; {@code sourceIp} null means
 * the phone's own address. Ours, beyond workspace-format.md (left out of the document when not
 * used): {@code action} makes the attempt a logout of the phone, and {@code emApi} makes it a
 * third-party application's EM API request.
 */
@JsonPropertyOrder({"phone", "visitingCluster", "userId", "pin", "loginType", "sourceIp", "viaProxy", "action",
    "emApi"})
public record LoginAttempt(
    String phone,
    String visitingCluster,
    String userId,
    String pin,
    String loginType,
    String sourceIp,
    boolean viaProxy,
    @JsonInclude(JsonInclude.Include.NON_NULL) Action action,
    @JsonInclude(JsonInclude.Include.NON_NULL) EmApiRequest emApi) {

  /** What the request asks for. */
  public enum Action {
    LOGIN("login"),
    LOGOUT("logout");

    private final String json;

    Action(String json) {
      this.json = json;
    }

    @JsonValue
    public String json() {
      return json;
    }

    @JsonCreator
    public static Action of(String json) {
      for (Action a : values()) {
        if (a.json.equals(json)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown action \"" + json + "\": expected login or logout");
    }
  }

  public LoginAttempt(String phone, String visitingCluster, String userId, String pin, String loginType,
      String sourceIp, boolean viaProxy) {
    this(phone, visitingCluster, userId, pin, loginType, sourceIp, viaProxy, null, null);
  }

  public static LoginAttempt of(String phone, String userId, String pin) {
    return new LoginAttempt(phone, null, userId, pin, null, null, false);
  }

  /** A logout of the phone (no user ID or PIN). */
  public static LoginAttempt logout(String phone) {
    return new LoginAttempt(phone, null, null, null, null, null, false, Action.LOGOUT, null);
  }

  @JsonIgnore
  public boolean isLogout() {
    return action == Action.LOGOUT;
  }

  public LoginAttempt withVisitingCluster(String clusterId) {
    return new LoginAttempt(phone, clusterId, userId, pin, loginType, sourceIp, viaProxy, action, emApi);
  }

  public LoginAttempt withLoginType(String type) {
    return new LoginAttempt(phone, visitingCluster, userId, pin, type, sourceIp, viaProxy, action, emApi);
  }

  public LoginAttempt withSource(String ip, boolean proxy) {
    return new LoginAttempt(phone, visitingCluster, userId, pin, loginType, ip, proxy, action, emApi);
  }

  /** The same request sent by a third-party application through the EM API. */
  public LoginAttempt withEmApi(EmApiRequest api) {
    return new LoginAttempt(phone, visitingCluster, userId, pin, loginType, sourceIp, viaProxy, action, api);
  }
}
