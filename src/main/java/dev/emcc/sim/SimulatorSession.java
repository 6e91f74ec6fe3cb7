package dev.emcc.sim;

import dev.emcc.model.LoginType;
import dev.emcc.model.Cluster;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EndUser;
import dev.emcc.model.Node;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A simulation that lasts: who is logged in where, which EMCC devices are in use, what the last
 * remote-cluster updates learned, and a simulated clock that runs the periodic jobs (remote
 * cluster update, expired EMCC device maintenance) of every cluster. Not thread-safe: one driver
 * at a time.
 */
public final class SimulatorSession implements World {
  /** The simulated clock starts here unless told otherwise. */
  public static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

  private Workspace workspace;
  private final Map<String, ClusterIndex> indexes = new HashMap<>();
  private final Map<String, ClusterState> states = new HashMap<>();
  private final Map<String, HomeEmService> services = new HashMap<>();
  private final Map<String, Instant> nextUpdate = new HashMap<>();
  private final Map<String, Instant> nextMaintenance = new HashMap<>();
  private final HomeClusterLink link;
  private final VisitingEmService visiting;
  private final Map<String, EnumSet<ClusterFault>> faults = new HashMap<>();
  private boolean wanUp = true;
  private int concurrentRequests;
  private Instant now;

  public SimulatorSession(Workspace workspace) {
    this(workspace, EPOCH);
  }

  public SimulatorSession(Workspace workspace, Instant start) {
    this(workspace, start, InProcessHomeClusterLink::new);
  }

  /**
   * A session whose visiting EMServices reach other clusters through the given link (for example
   * HTTPS calls to node servers that answer with {@link #answerUserQuery} and friends).
   */
  public SimulatorSession(Workspace workspace, Instant start, Function<SimulatorSession, HomeClusterLink> links) {
    this.now = start;
    this.link = links.apply(this);
    this.visiting = new VisitingEmService(this, link);
    setWorkspace(workspace);
  }

  // ---- configuration and conditions ----

  @Override
  public Workspace workspace() {
    return workspace;
  }

  /**
   * Replaces the configuration (an administrator saved a window). Sessions stay as they are: a user
   * whose EMCC is disabled keeps the session until logout, and only later logins are refused.
   */
  public void setWorkspace(Workspace ws) {
    this.workspace = ws;
    indexes.clear();
    for (Cluster c : ws.clusters()) {
      indexes.put(c.clusterId(), new ClusterIndex(c));
      states.computeIfAbsent(c.clusterId(), k -> new ClusterState());
      EmccFeatureConfig f = c.emccFeatureConfig();
      nextUpdate.computeIfAbsent(c.clusterId(), k -> now.plus(Duration.ofMinutes(f.remoteClusterUpdateIntervalMinutes())));
      nextMaintenance.computeIfAbsent(c.clusterId(),
          k -> now.plus(Duration.ofMinutes(f.expiredDeviceMaintenanceIntervalMinutes())));
    }
  }

  public void updateWorkspace(UnaryOperator<Workspace> change) {
    setWorkspace(change.apply(workspace));
  }

  /** Turns the WAN between the clusters on or off. Going down drops the visiting side of EMCC sessions. */
  public void setWanUp(boolean up) {
    if (wanUp && !up) {
      for (ClusterState s : states.values()) {
        for (Session session : List.copyOf(s.phoneSessions.values())) {
          if (session.isEmcc()) {
            s.phoneSessions.remove(session.phone());
            expireAtHome(this, session);
          }
        }
        // a phone still registered to its home loses that registration too
        for (Session session : List.copyOf(s.registeredToHome.values())) {
          s.registeredToHome.remove(session.phone());
          expireAtHome(this, session);
        }
      }
    }
    wanUp = up;
  }

  @Override
  public boolean wanUp() {
    return wanUp;
  }

  public void setConcurrentRequests(int n) {
    this.concurrentRequests = n;
  }

  /**
   * Stages or clears a failure inside a cluster ({@link ClusterFault}).
   *
   * @throws IllegalArgumentException when the workspace has no such cluster
   */
  public void setFault(String clusterId, ClusterFault fault, boolean on) {
    if (!indexes.containsKey(clusterId)) {
      throw new IllegalArgumentException("no cluster \"" + clusterId + "\" in the workspace");
    }
    EnumSet<ClusterFault> set = faults.computeIfAbsent(clusterId, k -> EnumSet.noneOf(ClusterFault.class));
    if (on) {
      set.add(fault);
    } else {
      set.remove(fault);
    }
  }

