package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.second;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateDeviceRuleTest extends RuleTestSupport {
  Rule rule() {
    return new DuplicateDeviceRule();
  }

  @Test
  void samePhoneNameInTwoClusters() {
    var ws = second(c -> c.withPhones(replace(c.phones(), 2, p -> p.withName("sep00aabbcc0101"))));
    Diagnostic d = only(ws, "device.duplicateAcrossClusters", "$.clusters[1].phones[2].name", 37, Severity.ERROR);
    assertThat(d.message()).contains("TOKYO");
    assertThat(d.cluster()).isEqualTo("OSAKA");
  }
}
