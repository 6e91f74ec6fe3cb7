package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.InterclusterServiceProfileFields;
import java.util.Map;
import java.util.Set;

/**
 * Task flow step 8, the EMCC intercluster service profile: EMCC active (icsp.emccInactive: EMCC
 * users get 201) and PSTN access active (icsp.pstnInactive: the visiting cluster answers 211).
 */
public final class InterclusterServiceProfileRule extends ClusterRule {
  public static final String EMCC_INACTIVE = "icsp.emccInactive";
  public static final String PSTN_INACTIVE = "icsp.pstnInactive";

  private static final Map<String, Set<Integer>> PREDICTIONS = Map.of(EMCC_INACTIVE, Set.of(201), PSTN_INACTIVE, Set.of(211));

  @Override
  public Map<String, Set<Integer>> predictions() {
    return PREDICTIONS;
  }

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    var p = cl.interclusterServiceProfile();
    if (!p.emccActive()) {
      out.error(EMCC_INACTIVE, cl.clusterId(), Paths.of(c, "interclusterServiceProfile.emccActive"), 201,
          Fix.at(InterclusterServiceProfileFields.EMCC_ACTIVE, null), cl.clusterId());
    }
    if (!p.pstnAccessActive()) {
      out.error(PSTN_INACTIVE, cl.clusterId(), Paths.of(c, "interclusterServiceProfile.pstnAccessActive"), 211,
          Fix.at(InterclusterServiceProfileFields.PSTN_ACCESS_ACTIVE, null), cl.clusterId());
    }
  }
}