  /** The faults staged in a cluster. */
  public Set<ClusterFault> faults(String clusterId) {
    EnumSet<ClusterFault> set = faults.get(clusterId);
    return set == null ? Set.of() : Set.copyOf(set);
  }

  @Override
  public boolean fault(String clusterId, ClusterFault fault) {
    EnumSet<ClusterFault> set = faults.get(clusterId);
    return set != null && set.contains(fault);
  }

  /**
   * Restarts Cisco Extension Mobility in a cluster: its EMApp initialises again and fails (210 on
   * every request) when the database is down at that moment, until a restart with the database up.
   */
  public void restartExtensionMobility(String clusterId) {
    setFault(clusterId, ClusterFault.EM_APP_INIT_FAILED, fault(clusterId, ClusterFault.DATABASE_DOWN));
  }

  // ---- logins ----

  /**
   * One login attempt with the session's current conditions. The attempt's visiting cluster may be
   * left out when exactly one cluster has the phone; otherwise {@link ScenarioProblem}.
   */
  public SimulationResult login(LoginAttempt attempt) {
    return visiting.login(attempt, visitingClusterOf(attempt.phone(), attempt.visitingCluster(), "$.attempt"),
        concurrentRequests);
  }

  /** Logout from a phone; 19 when nobody is logged in on it. The visiting cluster as for login. */
  public SimulationResult logout(String phone) {
    return logout(phone, null);
  }

  public SimulationResult logout(String phone, String visitingCluster) {
    return logout(LoginAttempt.logout(phone).withVisitingCluster(visitingCluster));
  }

  /** A logout request, from the phone or (with {@code emApi}) from a third-party application. */
  public SimulationResult logout(LoginAttempt attempt) {
    return visiting.logout(attempt, visitingClusterOf(attempt.phone(), attempt.visitingCluster(), "$.attempt"));
  }

  /**
   * "Log Out" in the visiting cluster's Phone Configuration window (seed line 547). A local
   * session ends; for an EMCC session only the visiting database is cleaned up: the phone stays
   * registered to the home cluster ({@link #registeredToHome}), which keeps the user's session and
   * EMCC device, until the home resets it ({@link #resetAtHome}) or it logs out from the home
   * ({@link #logout(String)} on the phone).
   */
  public SimulationResult phoneWindowLogout(String phone, String visitingCluster) {
    return visiting.phoneWindowLogout(phone, visitingClusterOf(phone, visitingCluster, "$"));
  }

  /** The EMCC session of a phone that the visiting Phone window logged out but the home still has. */
  public Optional<Session> registeredToHome(String phone) {
    return states.values().stream().map(s -> s.registeredToHome.get(phone)).filter(s -> s != null).findFirst();
  }

  /**
   * The home cluster resets the EMCC device of a phone left registered to it by the visiting
   * Phone window's Log Out: the home frees the user and the device, and the phone returns to its
   * visiting cluster, free. False when the phone is not in that state.
   */
  public boolean resetAtHome(String phone) {
    for (ClusterState visitingState : states.values()) {
      Session s = visitingState.registeredToHome.remove(phone);
      if (s != null) {
        ClusterState home = states.get(s.homeCluster());
        if (home != null) {
          home.removeHomeSession(s);
        }
        return true;
      }
    }
    return false;
  }

