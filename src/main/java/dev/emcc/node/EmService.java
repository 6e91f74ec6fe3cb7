package dev.emcc.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EndUser;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Phone;
import dev.emcc.model.PinLockout;
import dev.emcc.model.RemoteCluster;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The node's EMService: Extension Mobility login, logout and the two EM API queries on this
 * cluster, plus the two cluster-to-cluster queries of EMCC. The XML handling is thin; each
 * operation is a plain method that callers in the same JVM can use too. Sessions (who is logged in
 * on which phone) live in memory: a node restart logs everyone out, as a CUCM restart of EM would.
 */
public final class EmService {
  public static final int UNKNOWN = 0;
  public static final int PARSE_ERROR = 1;
  public static final int AUTHENTICATION = 2;
  public static final int INVALID_APP_USER = 3;
  public static final int DATABASE = 6;
  public static final int QUERY_TYPE_UNDETERMINED = 8;
  public static final int DIRECTORY_USER_INFO = 9;
  public static final int DEVICE_NOT_FOUND = 11;
  public static final int PROFILE_NOT_FOUND = 12;
  public static final int ANOTHER_USER_LOGGED_IN = 18;
  public static final int NO_USER_LOGGED_IN = 19;
  public static final int DEVICE_LOGON_DISABLED = 22;
  public static final int USER_DOES_NOT_EXIST = 23;
  public static final int USER_LOGGED_IN_ELSEWHERE = 25;
  public static final int EMCC_NOT_ACTIVE_FOR_USER = 31;
  public static final int VISITING_CLUSTER_UNKNOWN = 35;
  public static final int EMCC_NOT_ALLOWED = 38;
  public static final int PIN_CHANGE_REQUIRED = 41;
  public static final int INVALID_CLUSTER_ID = 42;
  public static final int DUPLICATE_EXTENSION = 47;

  /** An answer: HTTP status (200 for any EM answer, 400 for a request that could not be read). */
  public record Answer(int httpStatus, String xml) {
    static Answer ok(String xml) {
      return new Answer(200, xml);
    }

    static Answer fail(int code, String text) {
      return new Answer(200, EmXml.failure(code, text));
    }
  }

  private final ClusterState state;
  private final Clock clock;
  private final Map<String, String> userByDevice = new HashMap<>();
  private final Map<String, String> deviceByUser = new HashMap<>();
  /**
   * Wrong PINs per user, in memory like the sessions: a restart forgets them (nobody can restart a
   * node from the network), and authentication state stays out of the cluster's revisions.
   */
  private final PinLockout pins = new PinLockout();

  public EmService(ClusterState state) {
    this(state, Clock.systemUTC());
  }

