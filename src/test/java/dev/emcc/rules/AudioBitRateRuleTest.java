package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;

import dev.emcc.model.LinkLossType;
import org.junit.jupiter.api.Test;

class AudioBitRateRuleTest extends RuleTestSupport {
  Rule rule() {
    return new AudioBitRateRule();
  }

  @Test
  void audioBitRateNotAnEmccValue() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(9, 384, LinkLossType.LOW_LOSS)));
    single(ws, "field.audioBitRate", "$.clusters[0].emccFeatureConfig.regionMaxAudioBitRateKbps", null, Severity.ERROR);
  }
}
