package dev.emcc.ui.simulator;

import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Fix;
import dev.emcc.schema.CertificatesFields;
import dev.emcc.schema.ClusterFields;
import dev.emcc.schema.EmServiceParametersFields;
import dev.emcc.schema.EmccDevicesFields;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.EmccTemplateFields;
import dev.emcc.schema.EndUserFields;
import dev.emcc.schema.Field;
import dev.emcc.schema.InterclusterServiceProfileFields;
import dev.emcc.schema.PhoneFields;
import dev.emcc.schema.ServiceActivationFields;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
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
  private record Target(Window window, Field field, String object, boolean home) {
    static Target at(Field field, String object, boolean home) {
      return new Target(Windows.of(field.window()), field, object, home);
    }

    static Target at(Window window, String object, boolean home) {
      return new Target(window, null, object, home);
    }

    Fix fix(String objectName) {
      return field == null ? Fix.at(window, objectName) : Fix.at(field, objectName);
    }
  }

  private static final Map<String, Target> BY_CHECK = Map.ofEntries(
      Map.entry("visiting.emService", Target.at(PhoneFields.SUBSCRIBED_SERVICES, "phone", false)),
      Map.entry("visiting.emServiceReachable", Target.at(ServiceActivationFields.EXTENSION_MOBILITY, null, false)),
      Map.entry("visiting.concurrentRequests", Target.at(EmServiceParametersFields.MAXIMUM_CONCURRENT_REQUESTS, null, false)),
      Map.entry("visiting.trustedIp", Target.at(EmServiceParametersFields.TRUSTED_IPS, null, false)),
      Map.entry("visiting.proxy", Target.at(EmServiceParametersFields.ALLOW_PROXY, null, false)),
      Map.entry("visiting.phoneEmEnabled", Target.at(PhoneFields.ENABLE_EXTENSION_MOBILITY, "phone", false)),
      Map.entry("visiting.phoneSupportsEmcc", Target.at(Windows.DEVICE_MODEL, null, false)),
      Map.entry("visiting.emccActive", Target.at(InterclusterServiceProfileFields.EMCC_ACTIVE, null, false)),
      Map.entry("visiting.pstnAccess", Target.at(InterclusterServiceProfileFields.PSTN_ACCESS_ACTIVE, null, false)),
      Map.entry("visiting.remoteClusters", Target.at(Windows.REMOTE_CLUSTER, null, false)),
      Map.entry("visiting.findHomeCluster", Target.at(Windows.REMOTE_CLUSTER, null, false)),
      Map.entry("visiting.homeLogin", Target.at(CertificatesFields.TOMCAT_TRUST, null, false)),
      Map.entry("local.pin", Target.at(EndUserFields.PIN, "user", false)),
      Map.entry("local.pinMustChange", Target.at(EndUserFields.PIN_MUST_CHANGE, "user", false)),
      Map.entry("local.deviceProfile", Target.at(EndUserFields.CONTROLLED_PROFILES, "user", false)),
      Map.entry("home.parse", Target.at(ClusterFields.VERSION, null, true)),
      Map.entry("home.clusterIdDistinct", Target.at(ClusterFields.CLUSTER_ID, null, false)),
      Map.entry("home.knowsVisiting", Target.at(Windows.REMOTE_CLUSTER, null, true)),
      Map.entry("home.emccForVisiting", Target.at(Windows.REMOTE_CLUSTER, null, true)),
      Map.entry("home.emccActive", Target.at(InterclusterServiceProfileFields.EMCC_ACTIVE, null, true)),
      Map.entry("home.user", Target.at(Windows.END_USER, null, true)),
      Map.entry("home.userEmcc", Target.at(EndUserFields.ENABLE_EMCC, "user", true)),
      Map.entry("home.pin", Target.at(EndUserFields.PIN, "user", true)),
      Map.entry("home.pinMustChange", Target.at(EndUserFields.PIN_MUST_CHANGE, "user", true)),
      Map.entry("home.deviceProfile", Target.at(EndUserFields.CONTROLLED_PROFILES, "user", true)),
      Map.entry("home.userElsewhere", Target.at(Windows.END_USER, "user", true)),
      Map.entry("home.modelSupportsEmcc", Target.at(Windows.DEVICE_MODEL, null, true)),
      Map.entry("home.duplicateDeviceName", Target.at(PhoneFields.NAME, "phone", true)),
      Map.entry("home.securityMode", Target.at(ClusterFields.SECURITY_MODE, null, true)),
      Map.entry("home.emccTemplateSecurity", Target.at(EmccTemplateFields.DEVICE_SECURITY_MODE, null, true)),
      Map.entry("home.freeEmccDevice", Target.at(EmccDevicesFields.NAMES, null, true)),
      Map.entry("home.tftpServers", Target.at(EmccFeatureConfigFields.DEFAULT_TFTP_SERVER, null, true)));

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
      candidates.add(new FixLink(cluster, t.fix(object)));
    });
    return candidates.stream().filter(c -> openable.test(c.fix().window())).findFirst()
        .or(() -> candidates.stream().findFirst());
  }
}