  /** An EM service whose lockouts run on {@code clock} (tests move it). */
  public EmService(ClusterState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  /** Handles one XML request document. */
  public Answer handle(String xml) {
    Element root;
    try {
      root = EmXml.parse(xml);
    } catch (IOException e) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "cannot parse the XML request: " + e.getMessage()));
    }
    List<Element> ops = EmXml.children(root);
    if (!(root.getTagName().equals("request") || root.getTagName().equals("query"))) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "the document must be <request> or <query>, not <"
          + root.getTagName() + ">"));
    }
    Element op = ops.stream().filter(e -> !e.getTagName().equals("appInfo")).findFirst().orElse(null);
    if (op == null) {
      return new Answer(400, EmXml.failure(QUERY_TYPE_UNDETERMINED, "no operation in the request"));
    }
    if (state.clusterId() == null) {
      return Answer.fail(DATABASE, "this node holds no cluster yet");
    }
    return switch (root.getTagName() + "/" + op.getTagName()) {
      case "request/login" -> login(EmXml.text(op, "deviceName"), EmXml.text(op, "userID"),
          EmXml.text(op, "pin"), EmXml.text(op, "deviceProfile"));
      case "request/logout" -> logout(EmXml.text(op, "deviceName"));
      case "query/deviceUserQuery" -> deviceUserQuery(texts(op, "deviceName"));
      case "query/userDevicesQuery" -> userDevicesQuery(texts(op, "userID"));
      case "query/homeClusterQuery" -> homeClusterQuery(EmXml.text(op, "visitingClusterId"),
          EmXml.text(op, "userID"), EmXml.text(op, "loginType"), EmXml.text(op, "pin"));
      case "query/remoteClusterQuery" -> remoteClusterQuery(EmXml.text(op, "fromClusterId"),
          EmXml.text(op, "toClusterId"));
      default -> new Answer(400, EmXml.failure(QUERY_TYPE_UNDETERMINED, "unknown operation <"
          + root.getTagName() + "><" + op.getTagName() + ">"));
    };
  }

  /** Logs a user in on a phone of this cluster (Extension Mobility). */
  public synchronized Answer login(String deviceName, String userId, String pin, String deviceProfile) {
    if (deviceName == null || userId == null) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "login needs <deviceName> and <userID>"));
    }
    Optional<Phone> phone = object("phones", deviceName, Phone.class);
    if (phone.isEmpty()) {
      return Answer.fail(DEVICE_NOT_FOUND, "device " + deviceName + " is not in this cluster");
    }
    if (!phone.get().enableExtensionMobility()) {
      return Answer.fail(DEVICE_LOGON_DISABLED, "Extension Mobility is not enabled on " + deviceName);
    }
    Optional<EndUser> user = object("endUsers", userId, EndUser.class);
    if (user.isEmpty()) {
      return Answer.fail(USER_DOES_NOT_EXIST, "user " + userId + " does not exist");
    }
    Answer refused = pin == null ? null : checkPin(user.get(), pin);
    if (refused != null) {
      return refused;
    }
    if (pin != null && user.get().pinMustChange()) {
      return Answer.fail(PIN_CHANGE_REQUIRED, "the PIN of " + userId + " must be changed");
    }
    List<String> profiles = user.get().controlledProfiles();
    if (profiles.isEmpty() || (deviceProfile != null && !profiles.contains(deviceProfile))) {
      return Answer.fail(PROFILE_NOT_FOUND, "no device profile " + (deviceProfile == null ? "" : deviceProfile + " ")
          + "is associated with " + userId);
    }
    String current = userByDevice.get(deviceName);
    if (current != null && !current.equals(userId)) {
      return Answer.fail(ANOTHER_USER_LOGGED_IN, "another user is logged in on " + deviceName);
    }
    String elsewhere = deviceByUser.get(userId);
    if (elsewhere != null && !elsewhere.equals(deviceName)) {
      return Answer.fail(USER_LOGGED_IN_ELSEWHERE, userId + " is logged in on " + elsewhere);
    }
    userByDevice.put(deviceName, userId);
    deviceByUser.put(userId, deviceName);
    return Answer.ok(EmXml.success());
  }

  public synchronized Answer logout(String deviceName) {
    if (deviceName == null) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "logout needs <deviceName>"));
    }
    if (object("phones", deviceName, Phone.class).isEmpty()) {
      return Answer.fail(DEVICE_NOT_FOUND, "device " + deviceName + " is not in this cluster");
    }
    String user = userByDevice.remove(deviceName);
    if (user == null) {
      return Answer.fail(NO_USER_LOGGED_IN, "no user is logged in on " + deviceName);
    }
    deviceByUser.remove(user);
    return Answer.ok(EmXml.success());
  }

  public synchronized Answer deviceUserQuery(List<String> deviceNames) {
    StringBuilder sb = new StringBuilder("<response><deviceUserResults>");
    for (String d : deviceNames) {
      sb.append("<device name=\"").append(EmXml.escape(d)).append("\">");
      if (object("phones", d, Phone.class).isEmpty()) {
        sb.append("<doesNotExist/>");
      } else if (userByDevice.containsKey(d)) {
        sb.append("<userID>").append(EmXml.escape(userByDevice.get(d))).append("</userID>");
      } else {
        sb.append("<none/>");
      }
      sb.append("</device>");
    }
    return Answer.ok(sb.append("</deviceUserResults></response>").toString());
  }

  public synchronized Answer userDevicesQuery(List<String> userIds) {
    StringBuilder sb = new StringBuilder("<response><userDevicesResults>");
    for (String u : userIds) {
      sb.append("<user id=\"").append(EmXml.escape(u)).append("\">");
      if (object("endUsers", u, EndUser.class).isEmpty()) {
        sb.append("<doesNotExist/>");
      } else if (deviceByUser.containsKey(u)) {
        sb.append("<deviceName>").append(EmXml.escape(deviceByUser.get(u))).append("</deviceName>");
      } else {
        sb.append("<none/>");
      }
      sb.append("</user>");
    }
    return Answer.ok(sb.append("</userDevicesResults></response>").toString());
  }

  /**
   * The visiting cluster asks: is this user homed here? Checks, in this order: the user exists
   * (23; with loginType DN an extension shared by several users is 47), the visiting cluster is
   * one of our remote clusters (35), EMCC is active in our intercluster service profile (38), EMCC
   * is enabled for the user (31), the PIN when given (2, then 41), a device profile exists (12).
   */
  public Answer homeClusterQuery(String visitingClusterId, String login, String loginType, String pin) {
    if (visitingClusterId == null || login == null) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "homeClusterQuery needs <visitingClusterId> and <userID>"));
    }
    String type = loginType == null ? "UID" : loginType;
    List<EndUser> matches = new ArrayList<>();
    for (EndUser u : all("endUsers", EndUser.class)) {
      String id = switch (type) {
        case "DN" -> u.primaryExtension();
        case "SP" -> u.selfServiceUserId();
        case "UID" -> u.userId();
        default -> null;
      };
      if (login.equals(id)) {
        matches.add(u);
      }
    }
    if (!List.of("UID", "DN", "SP").contains(type)) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "loginType must be UID, DN or SP"));
    }
    if (matches.isEmpty()) {
      return Answer.fail(USER_DOES_NOT_EXIST, "no user " + login + " in cluster " + state.clusterId());
    }
    if (matches.size() > 1) {
      return Answer.fail(DUPLICATE_EXTENSION, "extension " + login + " is the primary extension of "
          + matches.size() + " users");
    }
    EndUser user = matches.get(0);
    if (remoteCluster(visitingClusterId).isEmpty()) {
      return Answer.fail(VISITING_CLUSTER_UNKNOWN, "cluster " + visitingClusterId + " is not a remote cluster of "
          + state.clusterId());
    }
    InterclusterServiceProfile isp = setting("interclusterServiceProfile", InterclusterServiceProfile.class)
        .orElse(InterclusterServiceProfile.INACTIVE);
    if (!isp.emccActive()) {
      return Answer.fail(EMCC_NOT_ALLOWED, "EMCC is not active in the intercluster service profile of "
          + state.clusterId());
    }
    if (!user.enableExtensionMobilityCrossCluster()) {
      return Answer.fail(EMCC_NOT_ACTIVE_FOR_USER, "EMCC is not enabled for " + user.userId());
    }
    Answer refused = pin == null ? null : checkPin(user, pin);
    if (refused != null) {
      return refused;
    }
    if (pin != null && user.pinMustChange()) {
      return Answer.fail(PIN_CHANGE_REQUIRED, "the PIN of " + user.userId() + " must be changed");
    }
    if (user.controlledProfiles().isEmpty()) {
      return Answer.fail(PROFILE_NOT_FOUND, "no device profile is associated with " + user.userId());
    }
    StringBuilder sb = new StringBuilder("<response><homeClusterResults");
    clusterAttributes(sb);
    sb.append("><user id=\"").append(EmXml.escape(user.userId())).append("\">");
    for (String p : user.controlledProfiles()) {
      sb.append("<deviceProfile>").append(EmXml.escape(p)).append("</deviceProfile>");
    }
    return Answer.ok(sb.append("</user></homeClusterResults></response>").toString());
  }

  /**
   * "Update Remote Cluster Now": which of our services the asking cluster may use. A service is
   * activated when our intercluster service profile has it on and our remote cluster entry for
   * the asker enables it.
   */
  public Answer remoteClusterQuery(String fromClusterId, String toClusterId) {
    if (fromClusterId == null || toClusterId == null) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "remoteClusterQuery needs <fromClusterId> and <toClusterId>"));
    }
    if (!toClusterId.equals(state.clusterId())) {
      return Answer.fail(INVALID_CLUSTER_ID, "this is cluster " + state.clusterId() + ", not " + toClusterId);
    }
    Optional<RemoteCluster> entry = remoteCluster(fromClusterId);
    if (entry.isEmpty()) {
      return Answer.fail(VISITING_CLUSTER_UNKNOWN, "cluster " + fromClusterId + " is not a remote cluster of "
          + state.clusterId());
    }
    InterclusterServiceProfile isp = setting("interclusterServiceProfile", InterclusterServiceProfile.class)
        .orElse(InterclusterServiceProfile.INACTIVE);
    var s = entry.get().services();
    StringBuilder sb = new StringBuilder("<response><remoteClusterResults");
    clusterAttributes(sb);
    sb.append('>');
    service(sb, "emcc", isp.emccActive() && s.emcc());
    service(sb, "pstnAccess", isp.pstnAccessActive() && s.pstnAccess());
    service(sb, "rsvpAgent", isp.rsvpAgentActive() && s.rsvpAgent());
    service(sb, "tftp", s.tftp());
    return Answer.ok(sb.append("</remoteClusterResults></response>").toString());
  }

  /**
   * The PIN under the credential policy: a locked PIN is refused even when right (9, Dir. User Info
   * Error: the EM API's code for authentication failures other than a wrong PIN); a wrong one is 2,
   * and the one that reaches the threshold locks the PIN. Null when the PIN is accepted.
   */
  private Answer checkPin(EndUser user, String pin) {
    EmServiceParameters policy = setting("emServiceParameters", EmServiceParameters.class)
        .orElse(EmServiceParameters.DEFAULTS);
    Instant now = clock.instant();
    PinLockout.Standing standing = pins.check(user.userId(), user.pinHash(), policy, now);
    if (standing.locked()) {
      return Answer.fail(DIRECTORY_USER_INFO, locked(user.userId(), standing));
    }
    if (user.pinMatches(pin)) {
      pins.succeeded(user.userId());
      return null;
    }
    PinLockout.Standing after = pins.failed(user.userId(), user.pinHash(), policy, now);
    if (after.locked()) {
      return Answer.fail(DIRECTORY_USER_INFO, "wrong PIN for " + user.userId() + ": " + locked(user.userId(), after));
    }
    int threshold = policy.failedLogonThreshold();
    return Answer.fail(AUTHENTICATION, "wrong PIN for " + user.userId() + (threshold <= 0 ? ""
        : " (" + after.failures() + " of " + threshold + " failed attempts before the PIN is locked)"));
  }

  private static String locked(String userId, PinLockout.Standing s) {
    return "the PIN of " + userId + " is locked after " + s.failures() + " failed attempts "
        + (s.lockedUntil() == null ? "until an administrator sets a new PIN"
            : "until " + DateTimeFormatter.ISO_INSTANT.format(s.lockedUntil().truncatedTo(ChronoUnit.SECONDS)));
  }

  private void clusterAttributes(StringBuilder sb) {
    JsonNode settings = state.get(new ObjectKey(ClusterObjects.SETTINGS, ClusterObjects.CLUSTER_SETTINGS))
        .map(StoredObject::value).orElse(null);
    sb.append(" clusterId=\"").append(EmXml.escape(state.clusterId())).append('"');
    if (settings != null) {
      sb.append(" version=\"").append(EmXml.escape(settings.path("version").asText(""))).append('"');
      sb.append(" securityMode=\"").append(EmXml.escape(settings.path("securityMode").asText(""))).append('"');
    }
  }

  private static void service(StringBuilder sb, String name, boolean activated) {
    sb.append("<service name=\"").append(name).append("\" activated=\"").append(activated).append("\"/>");
  }

  private Optional<RemoteCluster> remoteCluster(String clusterId) {
    return all("remoteClusters", RemoteCluster.class).stream()
        .filter(r -> r.clusterId() != null && r.clusterId().equalsIgnoreCase(clusterId)).findFirst();
  }

  private <T> Optional<T> object(String collection, String name, Class<T> type) {
    if (name == null || name.isEmpty()) {
      return Optional.empty(); // <userID/> names nobody
    }
    return state.get(new ObjectKey(collection, name)).map(o -> convert(o.value(), type));
  }

  private <T> Optional<T> setting(String name, Class<T> type) {
    return object(ClusterObjects.SETTINGS, name, type);
  }

  private <T> List<T> all(String collection, Class<T> type) {
    List<JsonNode> values = state.read(v -> {
      List<JsonNode> out = new ArrayList<>();
      ObjectKey from = new ObjectKey(collection, "\u0000");
      for (var e : v.objects().tailMap(from).entrySet()) {
        if (!e.getKey().collection().equals(collection)) {
          break;
        }
        out.add(e.getValue().value());
      }
      return out;
    });
    return values.stream().map(n -> convert(n, type)).toList();
  }

  private static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return Json.mapper().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored object does not read back: " + e.getOriginalMessage(), e);
    }
  }

  private static List<String> texts(Element parent, String name) {
    List<String> out = new ArrayList<>();
    for (Element e : EmXml.children(parent)) {
      if (e.getTagName().equals(name)) {
        out.add(e.getTextContent().trim());
      }
    }
    return out;
  }
}
