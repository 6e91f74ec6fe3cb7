package dev.emcc.sim;

import dev.emcc.model.LoginType;
import dev.emcc.catalog.AudioCodecs;
import dev.emcc.catalog.LoginDeviceTftp;
import dev.emcc.catalog.SecurityModes;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Versions;
import java.util.List;
import java.util.Optional;

/**
 * The home side of an EMCC login: the EMService of the cluster where the user is configured. It
 * answers user queries, runs {@link #CHECKS} in their order on a forwarded login, and on success
 * takes an EMCC device from its pool. Its memory is the cluster's {@link ClusterState}.
 */
final class HomeEmService {
  static final String HOME = "homeEmService";

  private final World world;
  private final String clusterId;

  HomeEmService(World world, String clusterId) {
    this.world = world;
    this.clusterId = clusterId;
  }

  /** The home checks, in the order they run (docs/simulator.md, "Order of the checks"). */
  static final List<Check<HomeContext>> CHECKS = List.of(
      Check.of("home.parse", "visitingEmService", HOME, List.of(1), HomeEmService::parse),
      Check.of("home.clusterIdDistinct", "visitingEmService", HOME, List.of(44), HomeEmService::clusterIdDistinct),
      Check.of("home.database", HOME, "homeDatabase", List.of(6), HomeEmService::database),
      Check.of("home.knowsVisiting", HOME, "homeDatabase", List.of(35, 212), HomeEmService::knowsVisiting),
      Check.of("home.emccForVisiting", HOME, "homeDatabase", List.of(38), HomeEmService::emccForVisiting),
      Check.of("home.emccActive", HOME, "homeDatabase", List.of(201), HomeEmService::emccActive),
      Check.of("home.user", HOME, "homeDatabase", List.of(23, 47), HomeEmService::user),
      Check.of("home.userEmcc", HOME, "homeDatabase", List.of(31), HomeEmService::userEmcc),
      Check.of("home.pin", HOME, "homeDatabase", List.of(2, 9), HomeEmService::pin),
      Check.of("home.pinMustChange", HOME, "homeDatabase", List.of(41), HomeEmService::pinMustChange),
      Check.of("home.deviceProfile", HOME, "homeDatabase", List.of(12), HomeEmService::deviceProfile),
      Check.of("home.userElsewhere", HOME, "homeDatabase", List.of(25), HomeEmService::userElsewhere),
      Check.of("home.modelSupportsEmcc", HOME, "homeDatabase", List.of(32), HomeEmService::modelSupportsEmcc),
      Check.of("home.duplicateDeviceName", HOME, "homeDatabase", List.of(37), HomeEmService::duplicateDeviceName),
      Check.of("home.securityMode", HOME, "homeDatabase", List.of(45, 46), HomeEmService::securityMode),
      Check.of("home.emccTemplateSecurity", HOME, "homeDatabase", List.of(43), HomeEmService::templateSecurity),
      Check.of("home.freeEmccDevice", HOME, "homeDatabase", List.of(33), HomeEmService::freeDevice),
      Check.of("home.tftpServers", HOME, "homeDatabase", List.of(39), HomeEmService::tftpServers),
      Check.of("home.roamingDevicePool", HOME, "homeDatabase", List.of(), HomeEmService::roamingPool),
      Check.of("home.codecs", HOME, "homeDatabase", List.of(), HomeEmService::codecs));

  /** What the home checks read and what they find along the way. */
  static final class HomeContext {
    final Wire.HomeLoginRequest request;
    final Cluster home;
    final ClusterIndex index;
    final ClusterState state;
    final Trace trace = new Trace();
    EndUser user;
    DeviceProfile profile;
    String emccStatus;
    String device;
    String pool;
    String tftp;
    List<String> codecs = List.of();

    final World world;

    HomeContext(World world, Wire.HomeLoginRequest request, ClusterIndex index, ClusterState state) {
      this.world = world;
      this.request = request;
      this.home = index.cluster;
      this.index = index;
      this.state = state;
    }

    boolean fault(ClusterFault f) {
      return world.fault(home.clusterId(), f);
    }

    LoginType loginType() {
      return LoginType.parse(request.loginType()).orElse(LoginType.UID);
    }
  }

  Wire.UserQueryAnswer queryUser(Wire.UserQuery query) {
    ClusterIndex idx = world.index(clusterId);
    if (query.loginType() != null && !Versions.atLeast(idx.cluster.version(), "12.0")) {
      return new Wire.UserQueryAnswer(clusterId, false, EmccError.service(1));
    }
    LoginType type = LoginType.parse(query.loginType()).orElse(LoginType.UID);
    return new Wire.UserQueryAnswer(clusterId, !idx.users(type, query.identifier()).isEmpty(), null);
  }

