package dev.emcc.sim;

import dev.emcc.model.LoginType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Versions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The visiting side of a login: the phone, the visiting EMApp (the phone service) and the visiting
 * EMService. {@link #CHECKS} is the order in which a login is checked; the home side's own order
 * ({@link HomeEmService#CHECKS}) runs inside the {@code visiting.homeLogin} step. A user configured
 * in the visiting cluster itself logs in with plain Extension Mobility (the {@code local.*} checks).
 */
final class VisitingEmService {
  static final String PHONE = "phone";
  static final String EMAPP = "visitingEmApp";
  static final String EMSERVICE = "visitingEmService";
  static final String REMOTE = "remoteEmService";
  static final String DATABASE = "visitingDatabase";

  /** The visiting checks, in the order they run (docs/simulator.md, "Order of the checks"). */
  static final List<Check<VisitingContext>> CHECKS = List.of(
      Check.of("visiting.emAppInit", PHONE, EMAPP, List.of(210), VisitingEmService::emAppInit),
      Check.of("visiting.deviceName", PHONE, EMAPP, List.of(207), VisitingEmService::deviceName),
      Check.of("visiting.deviceKnown", PHONE, EMAPP, List.of(11), VisitingEmService::deviceKnown),
      Check.of("visiting.emService", PHONE, EMAPP, List.of(22), VisitingEmService::emService),
      Check.of("visiting.loginType", PHONE, EMAPP, List.of(215), VisitingEmService::loginType),
      Check.of("visiting.credentials", PHONE, EMAPP, List.of(202), VisitingEmService::credentials),
      Check.of("visiting.emServiceReachable", EMAPP, EMSERVICE, List.of(208), VisitingEmService::emServiceReachable),
      Check.of("visiting.concurrentRequests", EMAPP, EMSERVICE, List.of(26), VisitingEmService::concurrentRequests),
      Check.of("visiting.trustedIp", EMAPP, EMSERVICE, List.of(28), VisitingEmService::trustedIp),
      Check.of("visiting.proxy", EMAPP, EMSERVICE, List.of(30), VisitingEmService::proxy),
      Check.of("visiting.emApi", EMAPP, EMSERVICE, List.of(8, 3, 10), VisitingEmService::emApi),
      Check.of("visiting.ris", EMSERVICE, DATABASE, List.of(29), VisitingEmService::ris),
      Check.of("visiting.database", EMSERVICE, DATABASE, List.of(6), VisitingEmService::database),
      Check.of("visiting.phoneEmEnabled", EMAPP, EMSERVICE, List.of(22, 5), VisitingEmService::phoneEmEnabled),
      Check.of("visiting.phoneFree", EMAPP, EMSERVICE, List.of(18), VisitingEmService::phoneFree),
      Check.of("visiting.localUser", EMSERVICE, "visitingDatabase", List.of(216), VisitingEmService::localUser),
      Check.of("local.pin", EMSERVICE, "visitingDatabase", List.of(201, 204, 9), VisitingEmService::localPin),
      Check.of("local.pinMustChange", EMSERVICE, "visitingDatabase", List.of(41), VisitingEmService::localPinMustChange),
      Check.of("local.deviceProfile", EMSERVICE, "visitingDatabase", List.of(12), VisitingEmService::localProfile),
      Check.of("local.userElsewhere", EMSERVICE, "visitingDatabase", List.of(25), VisitingEmService::localElsewhere),
      Check.of("visiting.phoneSupportsEmcc", EMSERVICE, EMAPP, List.of(213), VisitingEmService::phoneSupportsEmcc),
      Check.of("visiting.emccActive", EMSERVICE, "visitingDatabase", List.of(201), VisitingEmService::emccActive),
      Check.of("visiting.pstnAccess", EMSERVICE, "visitingDatabase", List.of(211), VisitingEmService::pstnAccess),
      Check.of("visiting.remoteClusters", EMSERVICE, "visitingDatabase", List.of(36), VisitingEmService::remoteClusters),
      Check.of("visiting.findHomeCluster", EMSERVICE, REMOTE, List.of(23, 40, 42, 208, 1),
          VisitingEmService::findHomeCluster),
      Check.of("visiting.homeLogin", EMSERVICE, HomeEmService.HOME, List.of(208), VisitingEmService::homeLogin),
      Check.of("visiting.register", HomeEmService.HOME, PHONE, List.of(), VisitingEmService::register));

  /** The logout checks, in order. */
  static final List<Check<VisitingContext>> LOGOUT_CHECKS = List.of(
      Check.of("logout.emAppInit", PHONE, EMAPP, List.of(210), VisitingEmService::emAppInit),
      Check.of("logout.deviceName", PHONE, EMAPP, List.of(207), VisitingEmService::deviceName),
      Check.of("logout.deviceKnown", PHONE, EMAPP, List.of(11), VisitingEmService::deviceKnown),
      Check.of("logout.emApi", EMAPP, EMSERVICE, List.of(8, 3, 10), VisitingEmService::emApi),
      Check.of("logout.ris", EMSERVICE, DATABASE, List.of(29), VisitingEmService::ris),
      Check.of("logout.phoneEmEnabled", EMAPP, EMSERVICE, List.of(20), VisitingEmService::logoutEmEnabled),
      Check.of("logout.userLoggedIn", EMAPP, EMSERVICE, List.of(19, 21), VisitingEmService::logoutUserLoggedIn),
      Check.of("logout.home", EMSERVICE, HomeEmService.HOME, List.of(), VisitingEmService::logoutHome));

  /**
   * "Log Out" in the visiting cluster's Phone Configuration window (seed line 547): for an EMCC
   * session it only cleans up the visiting database; the phone stays registered to the home until
   * the home resets it or it logs out from the home.
   */
  static final List<Check<VisitingContext>> PHONE_WINDOW_LOGOUT_CHECKS = List.of(
      Check.of("phoneWindow.deviceKnown", EMSERVICE, DATABASE, List.of(11), VisitingEmService::deviceKnown),
      Check.of("phoneWindow.userLoggedIn", EMSERVICE, DATABASE, List.of(19), VisitingEmService::phoneWindowLoggedIn),
      Check.of("phoneWindow.cleanup", EMSERVICE, DATABASE, List.of(), VisitingEmService::phoneWindowCleanup));

  /** What the visiting checks read and find. */
  static final class VisitingContext {
    final World world;
    final HomeClusterLink link;
    final LoginAttempt attempt;
    final Cluster visiting;
    final ClusterIndex index;
    final ClusterState state;
    final Trace trace = new Trace();
    final int concurrentRequests;
    Phone phone;
    PhoneService service;
    Node emNode;
    String loginType;
    EndUser localUser;
    DeviceProfile localProfile;
    RemoteCluster homeEntry;
    String homeClusterId;
    Wire.HomeLoginAnswer answer;
    Session session;
    /** What the phone shows when it is not the catalog's display of the code (English, Japanese). */
    String[] display;

    VisitingContext(World world, HomeClusterLink link, LoginAttempt attempt, String visitingId, int concurrent) {
      this.world = world;
      this.link = link;
      this.attempt = attempt;
      this.index = world.index(visitingId);
      this.visiting = index.cluster;
      this.state = world.state(visitingId);
      this.concurrentRequests = concurrent;
    }

    boolean local() {
      return localUser != null;
    }

    boolean visiting12() {
      return Versions.atLeast(visiting.version(), "12.0");
    }

    /** A request that carries EM API details, or whose source is not the phone itself (a third party). */
    boolean apiRequest() {
      return attempt.emApi() != null
          || attempt.sourceIp() != null && phone != null && !attempt.sourceIp().equals(phone.address());
    }

    boolean fault(ClusterFault f) {
      return world.fault(visiting.clusterId(), f);
    }

    HomeClusterLink.Origin origin() {
      return new HomeClusterLink.Origin(visiting.clusterId(), emNode == null ? null : emNode.name());
    }
  }

  private final World world;
  private final HomeClusterLink link;

  VisitingEmService(World world, HomeClusterLink link) {
    this.world = world;
    this.link = link;
  }

  SimulationResult login(LoginAttempt attempt, String visitingId, int concurrentRequests) {
    VisitingContext ctx = new VisitingContext(world, link, attempt, visitingId, concurrentRequests);
    Outcome failed = Check.runAll(CHECKS, ctx, ctx.trace);
    if (failed != null) {
      return failure(ctx, failed.error(), false);
    }
    Session s = ctx.session;
    if (s.isEmcc()) {
      return new SimulationResult(SimulationResult.SUCCESS, null, null, null, ctx.answer.emccStatus(),
          s.homeCluster(), s.visitingCluster(), s.emccDevice(), s.roamingDevicePool(),
          ctx.answer.codecPreference(), ctx.trace.warnings(), ctx.trace.steps(), ctx.trace.warningsJa());
    }
    return new SimulationResult(SimulationResult.SUCCESS, null, null, null, null, s.homeCluster(),
        s.visitingCluster(), null, null, List.of(), ctx.trace.warnings(), ctx.trace.steps(), ctx.trace.warningsJa());
  }

  SimulationResult logout(LoginAttempt attempt, String visitingId) {
    return logout(attempt, visitingId, LOGOUT_CHECKS);
  }

  /** "Log Out" in the visiting Phone Configuration window, by the visiting cluster's administrator. */
  SimulationResult phoneWindowLogout(String phone, String visitingId) {
    return logout(LoginAttempt.logout(phone), visitingId, PHONE_WINDOW_LOGOUT_CHECKS);
  }

  private SimulationResult logout(LoginAttempt attempt, String visitingId, List<Check<VisitingContext>> checks) {
    VisitingContext ctx = new VisitingContext(world, link, attempt, visitingId, 0);
    Outcome failed = Check.runAll(checks, ctx, ctx.trace);
    if (failed != null) {
      return failure(ctx, failed.error(), true);
    }
    Session s = ctx.session;
    return new SimulationResult(SimulationResult.SUCCESS, null, null, null, null, s.homeCluster(),
        s.visitingCluster(), s.emccDevice(), s.roamingDevicePool(), List.of(), ctx.trace.warnings(),
        ctx.trace.steps(), ctx.trace.warningsJa());
  }

  private static SimulationResult failure(VisitingContext ctx, EmccError error, boolean logout) {
    String[] display = ctx.display != null ? ctx.display : PhoneDisplay.of(error, logout);
    return new SimulationResult(SimulationResult.FAILURE, error.code(), display[0], display[1], null,
        ctx.homeClusterId, ctx.visiting.clusterId(), null, null, List.of(), ctx.trace.warnings(),
        ctx.trace.steps(), ctx.trace.warningsJa());
  }

  // ---- phone and visiting EMApp ----

  private static Outcome emAppInit(VisitingContext c) {
    if (c.fault(ClusterFault.EM_APP_INIT_FAILED)) {
      return Outcome.fail(EmccError.app(210), "visiting.emAppInit.fail", c.visiting.clusterId());
    }
    return Outcome.SKIP;
  }

  /**
   * 207: the request names no device: a third party sent none, or the Service URL of the phone's EM
   * service lacks {@code device=#DEVICENAME#} (the phone fills in only that tag). The simulated
   * phone opens the Service URL, as for the EMService's host.
   */
  private static Outcome deviceName(VisitingContext c) {
    if (c.attempt.phone() == null || c.attempt.phone().isBlank()) {
      return Outcome.fail(EmccError.app(207), "visiting.deviceName.fail");
    }
    c.phone = c.index.phone(c.attempt.phone()).orElse(null);
    // an EM API request names the device itself; only the phone's own request comes from the URL
    PhoneService service = c.phone == null || c.apiRequest() ? null : emServiceOf(c.visiting, c.phone);
    if (service != null) {
      if (!"#DEVICENAME#".equals(PhoneService.queryParameter(service.serviceUrl(), "device").orElse(null))) {
        return Outcome.fail(EmccError.app(207), "visiting.deviceName.noTag", service.name());
      }
    }
    return Outcome.SKIP;
  }

  /** The enabled EM service the phone opens (subscribed, or an enterprise subscription), if any. */
  private static PhoneService emServiceOf(Cluster visiting, Phone phone) {
    for (PhoneService s : visiting.extensionMobilityServices()) {
      boolean offered = s.enterpriseSubscription() || phone.subscribedServices().contains(s.name());
      if (offered && Boolean.TRUE.equals(s.enabled())) {
        return s;
      }
    }
    return null;
  }

  private static Outcome deviceKnown(VisitingContext c) {
    c.phone = c.index.phone(c.attempt.phone()).orElse(null);
    if (c.phone == null) {
      return Outcome.fail(EmccError.service(11), "visiting.deviceKnown.fail", c.attempt.phone(),
          c.visiting.clusterId());
    }
    return Outcome.pass("visiting.deviceKnown.ok", c.phone.name(), String.valueOf(c.phone.model()),
        c.visiting.clusterId());
  }

  private static Outcome emService(VisitingContext c) {
    c.service = emServiceOf(c.visiting, c.phone);
    if (c.service == null) {
      return Outcome.fail(EmccError.service(22), "visiting.emService.fail", c.phone.name());
    }
    return Outcome.pass("visiting.emService.ok", c.service.name());
  }

  private static Outcome loginType(VisitingContext c) {
    String type = c.attempt.loginType() != null ? c.attempt.loginType() : c.service.loginType().orElse(null);
    if (type == null) {
      return Outcome.SKIP;
    }
    if (!c.visiting12()) {
      return Outcome.pass("visiting.loginType.ignored", type, c.visiting.version());
    }
    if (LoginType.parse(type).isEmpty()) {
      return Outcome.fail(EmccError.app(215), "visiting.loginType.fail", type);
    }
    c.loginType = LoginType.parse(type).get().name();
    return Outcome.pass("visiting.loginType.ok", c.loginType);
  }

  private static Outcome credentials(VisitingContext c) {
    if (blank(c.attempt.userId()) || blank(c.attempt.pin())) {
      return Outcome.fail(EmccError.app(202), "visiting.credentials.fail");
    }
    return Outcome.SKIP;
  }

  private static Outcome emServiceReachable(VisitingContext c) {
    String host = c.service.host().orElse(null);
    Optional<Node> node = c.visiting.node(host);
    if (node.isEmpty()) {
      return Outcome.fail(EmccError.app(208), "visiting.emServiceReachable.noNode", String.valueOf(host),
          c.visiting.clusterId());
    }
    if (!node.get().services().extensionMobility()) {
      return Outcome.fail(EmccError.app(208), "visiting.emServiceReachable.fail", node.get().name());
    }
    c.emNode = node.get();
    return Outcome.pass("visiting.emServiceReachable.ok", node.get().name());
  }

  // ---- visiting EMService ----

  private static Outcome concurrentRequests(VisitingContext c) {
    int max = c.visiting.emServiceParameters().maximumConcurrentRequests();
    if (c.concurrentRequests >= max) {
      return Outcome.fail(EmccError.service(26), "visiting.concurrentRequests.fail", c.concurrentRequests, max);
    }
    return Outcome.SKIP;
  }

  private static Outcome trustedIp(VisitingContext c) {
    if (!c.visiting.emServiceParameters().validateIpAddress()) {
      return Outcome.SKIP;
    }
    String ip = c.attempt.sourceIp() == null ? c.phone.address() : c.attempt.sourceIp();
    boolean trusted = ip != null && (ip.equals(c.phone.address())
        || c.visiting.emServiceParameters().trustedIps().contains(ip));
    if (!trusted) {
      return Outcome.fail(EmccError.service(28), "visiting.trustedIp.fail", String.valueOf(ip));
    }
    return Outcome.pass("visiting.trustedIp.ok", ip);
  }

  private static Outcome proxy(VisitingContext c) {
    if (!c.attempt.viaProxy()) {
      return Outcome.SKIP;
    }
    if (!c.visiting.emServiceParameters().allowProxy()) {
      return Outcome.fail(EmccError.service(30), "visiting.proxy.fail");
    }
    return Outcome.pass("visiting.proxy.ok");
  }

  /** An EM API request: a query type the EMService knows (8), a valid application user (3) with proxy rights (10). */
  private static Outcome emApi(VisitingContext c) {
    EmApiRequest api = c.attempt.emApi();
    if (api == null) {
      return Outcome.SKIP;
    }
    if (api.queryType() != null) {
      return Outcome.fail(EmccError.service(8), "visiting.emApi.queryType", api.queryType());
    }
    if (blank(api.appUser()) || api.wrongPassword()) {
      return Outcome.fail(EmccError.service(3), "visiting.emApi.appUser", String.valueOf(api.appUser()));
    }
    if (api.lacksProxyRights()) {
      return Outcome.fail(EmccError.service(10), "visiting.emApi.proxyRights", api.appUser());
    }
    return Outcome.pass("visiting.emApi.ok", api.appUser());
  }

  private static Outcome ris(VisitingContext c) {
    if (c.fault(ClusterFault.RIS_DOWN)) {
      return Outcome.fail(EmccError.service(29), "visiting.ris.fail", c.visiting.clusterId());
    }
    return Outcome.SKIP;
  }

  private static Outcome database(VisitingContext c) {
    if (c.fault(ClusterFault.DATABASE_DOWN)) {
      return Outcome.fail(EmccError.service(6), "visiting.database.fail", c.visiting.clusterId());
    }
    return Outcome.SKIP;
  }

  private static Outcome phoneEmEnabled(VisitingContext c) {
    if (!c.phone.enableExtensionMobility()) {
      return c.apiRequest()
          ? Outcome.fail(EmccError.service(5), "visiting.phoneEmEnabled.api", c.phone.name(), c.attempt.sourceIp())
          : Outcome.fail(EmccError.service(22), "visiting.phoneEmEnabled.fail", c.phone.name());
    }
    return Outcome.SKIP;
  }

  private static Outcome phoneFree(VisitingContext c) {
    Session s = c.state.phoneSessions.get(c.phone.name());
    if (s != null) {
      return Outcome.fail(EmccError.service(18), "visiting.phoneFree.fail", s.userId(), c.phone.name());
    }
    Session home = c.state.registeredToHome.get(c.phone.name());
    if (home != null) {
      return Outcome.fail(EmccError.service(18), "visiting.phoneFree.registeredToHome", home.userId(), c.phone.name(),
          home.homeCluster());
    }
    return Outcome.SKIP;
  }

  private static Outcome localUser(VisitingContext c) {
    LoginType type = LoginType.parse(c.loginType).orElse(LoginType.UID);
    List<EndUser> users = c.index.users(type, c.attempt.userId());
    if (users.size() > 1 && type == LoginType.DN) {
      return Outcome.fail(EmccError.app(216), "visiting.localUser.multiple", c.attempt.userId(), users.size(),
          c.visiting.clusterId());
    }
    if (users.size() == 1) {
      c.localUser = users.get(0);
      c.homeClusterId = c.visiting.clusterId();
      return Outcome.pass("visiting.localUser.ok", c.localUser.userId(), c.visiting.clusterId());
    }
    return Outcome.pass("visiting.localUser.remote", c.attempt.userId(), c.visiting.clusterId());
  }

  private static Outcome localPin(VisitingContext c) {
    if (!c.local()) {
      return Outcome.SKIP;
    }
    if (c.fault(ClusterFault.DIRECTORY_DOWN)) {
      return Outcome.fail(EmccError.app(204), "local.pin.directory", c.localUser.userId(), c.visiting.clusterId());
    }
    return PinPolicy.check(c.world.state(c.visiting.clusterId()).pins, c.visiting.emServiceParameters(), c.localUser,
        c.attempt.pin(), c.world.now(), "local.pin", EmccError.app(201));
  }

  private static Outcome localPinMustChange(VisitingContext c) {
    if (c.local() && c.localUser.pinMustChange()) {
      return Outcome.fail(EmccError.service(41), "home.pinMustChange.fail", c.localUser.userId());
    }
    return Outcome.SKIP;
  }

  private static Outcome localProfile(VisitingContext c) {
    if (!c.local()) {
      return Outcome.SKIP;
    }
    List<DeviceProfile> owned = c.localUser.controlledProfiles().stream()
        .map(n -> c.index.deviceProfile(n).orElse(null)).filter(p -> p != null).toList();
    if (owned.isEmpty()) {
      return Outcome.fail(EmccError.service(12), "home.deviceProfile.fail", c.localUser.userId());
    }
    c.localProfile = owned.stream().filter(p -> p.productType() != null
        && p.productType().equalsIgnoreCase(c.phone.model())).findFirst().orElse(owned.get(0));
    return Outcome.pass("home.deviceProfile.ok", c.localProfile.name(), c.localUser.userId());
  }

  private static Outcome localElsewhere(VisitingContext c) {
    if (!c.local()) {
      return Outcome.SKIP;
    }
    Session s = c.state.userSessions.get(c.localUser.userId());
    if (s != null) {
      return Outcome.fail(EmccError.service(25), "home.userElsewhere.fail", c.localUser.userId(), s.phone(),
          s.visitingCluster());
    }
    c.session = new Session(c.localUser.userId(), c.visiting.clusterId(), c.visiting.clusterId(),
        c.phone.name(), null, null, c.world.now(), false);
    c.state.putHomeSession(c.session);
    c.state.phoneSessions.put(c.phone.name(), c.session);
    return Outcome.pass("local.login.ok", c.localUser.userId(), c.phone.name(), c.localProfile.name());
  }

  private static Outcome phoneSupportsEmcc(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    if (!c.index.supportsEmcc(c.phone.model())) {
      return Outcome.fail(EmccError.app(213), "visiting.phoneSupportsEmcc.fail", String.valueOf(c.phone.model()));
    }
    return Outcome.pass("visiting.phoneSupportsEmcc.ok", c.phone.model());
  }

  private static Outcome emccActive(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    if (!c.visiting.interclusterServiceProfile().emccActive()) {
      return Outcome.fail(EmccError.app(201), "visiting.emccActive.fail", c.visiting.clusterId());
    }
    return Outcome.SKIP;
  }

  private static Outcome pstnAccess(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    if (!c.visiting.interclusterServiceProfile().pstnAccessActive()) {
      return Outcome.fail(EmccError.app(211), "visiting.pstnAccess.fail", c.visiting.clusterId());
    }
    return Outcome.pass("visiting.pstnAccess.ok", c.visiting.clusterId());
  }

  private static Outcome remoteClusters(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    long emcc = c.visiting.remoteClusters().stream().filter(r -> r.services().emcc()).count();
    if (emcc == 0) {
      return Outcome.fail(EmccError.service(36), "visiting.remoteClusters.fail", c.visiting.clusterId(),
          c.visiting.remoteClusters().size());
    }
    for (RemoteCluster r : c.visiting.remoteClusters()) {
      if (r.services().emcc() && r.services().tftp()) {
        c.trace.warn("warn.remoteTftpOn", c.visiting.clusterId(), r.clusterId());
      }
    }
    return Outcome.pass("visiting.remoteClusters.ok", emcc);
  }

  /**
   * Asks each remote cluster with EMCC on, in the order of the entries, whether it knows the user.
   * A remote that did not answer the last remote-cluster update is not asked ("Login is
   * unavailable"). When nobody knows the user, the first reason a remote could not be asked is the
   * error (208, 42, 40 or 1), else 23.
   */
  private static Outcome findHomeCluster(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    EmccError reason = null;
    boolean unavailable = false;
    Wire.UserQuery q = new Wire.UserQuery(c.visiting.clusterId(), c.loginType, c.attempt.userId());
    for (RemoteCluster r : c.visiting.remoteClusters()) {
      if (!r.services().emcc()) {
        continue;
      }
      if (!SimulatorSession.remoteAvailable(c.state, r)) {
        c.trace.step("visiting.findHomeCluster", EMSERVICE, REMOTE, false, "visiting.find.unavailable",
            r.clusterId());
        if (reason == null) {
          reason = EmccError.service(40);
          unavailable = true;
        }
        continue;
      }
      HomeClusterLink.LinkReply<Wire.UserQueryAnswer> reply = c.link.queryUser(c.origin(), r, q);
      if (reply.failed()) {
        c.trace.step("visiting.findHomeCluster", EMSERVICE, REMOTE, false, reply.failureKey(),
            reply.failureArgs());
        reason = reason == null ? reply.failure() : reason;
        continue;
      }
      Wire.UserQueryAnswer a = reply.value();
      if (a.error() != null) {
        c.trace.step("visiting.findHomeCluster", EMSERVICE, REMOTE, false, "visiting.find.parseError",
            r.clusterId(), c.loginType);
        reason = reason == null ? a.error() : reason;
        continue;
      }
      if (a.known()) {
        c.homeEntry = r;
        c.homeClusterId = a.clusterId();
        return Outcome.pass("visiting.findHomeCluster.ok", c.attempt.userId(), a.clusterId());
      }
      c.trace.step("visiting.findHomeCluster", EMSERVICE, REMOTE, true, "visiting.find.unknown",
          r.clusterId(), c.attempt.userId());
    }
    if (reason != null) {
      if (unavailable) {
        // seed, restrictions: the phone shows "Login is unavailable" until the next successful update
        c.display = new String[] {Messages.en("display.remoteUnavailable"), Messages.ja("display.remoteUnavailable")};
      }
      return Outcome.fail(reason, "visiting.findHomeCluster.unreachable", c.attempt.userId(), reason.code());
    }
    return Outcome.fail(EmccError.service(23), "visiting.findHomeCluster.fail", c.attempt.userId());
  }

  private static Outcome homeLogin(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    Geolocation geo = c.visiting.geolocation(c.phone.geolocation())
        .or(() -> c.visiting.devicePool(c.phone.devicePool()).flatMap(p -> c.visiting.geolocation(p.geolocation())))
        .orElse(null);
    var f = c.visiting.emccFeatureConfig();
    Wire.HomeLoginRequest req = new Wire.HomeLoginRequest(c.visiting.clusterId(), c.visiting.version(),
        c.visiting.securityMode(), c.emNode.name(), c.emNode.address(), c.phone.name(), c.phone.model(),
        c.phone.deviceSecurityMode(), geo, c.loginType, c.attempt.userId(), c.attempt.pin(),
        new Wire.Region(f.regionMaxAudioBitRateKbps(), f.regionMaxVideoCallBitRateKbps(), f.regionLinkLossType()),
        c.phone.tftpEncryptedConfig());
    HomeClusterLink.LinkReply<Wire.HomeLoginAnswer> reply = c.link.login(c.origin(), c.homeEntry, req);
    if (reply.failed()) {
      return Outcome.fail(reply.failure(), reply.failureKey(), reply.failureArgs());
    }
    c.answer = reply.value();
    c.trace.addAll(c.answer.steps().stream().map(Wire.TracedStep::step).toList());
    c.trace.addWarnings(c.answer.warnings(), c.answer.warningsJa());
    if (!c.answer.ok()) {
      return Outcome.fail(c.answer.error(), "visiting.homeLogin.fail", c.homeClusterId, c.answer.error().code());
    }
    return Outcome.pass("visiting.homeLogin.ok", c.homeClusterId, c.answer.userId(), c.answer.emccDevice());
  }

  private static Outcome register(VisitingContext c) {
    if (c.local()) {
      return Outcome.SKIP;
    }
    c.session = new Session(c.answer.userId(), c.homeClusterId, c.visiting.clusterId(), c.phone.name(),
        c.answer.emccDevice(), c.answer.roamingDevicePool(), c.world.now(), false);
    c.state.phoneSessions.put(c.phone.name(), c.session);
    return Outcome.pass("visiting.register.ok", c.phone.name(), c.answer.tftpServer(), c.homeClusterId,
        c.answer.emccDevice(), String.valueOf(c.answer.roamingDevicePool()));
  }

  // ---- logout ----

  private static Outcome logoutEmEnabled(VisitingContext c) {
    if (!c.phone.enableExtensionMobility()) {
      return Outcome.fail(EmccError.service(20), "logout.phoneEmEnabled.fail", c.phone.name());
    }
    return Outcome.SKIP;
  }

  /**
   * Who is logged in on the phone: 21 when the user status cannot be read (the database is down),
   * 19 when nobody is. A phone that the Phone window's Log Out left registered to its home logs
   * out from the home.
   */
  private static Outcome logoutUserLoggedIn(VisitingContext c) {
    if (c.fault(ClusterFault.DATABASE_DOWN)) {
      return Outcome.fail(EmccError.service(21), "logout.userLoggedIn.status", c.phone.name(), c.visiting.clusterId());
    }
    c.session = c.state.phoneSessions.get(c.phone.name());
    if (c.session == null) {
      c.session = c.state.registeredToHome.get(c.phone.name());
      if (c.session == null) {
        return Outcome.fail(EmccError.service(19), "logout.userLoggedIn.fail", c.phone.name());
      }
      c.homeClusterId = c.session.homeCluster();
      return Outcome.pass("logout.userLoggedIn.registeredToHome", c.session.userId(), c.phone.name(),
          c.session.homeCluster());
    }
    c.homeClusterId = c.session.homeCluster();
    return Outcome.pass("logout.userLoggedIn.ok", c.session.userId(), c.phone.name());
  }

  private static Outcome phoneWindowLoggedIn(VisitingContext c) {
    c.session = c.state.phoneSessions.get(c.phone.name());
    if (c.session == null) {
      Session home = c.state.registeredToHome.get(c.phone.name());
      return home == null
          ? Outcome.fail(EmccError.service(19), "logout.userLoggedIn.fail", c.phone.name())
          : Outcome.fail(EmccError.service(19), "phoneWindow.userLoggedIn.alreadyCleaned", c.phone.name(),
              home.userId(), home.homeCluster());
    }
    c.homeClusterId = c.session.homeCluster();
    return Outcome.pass("logout.userLoggedIn.ok", c.session.userId(), c.phone.name());
  }

  /** The visiting database forgets the session; an EMCC phone stays registered to its home. */
  private static Outcome phoneWindowCleanup(VisitingContext c) {
    Session s = c.session;
    c.state.phoneSessions.remove(s.phone());
    if (!s.isEmcc()) {
      c.state.removeHomeSession(s);
      return Outcome.pass("logout.local.ok", s.userId(), s.phone());
    }
    c.state.registeredToHome.put(s.phone(), s);
    return Outcome.pass("phoneWindow.cleanup.emcc", s.userId(), s.phone(), s.homeCluster(), s.emccDevice());
  }

  private static Outcome logoutHome(VisitingContext c) {
    Session s = c.session;
    c.state.phoneSessions.remove(s.phone());
    c.state.registeredToHome.remove(s.phone());
    if (!s.isEmcc()) {
      c.state.removeHomeSession(s);
      return Outcome.pass("logout.local.ok", s.userId(), s.phone());
    }
    c.emNode = c.visiting.nodes().stream().filter(n -> n.services().extensionMobility()).findFirst().orElse(null);
    RemoteCluster entry = c.visiting.remoteCluster(s.homeCluster()).orElse(null);
    HomeClusterLink.LinkReply<Boolean> reply = entry == null
        ? HomeClusterLink.LinkReply.failed(EmccError.service(36), "visiting.remoteClusters.fail",
            c.visiting.clusterId(), 0)
        : c.link.logout(c.origin(), entry, new Wire.HomeLogoutRequest(c.visiting.clusterId(), s.phone(),
            s.userId(), s.emccDevice()));
    if (reply.failed()) {
      SimulatorSession.expireAtHome(c.world, s);
      c.trace.warn("warn.logoutHomeUnreachable", s.homeCluster(), s.emccDevice());
      return Outcome.pass("logout.home.expired", s.userId(), s.phone(), s.homeCluster());
    }
    return Outcome.pass("logout.home.ok", s.userId(), s.phone(), s.homeCluster(), s.emccDevice());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
