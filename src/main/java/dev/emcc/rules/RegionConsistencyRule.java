package dev.emcc.rules;

import dev.emcc.model.Cluster;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Seed table 2: EMCC Region Max Audio Bit Rate, Max Video Call Bit Rate and Link Loss Type are the
 * same on every participating cluster, or EMCC calls may have one-way audio (emcc.regionMismatch,
 * warning). The reference value is the one most clusters use (the first cluster's on a tie); each
 * cluster that differs from it is reported.
 */
public final class RegionConsistencyRule implements Rule {
  public static final String ID = "emcc.regionMismatch";

  @Override
  public List<Diagnostic> check(Workspace workspace, RuleContext context) {
    Findings out = new Findings();
    compare(out, workspace, EmccFeatureConfigFields.REGION_MAX_AUDIO_BIT_RATE, EmccFeatureConfig::regionMaxAudioBitRateKbps);
    compare(out, workspace, EmccFeatureConfigFields.REGION_MAX_VIDEO_CALL_BIT_RATE, EmccFeatureConfig::regionMaxVideoCallBitRateKbps);
    compare(out, workspace, EmccFeatureConfigFields.REGION_LINK_LOSS_TYPE, f -> f.regionLinkLossType().json());
    return out.list();
  }

  private static void compare(Findings out, Workspace ws, Field field, Function<EmccFeatureConfig, Object> value) {
    List<Cluster> clusters = ws.clusters();
    if (clusters.size() < 2) {
      return;
    }
    Map<Object, Integer> counts = new HashMap<>();
    for (Cluster cl : clusters) {
      counts.merge(value.apply(cl.emccFeatureConfig()), 1, Integer::sum);
    }
    int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    // The reference: the most used value; on a tie, the earliest cluster's.
    Cluster referenceCluster = clusters.stream()
        .filter(cl -> counts.get(value.apply(cl.emccFeatureConfig())) == best).findFirst().orElseThrow();
    Object reference = value.apply(referenceCluster.emccFeatureConfig());
    for (int c = 0; c < clusters.size(); c++) {
      Cluster cl = clusters.get(c);
      Object v = value.apply(cl.emccFeatureConfig());
      if (!v.equals(reference)) {
        out.warning(ID, cl.clusterId(), Paths.of(c, "emccFeatureConfig." + field.key()), null,
            Fix.at(field, null), field,
            v, referenceCluster.clusterId(), reference);
      }
    }
  }
}
