package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.EndUser;
import dev.emcc.model.LoginType;
import dev.emcc.model.Versions;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EndUserFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 2d and the error table: a user with device profiles has Enable Extension Mobility
 * Cross Cluster on (user.emccDisabled, warning: an EMCC login fails with 31); a user with EMCC on
 * controls at least one device profile (user.noControlledProfile, 12); a primary extension belongs
 * to one user only (user.sharedPrimaryExtension: a loginType=DN login fails with 216 in EM and 47
 * in EMCC; an error when some EM service of the workspace uses loginType=DN, else a warning; the
 * code predicted is the one the simulator gives, see {@code sharedExtensionCode}).
 */
public final class EndUserRule implements Rule {
  public static final String EMCC_DISABLED = "user.emccDisabled";
  public static final String NO_PROFILE = "user.noControlledProfile";
  public static final String SHARED_EXTENSION = "user.sharedPrimaryExtension";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(EMCC_DISABLED, Set.of(31), NO_PROFILE, Set.of(12),
      SHARED_EXTENSION, Set.of(47, 216));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    boolean dnLogin = workspace.clusters().stream().flatMap(cl -> cl.phoneServices().stream())
        .filter(PhoneService::isExtensionMobility)
        .anyMatch(s -> "DN".equals(s.loginType().orElse(null))
            || "DN".equals(PhoneService.queryParameter(s.secureServiceUrl(), "loginType").orElse(null)));
    for (int c = 0; c < workspace.clusters().size(); c++) {
      Cluster cl = workspace.clusters().get(c);
      Integer sharedCode = sharedExtensionCode(workspace, cl);
      Map<String, String> extensions = new HashMap<>();
      for (int i = 0; i < cl.endUsers().size(); i++) {
        EndUser u = cl.endUsers().get(i);
        if (!u.enableExtensionMobilityCrossCluster() && !u.controlledProfiles().isEmpty()) {
          out.warning(EMCC_DISABLED, cl.clusterId(),
              Paths.item(c, "endUsers", i, "enableExtensionMobilityCrossCluster"), 31,
              Fix.at(EndUserFields.ENABLE_EMCC, u.userId()), u.userId());
        }
        if (u.enableExtensionMobilityCrossCluster() && u.controlledProfiles().isEmpty()) {
          out.error(NO_PROFILE, cl.clusterId(), Paths.item(c, "endUsers", i, "controlledProfiles"), 12,
              Fix.at(EndUserFields.CONTROLLED_PROFILES, u.userId()), u.userId());
        }
        String ext = u.primaryExtension();
        if (ext != null && !ext.isBlank()) {
          String first = extensions.putIfAbsent(ext.trim(), u.userId());
          if (first != null) {
            out.add(dnLogin ? Severity.ERROR : Severity.WARNING, SHARED_EXTENSION, SHARED_EXTENSION,
                cl.clusterId(), Paths.item(c, "endUsers", i, "primaryExtension"), sharedCode,
                Fix.at(EndUserFields.PRIMARY_EXTENSION, u.userId()), u.userId(), ext, first);
          }
        }
      }
    }
    return out.list();
  }

  /**
   * The code a login by a shared extension gets, as the simulator reads it: a visiting cluster of
   * 12.0 or later whose EM service URL says loginType=DN sends the extension; another such cluster
   * gets 47 from this (12.0+) home, this cluster itself 216 for its own users (Extension Mobility).
   * Null when no cluster logs in by extension.
   */
  private static Integer sharedExtensionCode(Workspace workspace, Cluster home) {
    boolean elsewhere = Versions.atLeast(home.version(), "12.0") && workspace.clusters().stream()
        .anyMatch(v -> v != home && logsInByExtension(v));
    if (elsewhere) {
      return 47;
    }
    return logsInByExtension(home) ? 216 : null;
  }

  private static boolean logsInByExtension(Cluster visiting) {
    return Versions.atLeast(visiting.version(), "12.0") && visiting.extensionMobilityServices().stream()
        .anyMatch(s -> s.loginType().flatMap(LoginType::parse).orElse(null) == LoginType.DN);
  }
}
