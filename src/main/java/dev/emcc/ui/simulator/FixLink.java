package dev.emcc.ui.simulator;

import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Fix;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where the trainer's view sends the user to fix a failed login: a validator diagnostic that
 * predicts the same error code when there is one, else the window and field of the failing check.
 */
public record FixLink(String cluster, Fix fix) {

  /** A failing check's window and field; the object is filled from the attempt ("phone", "user"). */
  private record Target(String window, String object, String field, boolean home) {}

  private static final Map<String, Target> BY_CHECK = Map.ofEntries(
      Map.entry("visiting.emService", new Target("phone", "phone", "subscribedServices", false)),
      Map.entry("visiting.emServiceReachable", new Target("serviceActivation", null, "services.extensionMobility", false)),
      Map.entry("visiting.concurrentRequests", new Target("emServiceParameters", null, "maximumConcurrentRequests", false)),
      Map.entry("visiting.trustedIp", new Target("emServiceParameters", null, "trustedIps", false)),
      Map.entry("visiting.proxy", new Target("emServiceParameters", null, "allowProxy", false)),
      Map.entry("visiting.phoneEmEnabled", new Target("phone", "phone", "enableExtensionMobility", false)),
      Map.entry("visiting.phoneSupportsEmcc", new Target("deviceModel", null, null, false)),
      Map.entry("visiting.emccActive", new Target("interclusterServiceProfile", null, "emccActive", false)),
      Map.entry("visiting.pstnAccess", new Target("interclusterServiceProfile", null, "pstnAccessActive", false)),
      Map.entry("visiting.remoteClusters", new Target("remoteCluster", null, null, false)),
      Map.entry("visiting.findHomeCluster", new Target("remoteCluster", null, null, false)),
      Map.entry("visiting.homeLogin", new Target("certificates", null, "tomcatTrust", false)),
      Map.entry("local.pin", new Target("endUser", "user", "pinHash", false)),
      Map.entry("local.pinMustChange", new Target("endUser", "user", "pinMustChange", false)),
      Map.entry("local.deviceProfile", new Target("endUser", "user", "controlledProfiles", false)),
      Map.entry("home.parse", new Target("cluster", null, "version", true)),
      Map.entry("home.clusterIdDistinct", new Target("cluster", null, "clusterId", false)),
      Map.entry("home.knowsVisiting", new Target("remoteCluster", null, null, true)),
      Map.entry("home.emccForVisiting", new Target("remoteCluster", null, null, true)),
      Map.entry("home.emccActive", new Target("interclusterServiceProfile", null, "emccActive", true)),
      Map.entry("home.user", new Target("endUser", null, null, true)),
      Map.entry("home.userEmcc", new Target("endUser", "user", "enableExtensionMobilityCrossCluster", true)),
      Map.entry("home.pin", new Target("endUser", "user", "pinHash", true)),
      Map.entry("home.pinMustChange", new Target("endUser", "user", "pinMustChange", true)),
      Map.entry("home.deviceProfile", new Target("endUser", "user", "controlledProfiles", true)),
      Map.entry("home.userElsewhere", new Target("endUser", "user", null, true)),
      Map.entry("home.modelSupportsEmcc", new Target("deviceModel", null, null, true)),
      Map.entry("home.duplicateDeviceName", new Target("phone", "phone", "name", true)),
      Map.entry("home.securityMode", new Target("cluster", null, "securityMode", true)),
      Map.entry("home.emccTemplateSecurity", new Target("emccTemplate", null, "deviceSecurityMode", true)),
      Map.entry("home.freeEmccDevice", new Target("emccDevices", null, "names", true)),
      Map.entry("home.tftpServers", new Target("emccFeatureConfig", null, "defaultTftpServer", true)));

  /** The step that failed first (the home's refusal is carried back by a later failed step). */
  public static Optional<Step> failingStep(SimulationResult r) {
    return r.steps().stream().filter(s -> !s.ok()).findFirst();
  }

  /**
   * The link for a failed result: the first candidate whose window the console can open, else the
   * first candidate. {@code validator} runs on the workspace the login ran against; {@code userId}
   * is the user the home looks up (null when the attempt named a DN or self-service id).
   */
  public static Optional<FixLink> of(SimulationResult r, Workspace ran, Function<Workspace, List<Diagnostic>> validator,
      String phone, String userId, Predicate<String> openable) {
    if (r.isSuccess() || r.code() == null) {
      return Optional.empty();
    }
    List<FixLink> candidates = new ArrayList<>();
    if (validator != null) {
      validator.apply(ran).stream()
          .filter(x -> r.code().equals(x.predictedError()) && x.fix() != null)
          .filter(x -> x.cluster() == null || x.cluster().equals(r.homeCluster()) || x.cluster().equals(r.visitingCluster()))
          .forEach(d -> candidates.add(new FixLink(d.cluster(), d.fix())));
    }
    r.steps().stream().filter(s -> !s.ok()).map(Step::check).filter(BY_CHECK::containsKey).forEach(id -> {
      Target t = BY_CHECK.get(id);
      String cluster = t.home() && r.homeCluster() != null ? r.homeCluster() : r.visitingCluster();
      String object = "phone".equals(t.object()) ? phone : "user".equals(t.object()) ? userId : null;
      candidates.add(new FixLink(cluster, new Fix(t.window(), object, t.field())));
    });
    return candidates.stream().filter(c -> openable.test(c.fix().window())).findFirst()
        .or(() -> candidates.stream().findFirst());
  }
}
