package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.LinkLossType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureParameterRangeRuleTest extends RuleTestSupport {
  Rule rule() {
    return new FeatureParameterRangeRule();
  }

  private static EmccFeatureConfig intervals(EmccFeatureConfig f, int expired, int keepAlive, int update) {
    return f.withIntervals(expired, keepAlive, update);
  }

  @ParameterizedTest
  @CsvSource({
      "9, 15, 30, expiredDeviceMaintenanceIntervalMinutes",
      "1441, 15, 30, expiredDeviceMaintenanceIntervalMinutes",
      "1440, 0, 30, rsvpSipTrunkKeepAliveSeconds",
      "1440, 601, 30, rsvpSipTrunkKeepAliveSeconds",
      "1440, 15, 14, remoteClusterUpdateIntervalMinutes",
      "1440, 15, 10081, remoteClusterUpdateIntervalMinutes"})
  void intervalOutOfRange(int expired, int keepAlive, int update, String field) {
    var ws = first(c -> c.withEmccFeatureConfig(intervals(c.emccFeatureConfig(), expired, keepAlive, update)));
    Diagnostic d = only(ws, "field.range", "$.clusters[0].emccFeatureConfig." + field, null, Severity.ERROR);
    assertThat(d.fix()).isEqualTo(new Fix("emccFeatureConfig", null, field));
  }

  @ParameterizedTest
  @CsvSource({"10, 1, 15", "1440, 600, 10080"})
  void boundsAreValid(int expired, int keepAlive, int update) {
    var ws = first(c -> c.withEmccFeatureConfig(intervals(c.emccFeatureConfig(), expired, keepAlive, update)));
    assertThat(Fixtures.all(ws)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"-1", "8129"})
  void videoOutOfRange(int video) {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(8, video, LinkLossType.LOW_LOSS)));
    single(ws, "field.range", "$.clusters[0].emccFeatureConfig.regionMaxVideoCallBitRateKbps", null, Severity.ERROR);
  }

  @Test
  void audioBitRateNotAnEmccValue() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(9, 384, LinkLossType.LOW_LOSS)));
    single(ws, "field.audioBitRate", "$.clusters[0].emccFeatureConfig.regionMaxAudioBitRateKbps", null, Severity.ERROR);
  }

  @Test
  void maximumConcurrentRequestsMustBePositive() {
    var ws = first(c -> c.withEmServiceParameters(new EmServiceParameters(false, null, false, 0)));
    only(ws, "field.range", "$.clusters[0].emServiceParameters.maximumConcurrentRequests", null, Severity.ERROR);
  }

  @Test
  void maxPhonesAtMost60000() {
    single(first(c -> c.withMaxPhones(60_001)), "field.range", "$.clusters[0].maxPhones", null, Severity.ERROR);
  }
}