  Wire.HomeLoginAnswer login(Wire.HomeLoginRequest request) {
    HomeContext ctx = new HomeContext(world, request, world.index(clusterId), world.state(clusterId));
    Outcome failed = Check.runAll(CHECKS, ctx, ctx.trace);
    if (failed != null) {
      return new Wire.HomeLoginAnswer(clusterId, failed.error(), ctx.trace.steps().stream().map(Wire.TracedStep::of).toList(), ctx.trace.warnings(),
          ctx.trace.warningsJa(), null, null, null, null, null, List.of());
    }
    ctx.state.putHomeSession(new Session(ctx.user.userId(), clusterId, request.visitingClusterId(),
        request.phone(), ctx.device, ctx.pool, world.now(), false));
    return new Wire.HomeLoginAnswer(clusterId, null, ctx.trace.steps().stream().map(Wire.TracedStep::of).toList(), ctx.trace.warnings(),
        ctx.trace.warningsJa(), ctx.user.userId(), ctx.device, ctx.pool, ctx.tftp, ctx.emccStatus, ctx.codecs);
  }

  boolean logout(Wire.HomeLogoutRequest request) {
    ClusterState state = world.state(clusterId);
    Session s = state.userSessions.get(request.userId());
    if (s == null || !request.phone().equals(s.phone())) {
      return false;
    }
    state.removeHomeSession(s);
    if (world.index(clusterId).autoRegistration()) {
      // the phone resets after the logout and registers here anew (seed, restrictions)
      state.autoRegistered.add(request.phone().toUpperCase(java.util.Locale.ROOT));
    }
    return true;
  }

  // ---- the checks ----

  private static Outcome parse(HomeContext c) {
    if (c.request.loginType() != null && !Versions.atLeast(c.home.version(), "12.0")) {
      return Outcome.fail(EmccError.service(1), "home.parse.fail", c.home.clusterId(), c.home.version(),
          c.request.loginType());
    }
    return Outcome.pass("home.parse.ok", c.home.clusterId(), c.home.version());
  }

  private static Outcome clusterIdDistinct(HomeContext c) {
    if (c.request.visitingClusterId().equalsIgnoreCase(c.home.clusterId())) {
      return Outcome.fail(EmccError.service(44), "home.clusterIdDistinct.fail", c.home.clusterId());
    }
    return Outcome.SKIP;
  }

  private static Outcome database(HomeContext c) {
    if (c.fault(ClusterFault.DATABASE_DOWN)) {
      return Outcome.fail(EmccError.service(6), "home.database.fail", c.home.clusterId());
    }
    return Outcome.SKIP;
  }

  private static Outcome knowsVisiting(HomeContext c) {
    Optional<RemoteCluster> entry = c.home.remoteCluster(c.request.visitingClusterId());
    if (entry.isPresent()) {
      return Outcome.pass("home.knowsVisiting.ok", c.home.clusterId(), c.request.visitingClusterId());
    }
    for (RemoteCluster r : c.home.remoteClusters()) {
      String fqn = r.fullyQualifiedName();
      if (fqn != null && (fqn.equalsIgnoreCase(c.request.visitingNode())
          || fqn.equals(c.request.visitingNodeAddress()))) {
        return Outcome.fail(EmccError.app(212), "home.knowsVisiting.wrongId", c.home.clusterId(), r.clusterId(),
            fqn, c.request.visitingClusterId());
      }
    }
    return Outcome.fail(EmccError.service(35), "home.knowsVisiting.fail", c.home.clusterId(),
        c.request.visitingClusterId());
  }

  private static Outcome emccForVisiting(HomeContext c) {
    RemoteCluster entry = c.home.remoteCluster(c.request.visitingClusterId()).orElseThrow();
    if (!entry.services().emcc()) {
      return Outcome.fail(EmccError.service(38), "home.emccForVisiting.fail", c.home.clusterId(), entry.clusterId());
    }
    return Outcome.pass("home.emccForVisiting.ok", c.home.clusterId(), entry.clusterId());
  }

  private static Outcome emccActive(HomeContext c) {
    if (!c.home.interclusterServiceProfile().emccActive()) {
      return Outcome.fail(EmccError.app(201), "home.emccActive.fail", c.home.clusterId());
    }
    return Outcome.pass("home.emccActive.ok", c.home.clusterId());
  }

