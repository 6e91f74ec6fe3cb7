package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One login attempt. {@code visitingCluster} may be null when only one cluster has the phone.
 * With loginType DN {@code userId} holds the extension, with SP the self-service user ID.
 * {@code loginType} overrides the one of the visiting EM service URL; {@code sourceIp} null means
 * the phone's own address.
 */
@JsonPropertyOrder({"phone", "visitingCluster", "userId", "pin", "loginType", "sourceIp", "viaProxy"})
public record LoginAttempt(
    String phone,
    String visitingCluster,
    String userId,
    String pin,
    String loginType,
    String sourceIp,
    boolean viaProxy) {

  public static LoginAttempt of(String phone, String userId, String pin) {
    return new LoginAttempt(phone, null, userId, pin, null, null, false);
  }

  public LoginAttempt withVisitingCluster(String clusterId) {
    return new LoginAttempt(phone, clusterId, userId, pin, loginType, sourceIp, viaProxy);
  }

  public LoginAttempt withLoginType(String type) {
    return new LoginAttempt(phone, visitingCluster, userId, pin, type, sourceIp, viaProxy);
  }

  public LoginAttempt withSource(String ip, boolean proxy) {
    return new LoginAttempt(phone, visitingCluster, userId, pin, loginType, ip, proxy);
  }
}
