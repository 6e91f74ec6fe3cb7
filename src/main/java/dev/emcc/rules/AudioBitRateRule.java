package dev.emcc.rules;

import static dev.emcc.model.EmccFeatureConfig.DEFAULT_REGION_MAX_AUDIO_KBPS;

import dev.emcc.catalog.AudioCodecs;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.EmccFeatureConfigFields;

/**
 * Seed table 2: EMCC Region Max Audio Bit Rate is one of the region bit rates CUCM offers
 * (field.audioBitRate), not any number of its range.
 */
public final class AudioBitRateRule extends ClusterRule {
  public static final String ID = "field.audioBitRate";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    int kbps = cl.emccFeatureConfig().regionMaxAudioBitRateKbps();
    if (!AudioCodecs.isRegionRate(kbps)) {
      out.error(ID, cl.clusterId(), Paths.of(c, "emccFeatureConfig." + EmccFeatureConfigFields.REGION_MAX_AUDIO_BIT_RATE.key()),
          null, Fix.at(EmccFeatureConfigFields.REGION_MAX_AUDIO_BIT_RATE, null), kbps, AudioCodecs.regionRateList(),
          DEFAULT_REGION_MAX_AUDIO_KBPS);
    }
  }
}
