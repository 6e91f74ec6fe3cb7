package dev.emcc.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EndUser;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Phone;
import dev.emcc.model.PinLockout;
import dev.emcc.model.RemoteCluster;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The node's EMService: Extension Mobility logins and logouts on this cluster and what the EM API
 * queries answer ({@link EmApi} reads and writes the EM API's XML), plus this product's two
 * cluster-to-cluster queries ({@link Intercluster}). Each operation is a plain method that callers
 * in the same JVM can use too. Sessions (who is logged in on which phone, until when) live in
 * memory: a node restart logs everyone out, as a CUCM restart of EM would. A login with an
 * exclusive duration ends by itself when its time is up, on the service's clock (tests move it).
 */
public final class EmService {
  public static final int UNKNOWN = 0;
  public static final int PARSE_ERROR = 1;
  public static final int AUTHENTICATION = 2;
  public static final int INVALID_APP_USER = 3;
  public static final int DEVICE_LOGOFF_DISABLED = 5;
  public static final int DATABASE = 6;
  public static final int LOGOUT_REQUEST = 7;
  public static final int QUERY_TYPE_UNDETERMINED = 8;
  public static final int DIRECTORY_USER_INFO = 9;
  public static final int NO_PROXY_RIGHTS = 10;
  public static final int DEVICE_NOT_FOUND = 11;
  public static final int PROFILE_NOT_FOUND = 12;
  public static final int ANOTHER_USER_LOGGED_IN = 18;
  public static final int NO_USER_LOGGED_IN = 19;
  public static final int DEVICE_LOGON_DISABLED = 22;
  public static final int USER_DOES_NOT_EXIST = 23;
  public static final int USER_LOGGED_IN_ELSEWHERE = 25;
  public static final int BUSY = 26;
  public static final int UNTRUSTED_IP = 28;
  public static final int PROXY_NOT_ALLOWED = 30;
  public static final int EMCC_NOT_ACTIVE_FOR_USER = 31;
  public static final int VISITING_CLUSTER_UNKNOWN = 35;
  public static final int EMCC_NOT_ALLOWED = 38;
  public static final int PIN_CHANGE_REQUIRED = 41;
  public static final int INVALID_CLUSTER_ID = 42;
  public static final int DUPLICATE_EXTENSION = 47;

  /**
   * An answer: the whole {@code <response>} document and its HTTP status (200 for every answer
   * of the EM API; our own cluster-to-cluster messages say 400 for a request they cannot read).
   */
  public record Answer(int httpStatus, String xml) {
    static Answer ok(String xml) {
      return new Answer(200, xml);
    }

    static Answer fail(int code, String text) {
      return new Answer(200, EmXml.failure(code, text));
    }

    /** The EMService error code of a failure, or null for a success. */
    public Integer code() {
      int at = xml.indexOf("<error code=\"");
      if (at < 0) {
        return null;
      }
      int from = at + "<error code=\"".length();
      return Integer.valueOf(xml.substring(from, xml.indexOf('"', from)));
    }
  }

  /**
   * One Extension Mobility login: the device, the user and the profile they logged in with, when,
   * until when (null: indefinitely), who had logged in on the device before (null: nobody since
   * the node started), and whether it came through the EM API.
   */
  public record Session(String deviceName, String userId, String deviceProfile, Instant since, Instant until,
      String previousUser, boolean viaEmApi) {}

  private final ClusterState state;
  private final Clock clock;
  private final Map<String, Session> byDevice = new HashMap<>();
  private final Map<String, String> deviceByUser = new HashMap<>();
  /** Per device, the user of its latest login (the EM API's {@code lastlogin}). */
  private final Map<String, String> lastUser = new HashMap<>();
  /**
   * Wrong PINs per user, in memory like the sessions: a restart forgets them (nobody can restart a
   * node from the network), and authentication state stays out of the cluster's revisions.
   */
  private final PinLockout pins = new PinLockout();

  public EmService(ClusterState state) {
    this(state, Clock.systemUTC());
  }

  /** An EM service whose lockouts and exclusive durations run on {@code clock} (tests move it). */
  public EmService(ClusterState state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  ClusterState state() {
    return state;
  }

  /**
   * Logs a user in on a phone of this cluster. Checks, in this order: the device exists (11) and
   * has Extension Mobility enabled (22), the user exists (23), the device profile is one of the
   * user's (12), nobody else is logged in on the device (18), the user is not logged in elsewhere
   * (25). Logging in again where one is logged in already renews the login.
   *
   * @param exclusive how long the login lasts before the automatic logout; null: indefinitely
   */
  public synchronized Answer login(String deviceName, String userId, String deviceProfile, Duration exclusive,
      boolean viaEmApi) {
    expire();
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
    List<String> profiles = user.get().controlledProfiles();
    if (profiles.isEmpty() || (deviceProfile != null && !profiles.contains(deviceProfile))) {
      return Answer.fail(PROFILE_NOT_FOUND, "no device profile " + (deviceProfile == null ? "" : deviceProfile + " ")
          + "is associated with " + userId);
    }
    Session current = byDevice.get(deviceName);
    if (current != null && !current.userId().equals(userId)) {
      return Answer.fail(ANOTHER_USER_LOGGED_IN, "another user is logged in on " + deviceName);
    }
    String elsewhere = deviceByUser.get(userId);
    if (elsewhere != null && !elsewhere.equals(deviceName)) {
      return Answer.fail(USER_LOGGED_IN_ELSEWHERE, userId + " is logged in on " + elsewhere);
    }
    Instant now = clock.instant();
    String previous = current != null ? current.previousUser() : lastUser.get(deviceName);
    byDevice.put(deviceName, new Session(deviceName, userId, deviceProfile != null ? deviceProfile : profiles.get(0),
        now, exclusive == null ? null : now.plus(exclusive), previous, viaEmApi));
    deviceByUser.put(userId, deviceName);
    lastUser.put(deviceName, userId);
    return Answer.ok(EmXml.success());
  }

  /** Logs out whoever is logged in on a device: 11 unknown device, 5 EM disabled on it, 19 nobody. */
  public synchronized Answer logout(String deviceName) {
    expire();
    Optional<Phone> phone = object("phones", deviceName, Phone.class);
    if (phone.isEmpty()) {
      return Answer.fail(DEVICE_NOT_FOUND, "device " + deviceName + " is not in this cluster");
    }
    if (!phone.get().enableExtensionMobility()) {
      return Answer.fail(DEVICE_LOGOFF_DISABLED, "Extension Mobility is not enabled on " + deviceName);
    }
    Session s = byDevice.remove(deviceName);
    if (s == null) {
      return Answer.fail(NO_USER_LOGGED_IN, "no user is logged in on " + deviceName);
    }
    deviceByUser.remove(s.userId());
    return Answer.ok(EmXml.success());
  }

  /** Logs every user out; the number of logins it ended. */
  public synchronized int logoutAll() {
    expire();
    int n = byDevice.size();
    byDevice.clear();
    deviceByUser.clear();
    return n;
  }

  /** Every login now in force, by device name. */
  public synchronized List<Session> sessions() {
    expire();
    return List.copyOf(new TreeMap<>(byDevice).values());
  }

  /** The login on a device now, if any. */
  public synchronized Optional<Session> session(String deviceName) {
    expire();
    return Optional.ofNullable(byDevice.get(deviceName));
  }

  /** What the EM API's deviceUserQuery says of one device. */
  public record DeviceUser(boolean exists, Session session, String lastUser, boolean emccDevice) {}

  public synchronized DeviceUser deviceUser(String deviceName) {
    expire();
    if (object("phones", deviceName, Phone.class).isEmpty()) {
      return new DeviceUser(false, null, null, false);
    }
    EmccDevices emcc = setting("emccDevices", EmccDevices.class).orElse(EmccDevices.NONE);
    return new DeviceUser(true, byDevice.get(deviceName), lastUser.get(deviceName), emcc.names().contains(deviceName));
  }

  /** Where a user is logged in: empty when nowhere, null when there is no such user. */
  public synchronized List<String> userDevices(String userId) {
    expire();
    if (object("endUsers", userId, EndUser.class).isEmpty()) {
      return null;
    }
    String d = deviceByUser.get(userId);
    return d == null ? List.of() : List.of(d);
  }

  /** A user, if the cluster has one by that ID. */
  public Optional<EndUser> user(String userId) {
    return object("endUsers", userId, EndUser.class);
  }

  /** Ends the logins whose exclusive duration is over (the automatic logout). */
  private void expire() {
    Instant now = clock.instant();
    byDevice.values().removeIf(s -> {
      if (s.until() != null && !now.isBefore(s.until())) {
        deviceByUser.remove(s.userId());
        return true;
      }
      return false;
    });
  }

  // ---- this product's cluster-to-cluster queries (see Intercluster) ----

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
    if (!List.of("UID", "DN", "SP").contains(type)) {
      return new Answer(400, EmXml.failure(PARSE_ERROR, "loginType must be UID, DN or SP"));
    }
    List<EndUser> matches = new ArrayList<>();
    for (EndUser u : all("endUsers", EndUser.class)) {
      String id = switch (type) {
        case "DN" -> u.primaryExtension();
        case "SP" -> u.selfServiceUserId();
        default -> u.userId();
      };
      if (login.equals(id)) {
        matches.add(u);
      }
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
   * "Update Remote Cluster Now": which of our services the asking cluster may use, every service
   * of the model. EMCC, PSTN access and the RSVP agent are activated when our intercluster service
   * profile has them on and our remote cluster entry for the asker enables them; TFTP, LBM and UDS
   * when the entry enables them.
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
    service(sb, "lbm", s.lbm());
    service(sb, "uds", s.uds());
    return Answer.ok(sb.append("</remoteClusterResults></response>").toString());
  }

  /**
   * The PIN under the credential policy: a locked PIN is refused even when right (9, Dir. User Info
   * Error: the EM API's code for authentication failures other than a wrong PIN); a wrong one is 2,
   * and the one that reaches the threshold locks the PIN. Null when the PIN is accepted.
   */
  private Answer checkPin(EndUser user, String pin) {
    EmServiceParameters policy = parameters();
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

  /** The Cisco Extension Mobility service parameters of this cluster (CUCM's defaults when unset). */
  EmServiceParameters parameters() {
    return setting("emServiceParameters", EmServiceParameters.class).orElse(EmServiceParameters.DEFAULTS);
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

  <T> Optional<T> object(String collection, String name, Class<T> type) {
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
}