  private static Outcome user(HomeContext c) {
    List<EndUser> users = c.index.users(c.loginType(), c.request.identifier());
    if (users.isEmpty()) {
      return Outcome.fail(EmccError.service(23), "home.user.fail", c.request.identifier(), c.home.clusterId());
    }
    if (users.size() > 1) {
      return Outcome.fail(EmccError.service(47), "home.user.multiple", c.request.identifier(), users.size(),
          c.home.clusterId());
    }
    c.user = users.get(0);
    return Outcome.pass("home.user.ok", c.user.userId(), c.home.clusterId());
  }

  private static Outcome userEmcc(HomeContext c) {
    if (!c.user.enableExtensionMobilityCrossCluster()) {
      return Outcome.fail(EmccError.service(31), "home.userEmcc.fail", c.user.userId());
    }
    return Outcome.pass("home.userEmcc.ok", c.user.userId());
  }

  private static Outcome pin(HomeContext c) {
    if (c.fault(ClusterFault.DIRECTORY_DOWN)) {
      return Outcome.fail(EmccError.service(9), "home.pin.directory", c.user.userId(), c.home.clusterId());
    }
    return PinPolicy.check(c.state.pins, c.home.emServiceParameters(), c.user, c.request.pin(), c.world.now(),
        "home.pin", EmccError.service(2));
  }

  private static Outcome pinMustChange(HomeContext c) {
    if (c.user.pinMustChange()) {
      return Outcome.fail(EmccError.service(41), "home.pinMustChange.fail", c.user.userId());
    }
    return Outcome.SKIP;
  }

  private static Outcome deviceProfile(HomeContext c) {
    List<DeviceProfile> owned = c.user.controlledProfiles().stream()
        .map(n -> c.index.deviceProfile(n).orElse(null)).filter(p -> p != null).toList();
    if (owned.isEmpty()) {
      return Outcome.fail(EmccError.service(12), "home.deviceProfile.fail", c.user.userId());
    }
    c.profile = owned.stream().filter(p -> p.productType() != null
        && p.productType().equalsIgnoreCase(c.request.phoneModel())).findFirst().orElse(owned.get(0));
    return Outcome.pass("home.deviceProfile.ok", c.profile.name(), c.user.userId());
  }

  private static Outcome userElsewhere(HomeContext c) {
    Session s = c.state.userSessions.get(c.user.userId());
    if (s != null) {
      return Outcome.fail(EmccError.service(25), "home.userElsewhere.fail", c.user.userId(), s.phone(),
          s.visitingCluster());
    }
    return Outcome.SKIP;
  }

  private static Outcome modelSupportsEmcc(HomeContext c) {
    if (!c.index.supportsEmcc(c.request.phoneModel())) {
      return Outcome.fail(EmccError.service(32), "home.modelSupportsEmcc.fail", c.home.clusterId(),
          String.valueOf(c.request.phoneModel()));
    }
    return Outcome.SKIP;
  }

  /** 37: the device name is used in the home cluster (any case), or the home auto-registered the phone. */
  private static Outcome duplicateDeviceName(HomeContext c) {
    if (c.index.hasDeviceNamed(c.request.phone())) {
      return Outcome.fail(EmccError.service(37), "home.duplicateDeviceName.fail", c.request.phone(),
          c.home.clusterId(), c.request.visitingClusterId());
    }
    if (c.state.autoRegistered.contains(c.request.phone().toUpperCase(java.util.Locale.ROOT))) {
      return Outcome.fail(EmccError.service(37), "home.duplicateDeviceName.autoRegistered", c.request.phone(),
          c.home.clusterId());
    }
    return Outcome.SKIP;
  }

  private static final java.util.Map<SecurityModes.Verdict, String> SECURITY_KEYS = java.util.Map.of(
      SecurityModes.Verdict.NON_SECURE, "home.security.nonSecure",
      SecurityModes.Verdict.SECURE, "home.security.secure",
      SecurityModes.Verdict.VISITING_8X, "home.security.visiting8",
      SecurityModes.Verdict.HOME_8X, "home.security.home8",
      SecurityModes.Verdict.HOME_NON_SECURE, "home.security.homeNonSecure");

  private static Outcome securityMode(HomeContext c) {
    SecurityModes.Verdict v = SecurityModes.decide(c.home.version(), c.home.securityMode(),
        c.request.visitingVersion(), c.request.visitingSecurityMode(), c.request.phoneSecurityMode());
    Object[] args = {c.home.clusterId(), c.home.version(), c.home.securityMode().json(),
        c.request.visitingClusterId(), c.request.visitingVersion(), c.request.visitingSecurityMode().json(),
        c.request.phoneSecurityMode().json()};
    if (v.code() != null) {
      return Outcome.fail(EmccError.service(v.code()), SECURITY_KEYS.get(v), args);
    }
    c.emccStatus = v.emccStatus();
    return Outcome.pass(SECURITY_KEYS.get(v), args);
  }

