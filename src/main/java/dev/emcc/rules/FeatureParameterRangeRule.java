package dev.emcc.rules;

import static dev.emcc.model.EmccFeatureConfig.*;

import dev.emcc.catalog.AudioCodecs;
import dev.emcc.model.Cluster;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.Workspace;
import dev.emcc.schema.ClusterFields;
import dev.emcc.schema.EmServiceParametersFields;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.Field;

/**
 * Ranges of numeric parameters (field.range, field.audioBitRate): the EMCC feature parameters of
 * seed table 2 (expired device maintenance 10-1440 min, video 0-8128 kbps, RSVP keepalive
 * 1-600 s, remote cluster update 15-10080 min, audio a region bit-rate value), the EM service's
 * Maximum Concurrent Requests (positive) and MaxPhones (1-60000, restrictions table).
 */
public final class FeatureParameterRangeRule extends ClusterRule {
  public static final String RANGE = "field.range";
  public static final String AUDIO = "field.audioBitRate";

  @Override
  void check(Workspace workspace, Cluster cl, int c, RuleContext context, Findings out) {
    String id = cl.clusterId();
    EmccFeatureConfig f = cl.emccFeatureConfig();
    range(out, id, c, "emccFeatureConfig.", EmccFeatureConfigFields.EXPIRED_DEVICE_MAINTENANCE_INTERVAL,
        f.expiredDeviceMaintenanceIntervalMinutes(), MIN_EXPIRED_DEVICE_MAINTENANCE_MINUTES,
        MAX_EXPIRED_DEVICE_MAINTENANCE_MINUTES, DEFAULT_EXPIRED_DEVICE_MAINTENANCE_MINUTES);
    range(out, id, c, "emccFeatureConfig.", EmccFeatureConfigFields.REGION_MAX_VIDEO_CALL_BIT_RATE,
        f.regionMaxVideoCallBitRateKbps(), MIN_REGION_MAX_VIDEO_KBPS, MAX_REGION_MAX_VIDEO_KBPS,
        DEFAULT_REGION_MAX_VIDEO_KBPS);
    range(out, id, c, "emccFeatureConfig.", EmccFeatureConfigFields.RSVP_SIP_TRUNK_KEEP_ALIVE,
        f.rsvpSipTrunkKeepAliveSeconds(), MIN_RSVP_KEEPALIVE_SECONDS, MAX_RSVP_KEEPALIVE_SECONDS,
        DEFAULT_RSVP_KEEPALIVE_SECONDS);
    range(out, id, c, "emccFeatureConfig.", EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_INTERVAL,
        f.remoteClusterUpdateIntervalMinutes(), MIN_REMOTE_CLUSTER_UPDATE_MINUTES,
        MAX_REMOTE_CLUSTER_UPDATE_MINUTES, DEFAULT_REMOTE_CLUSTER_UPDATE_MINUTES);
    if (!AudioCodecs.isRegionRate(f.regionMaxAudioBitRateKbps())) {
      out.error(AUDIO, id, Paths.of(c, "emccFeatureConfig.regionMaxAudioBitRateKbps"), null,
          Fix.at(EmccFeatureConfigFields.REGION_MAX_AUDIO_BIT_RATE, null),
          f.regionMaxAudioBitRateKbps(), AudioCodecs.regionRateList(), DEFAULT_REGION_MAX_AUDIO_KBPS);
    }
    range(out, id, c, "emServiceParameters.", EmServiceParametersFields.MAXIMUM_CONCURRENT_REQUESTS,
        cl.emServiceParameters().maximumConcurrentRequests(), 1, Integer.MAX_VALUE,
        dev.emcc.model.EmServiceParameters.DEFAULT_MAXIMUM_CONCURRENT_REQUESTS);
    range(out, id, c, "", ClusterFields.MAX_PHONES, cl.maxPhones(), 1, Cluster.DEFAULT_MAX_PHONES,
        Cluster.DEFAULT_MAX_PHONES);
  }

  private static void range(Findings out, String cluster, int c, String prefix, Field field, int value,
      int min, int max, int dflt) {
    if (value < min || value > max) {
      String shownMax = max == Integer.MAX_VALUE ? "-" : String.valueOf(max);
      out.error(RANGE, cluster, Paths.of(c, prefix + field.key()), null, Fix.at(field, null), field, value, min,
          shownMax, dflt);
    }
  }
}