  /** Puts a session in place without the checks (a scenario's "loggedIn" conditions). */
  public void preload(String userId, String phone, String path) {
    String visitingId = visitingClusterOf(phone, null, path);
    if (indexes.get(visitingId).phone(phone).isEmpty()) {
      throw new ScenarioProblem(path + ".phone", "no cluster has a phone named \"" + phone + "\"");
    }
    ClusterState vs = states.get(visitingId);
    if (vs.phoneSessions.containsKey(phone)) {
      throw new ScenarioProblem(path + ".phone", "phone " + phone + " is listed twice in loggedIn");
    }
    String homeId = indexes.get(visitingId).users(LoginType.UID, userId).isEmpty() ? null : visitingId;
    if (homeId == null) {
      homeId = workspace.clusters().stream()
          .filter(c -> !indexes.get(c.clusterId()).users(LoginType.UID, userId).isEmpty())
          .map(Cluster::clusterId).findFirst()
          .orElseThrow(() -> new ScenarioProblem(path + ".userId", "no cluster has a user \"" + userId + "\""));
    }
    ClusterState hs = states.get(homeId);
    if (hs.userSessions.containsKey(userId)) {
      throw new ScenarioProblem(path + ".userId", "user " + userId + " is listed twice in loggedIn");
    }
    String device = null;
    if (!homeId.equals(visitingId)) {
      device = indexes.get(homeId).cluster.emccDevices().names().stream()
          .filter(n -> !hs.devicesInUse.containsKey(n)).findFirst()
          .orElseThrow(() -> new ScenarioProblem(path, "no free EMCC device left in the home cluster for " + userId));
    }
    Session s = new Session(userId, homeId, visitingId, phone, device, null, now, false);
    vs.phoneSessions.put(phone, s);
    hs.putHomeSession(s);
  }

  private String visitingClusterOf(String phone, String given, String path) {
    if (given != null) {
      if (!indexes.containsKey(given)) {
        throw new ScenarioProblem(path + ".visitingCluster", "no cluster \"" + given + "\" in the workspace");
      }
      return given;
    }
    List<String> holders = new ArrayList<>();
    for (Cluster c : workspace.clusters()) {
      if (indexes.get(c.clusterId()).phone(phone).isPresent()) {
        holders.add(c.clusterId());
      }
    }
    if (holders.size() == 1) {
      return holders.get(0);
    }
    if (holders.isEmpty() && workspace.clusters().size() == 1) {
      return workspace.clusters().get(0).clusterId();
    }
    throw new ScenarioProblem(path + ".visitingCluster", holders.isEmpty()
        ? "no cluster has a phone named \"" + phone + "\": give visitingCluster"
        : "phone \"" + phone + "\" is in clusters " + holders + ": give visitingCluster");
  }

  // ---- what the session knows ----

  public List<Session> sessions() {
    List<Session> out = new ArrayList<>();
    for (ClusterState s : states.values()) {
      out.addAll(s.userSessions.values());
    }
    return out;
  }

  public Optional<Session> sessionOnPhone(String phone) {
    return states.values().stream().map(s -> s.phoneSessions.get(phone)).filter(s -> s != null).findFirst();
  }

  /** The EMCC devices of a home cluster that are held by a session (expired ones included). */
  public Set<String> devicesInUse(String homeCluster) {
    ClusterState s = states.get(homeCluster);
    return s == null ? Set.of() : new LinkedHashSet<>(s.devicesInUse.keySet());
  }

  /** False when the remote cluster did not answer the cluster's last remote-cluster update. */
  public boolean remoteClusterAvailable(String clusterId, String remoteClusterId) {
    ClusterIndex idx = indexes.get(clusterId);
    if (idx == null) {
      return false;
    }
    return idx.cluster.remoteCluster(remoteClusterId).map(r -> remoteAvailable(states.get(clusterId), r)).orElse(false);
  }

  static boolean remoteAvailable(ClusterState state, RemoteCluster entry) {
    ClusterState.RemoteUpdate u = state.remoteUpdates.get(VisitingEmService.lower(entry.clusterId()));
    if (u != null) {
      return u.answered();
    }
    return entry.status() == null || entry.status().answered();
  }

  static void expireAtHome(World world, Session s) {
    ClusterState home = world.state(s.homeCluster());
    if (home != null && home.userSessions.get(s.userId()) != null) {
      home.putHomeSession(home.userSessions.get(s.userId()).asExpired());
    }
  }

  // ---- the clock and the periodic jobs ----

  @Override
  public Instant now() {
    return now;
  }

