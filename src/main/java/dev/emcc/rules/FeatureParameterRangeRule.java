package dev.emcc.rules;

import static dev.emcc.model.EmccFeatureConfig.*;

import dev.emcc.model.Cluster;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.Workspace;

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
    range(out, id, c, "emccFeatureConfig.expiredDeviceMaintenanceIntervalMinutes", Windows.EMCC_FEATURE_CONFIG,
        f.expiredDeviceMaintenanceIntervalMinutes(), MIN_EXPIRED_DEVICE_MAINTENANCE_MINUTES,
        MAX_EXPIRED_DEVICE_MAINTENANCE_MINUTES, DEFAULT_EXPIRED_DEVICE_MAINTENANCE_MINUTES);
    range(out, id, c, "emccFeatureConfig.regionMaxVideoCallBitRateKbps", Windows.EMCC_FEATURE_CONFIG,
        f.regionMaxVideoCallBitRateKbps(), MIN_REGION_MAX_VIDEO_KBPS, MAX_REGION_MAX_VIDEO_KBPS,
        DEFAULT_REGION_MAX_VIDEO_KBPS);
    range(out, id, c, "emccFeatureConfig.rsvpSipTrunkKeepAliveSeconds", Windows.EMCC_FEATURE_CONFIG,
        f.rsvpSipTrunkKeepAliveSeconds(), MIN_RSVP_KEEPALIVE_SECONDS, MAX_RSVP_KEEPALIVE_SECONDS,
        DEFAULT_RSVP_KEEPALIVE_SECONDS);
    range(out, id, c, "emccFeatureConfig.remoteClusterUpdateIntervalMinutes", Windows.EMCC_FEATURE_CONFIG,
        f.remoteClusterUpdateIntervalMinutes(), MIN_REMOTE_CLUSTER_UPDATE_MINUTES,
        MAX_REMOTE_CLUSTER_UPDATE_MINUTES, DEFAULT_REMOTE_CLUSTER_UPDATE_MINUTES);
    if (!AudioBitRates.isValid(f.regionMaxAudioBitRateKbps())) {
      out.error(AUDIO, id, Paths.of(c, "emccFeatureConfig.regionMaxAudioBitRateKbps"), null,
          new Fix(Windows.EMCC_FEATURE_CONFIG, null, "regionMaxAudioBitRateKbps"),
          f.regionMaxAudioBitRateKbps(), AudioBitRates.list(), DEFAULT_REGION_MAX_AUDIO_KBPS);
    }
    range(out, id, c, "emServiceParameters.maximumConcurrentRequests", Windows.EM_SERVICE_PARAMETERS,
        cl.emServiceParameters().maximumConcurrentRequests(), 1, Integer.MAX_VALUE,
        dev.emcc.model.EmServiceParameters.DEFAULT_MAXIMUM_CONCURRENT_REQUESTS);
    range(out, id, c, "maxPhones", Windows.CLUSTER, cl.maxPhones(), 1, Cluster.DEFAULT_MAX_PHONES,
        Cluster.DEFAULT_MAX_PHONES);
  }

  private static void range(Findings out, String cluster, int c, String field, String window, int value,
      int min, int max, int dflt) {
    if (value < min || value > max) {
      String key = field.substring(field.lastIndexOf('.') + 1);
      String shownMax = max == Integer.MAX_VALUE ? "-" : String.valueOf(max);
      out.error(RANGE, cluster, Paths.of(c, field), null, new Fix(window, null, key),
          Findings.label("label." + field), value, min, shownMax, dflt);
    }
  }
}
