package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.second;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.LinkLossType;
import org.junit.jupiter.api.Test;

class RegionConsistencyRuleTest extends RuleTestSupport {
  Rule rule() {
    return new RegionConsistencyRule();
  }

  @Test
  void audioBitRateDiffers() {
    var ws = second(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(16, 384, LinkLossType.LOW_LOSS)));
    Diagnostic d = only(ws, "emcc.regionMismatch", "$.clusters[1].emccFeatureConfig.regionMaxAudioBitRateKbps", null,
        Severity.WARNING);
    assertThat(d.message()).contains("one-way audio").contains("TOKYO");
    assertThat(d.messageJa()).contains("片方向オーディオ");
  }

  @Test
  void videoBitRateDiffers() {
    var ws = second(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(8, 512, LinkLossType.LOW_LOSS)));
    only(ws, "emcc.regionMismatch", "$.clusters[1].emccFeatureConfig.regionMaxVideoCallBitRateKbps", null,
        Severity.WARNING);
  }

  @Test
  void linkLossTypeDiffers() {
    var ws = second(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(8, 384, LinkLossType.LOSSY)));
    only(ws, "emcc.regionMismatch", "$.clusters[1].emccFeatureConfig.regionLinkLossType", null, Severity.WARNING);
  }
}