  private static Outcome templateSecurity(HomeContext c) {
    Optional<EmccTemplate> t = c.home.emccTemplate(c.home.emccDevices().defaultTemplate());
    if (t.isPresent() && t.get().deviceSecurityMode().isSecure()) {
      return Outcome.fail(EmccError.service(43), "home.emccTemplateSecurity.fail", t.get().name(),
          t.get().deviceSecurityMode().json());
    }
    return Outcome.SKIP;
  }

  private static Outcome freeDevice(HomeContext c) {
    for (String name : c.home.emccDevices().names()) {
      if (!c.state.devicesInUse.containsKey(name)) {
        c.device = name;
        return Outcome.pass("home.freeEmccDevice.ok", name, c.home.emccDevices().names().size()
            - c.state.devicesInUse.size() - 1);
      }
    }
    return Outcome.fail(EmccError.service(33), "home.freeEmccDevice.fail", c.home.clusterId(),
        c.home.emccDevices().names().size());
  }

  /** 39 when a TFTP server for EMCC login devices is not set properly ({@link LoginDeviceTftp}). */
  private static Outcome tftpServers(HomeContext c) {
    List<LoginDeviceTftp.Fault> faults = LoginDeviceTftp.faults(c.home);
    if (!faults.isEmpty()) {
      LoginDeviceTftp.Fault f = faults.get(0);
      return Outcome.fail(EmccError.service(39), "home.tftpServers." + f.field().key() + "." + f.problem().name(),
          c.home.clusterId(), String.valueOf(f.value()));
    }
    c.tftp = c.home.emccFeatureConfig().defaultTftpServer().trim();
    if (!c.request.phoneTftpEncryptedConfig()) {
      return Outcome.pass("home.tftpServers.ok", c.tftp);
    }
    // seed line 582: encrypted only when both clusters are 9.x or later and the flag is on
    String old = !Versions.atLeast(c.home.version(), "9.0") ? c.home.clusterId()
        : !Versions.atLeast(c.request.visitingVersion(), "9.0") ? c.request.visitingClusterId() : null;
    if (old == null) {
      return Outcome.pass("home.tftpServers.encrypted", c.tftp);
    }
    String version = old.equals(c.home.clusterId()) ? c.home.version() : c.request.visitingVersion();
    c.trace.warn("warn.configNotEncrypted", c.request.phone(), old, version);
    return Outcome.pass("home.tftpServers.notEncrypted", c.tftp, old, version);
  }

  private static Outcome roamingPool(HomeContext c) {
    RoamingPool.Choice choice = RoamingPool.choose(c.home, c.request.phoneGeolocation());
    c.pool = choice.devicePool();
    if (choice.fallbackKey() != null) {
      c.trace.warn(choice.fallbackKey(), c.home.clusterId(), String.valueOf(c.pool));
      return Outcome.pass("home.roamingDevicePool.fallback", String.valueOf(c.pool));
    }
    return Outcome.pass("home.roamingDevicePool.ok", c.pool, choice.matchedFields(),
        c.home.emccFeatureConfig().geolocationFilter());
  }

  private static Outcome codecs(HomeContext c) {
    EmccFeatureConfig f = c.home.emccFeatureConfig();
    Wire.Region v = c.request.visitingRegion();
    int audio = f.regionMaxAudioBitRateKbps();
    if (v != null) {
      if (v.maxAudioKbps() != f.regionMaxAudioBitRateKbps() || v.maxVideoKbps() != f.regionMaxVideoCallBitRateKbps()
          || v.linkLoss() != f.regionLinkLossType()) {
        c.trace.warn("warn.regionMismatch", c.home.clusterId(), f.regionMaxAudioBitRateKbps(),
            f.regionMaxVideoCallBitRateKbps(), f.regionLinkLossType().json(), c.request.visitingClusterId(),
            v.maxAudioKbps(), v.maxVideoKbps(), v.linkLoss().json());
      }
      audio = Math.min(audio, v.maxAudioKbps());
    }
    c.codecs = AudioCodecs.preference(audio, f.regionLinkLossType());
    if (c.codecs.isEmpty()) {
      c.trace.warn("warn.noCodec", audio);
    }
    return Outcome.pass("home.codecs.ok", String.join(", ", c.codecs), audio, f.regionLinkLossType().json());
  }
}
