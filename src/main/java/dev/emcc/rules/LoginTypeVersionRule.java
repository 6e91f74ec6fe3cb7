package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.PhoneService;
import dev.emcc.model.Versions;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Field;
import dev.emcc.schema.PhoneServiceFields;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed table 5: a visiting cluster of 12.0 or later whose EM service URL carries loginType, with
 * a home cluster of 11.5 or older, fails with error 1 (parse error) (loginType.versionMismatch,
 * warning: only users of that home cluster are hit). A visiting cluster older than 12.0 ignores
 * loginType, so it is not reported.
 */
public final class LoginTypeVersionRule implements Rule {
  public static final String ID = "loginType.versionMismatch";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(ID, Set.of(1));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    List<Cluster> clusters = workspace.clusters();
    for (int v = 0; v < clusters.size(); v++) {
      Cluster visiting = clusters.get(v);
      if (!Versions.isWellFormed(visiting.version()) || !Versions.atLeast(visiting.version(), "12.0")) {
        continue;
      }
      for (int i = 0; i < visiting.phoneServices().size(); i++) {
        PhoneService s = visiting.phoneServices().get(i);
        if (!s.isExtensionMobility()) {
          continue;
        }
        for (Field field : List.of(PhoneServiceFields.SERVICE_URL, PhoneServiceFields.SECURE_SERVICE_URL)) {
          String url = field == PhoneServiceFields.SERVICE_URL ? s.serviceUrl() : s.secureServiceUrl();
          String loginType = PhoneService.queryParameter(url, "loginType").orElse(null);
          if (loginType == null) {
            continue;
          }
          for (Cluster home : clusters) {
            if (home != visiting && Versions.isWellFormed(home.version()) && !Versions.atLeast(home.version(), "12.0")) {
              out.warning(ID, visiting.clusterId(), Paths.item(v, "phoneServices", i, field.key()), 1,
                  Fix.at(field, s.name()), s.name(), loginType, visiting.clusterId(),
                  visiting.version(), home.clusterId(), home.version());
            }
          }
        }
      }
    }
    return out.list();
  }
}