  /** Moves the clock on, running every remote-cluster update and maintenance job that falls due. */
  public void advance(Duration d) {
    Instant target = now.plus(d);
    while (true) {
      String cluster = null;
      boolean update = false;
      Instant due = null;
      for (Cluster c : workspace.clusters()) {
        Instant u = nextUpdate.get(c.clusterId());
        Instant m = nextMaintenance.get(c.clusterId());
        if (!u.isAfter(target) && (due == null || u.isBefore(due))) {
          due = u;
          cluster = c.clusterId();
          update = true;
        }
        if (!m.isAfter(target) && (due == null || m.isBefore(due))) {
          due = m;
          cluster = c.clusterId();
          update = false;
        }
      }
      if (due == null) {
        break;
      }
      now = due;
      EmccFeatureConfig f = indexes.get(cluster).cluster.emccFeatureConfig();
      if (update) {
        updateRemoteClusterNow(cluster);
        nextUpdate.put(cluster, due.plus(Duration.ofMinutes(f.remoteClusterUpdateIntervalMinutes())));
      } else {
        runExpiredDeviceMaintenance(cluster);
        nextMaintenance.put(cluster, due.plus(Duration.ofMinutes(f.expiredDeviceMaintenanceIntervalMinutes())));
      }
    }
    now = target;
  }

  /** "Update Remote Cluster Now" on every cluster. */
  public void updateRemoteClusterNow() {
    workspace.clusters().forEach(c -> updateRemoteClusterNow(c.clusterId()));
  }

  /** "Update Remote Cluster Now" on one cluster: asks each of its remote clusters whether it answers. */
  public void updateRemoteClusterNow(String clusterId) {
    Cluster c = indexes.get(clusterId).cluster;
    HomeClusterLink.Origin origin = new HomeClusterLink.Origin(clusterId, updateServer(c));
    ClusterState state = states.get(clusterId);
    for (RemoteCluster r : c.remoteClusters()) {
      HomeClusterLink.LinkReply<String> reply = link.remoteUpdate(origin, r);
      state.remoteUpdates.put(VisitingEmService.lower(r.clusterId()), new ClusterState.RemoteUpdate(
          !reply.failed(), reply.failed() ? reply.failure().code() : null, now));
    }
  }

  /** The expired EMCC device maintenance of a home cluster: frees devices whose visiting side is gone. */
  public int runExpiredDeviceMaintenance(String clusterId) {
    ClusterState state = states.get(clusterId);
    int freed = 0;
    for (Session s : List.copyOf(state.userSessions.values())) {
      if (s.expired()) {
        state.removeHomeSession(s);
        freed++;
      }
    }
    return freed;
  }

  private static String updateServer(Cluster c) {
    EmccFeatureConfig f = c.emccFeatureConfig();
    for (String name : new String[] {f.remoteClusterUpdateDefaultServer(), f.remoteClusterUpdateBackupServer()}) {
      Optional<Node> n = c.node(name);
      if (n.isPresent() && n.get().services().extensionMobility()) {
        return n.get().name();
      }
    }
    return c.nodes().stream().filter(n -> n.services().extensionMobility()).map(Node::name).findFirst()
        .orElse(null);
  }

  // ---- the home side, for a transport that delivers remote calls to this session ----

  /** Answers another cluster's "do you know this user?" as the EMService of {@code clusterId}. */
  public Wire.UserQueryAnswer answerUserQuery(String clusterId, Wire.UserQuery query) {
    return emService(clusterId).queryUser(query);
  }

  /** Runs the home checks of a forwarded login as the EMService of {@code clusterId}. */
  public Wire.HomeLoginAnswer answerLogin(String clusterId, Wire.HomeLoginRequest request) {
    return emService(clusterId).login(request);
  }

  /** Frees the EMCC device of a user who logged out of a visiting phone. */
  public boolean answerLogout(String clusterId, Wire.HomeLogoutRequest request) {
    return emService(clusterId).logout(request);
  }

  // ---- World ----

  @Override
  public ClusterIndex index(String clusterId) {
    return indexes.get(clusterId);
  }

  @Override
  public ClusterState state(String clusterId) {
    return states.get(clusterId);
  }

  @Override
  public HomeEmService emService(String clusterId) {
    return services.computeIfAbsent(clusterId, id -> new HomeEmService(this, id));
  }

  /** A user of a cluster, for tests and the storm. */
  Optional<EndUser> user(String clusterId, String userId) {
    return indexes.get(clusterId).users(LoginType.UID, userId).stream().findFirst();
  }
}
