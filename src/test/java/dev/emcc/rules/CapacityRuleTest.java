package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityRuleTest extends RuleTestSupport {
  Rule rule() {
    return new CapacityRule();
  }

  @Test
  void phonesPlusTwiceEmccDevicesOverMaxPhones() {
    // Tokyo: 6 phones + 2 x 10 EMCC devices = 26
    Diagnostic d = only(first(c -> c.withMaxPhones(25)), "emcc.capacity", "$.clusters[0].emccDevices.names", null,
        Severity.ERROR);
    assertThat(d.message()).contains("26").contains("25");
    assertThat(Fixtures.all(first(c -> c.withMaxPhones(26)))).isEmpty();
  }
}
