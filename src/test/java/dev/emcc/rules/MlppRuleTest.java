package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.MlppIndication;
import dev.emcc.model.MlppPreemption;
import org.junit.jupiter.api.Test;

class MlppRuleTest extends RuleTestSupport {
  Rule rule() {
    return new MlppRule();
  }

  private static dev.emcc.model.Workspace mlpp(MlppIndication i, MlppPreemption p) {
    return first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 2, d -> d.withMlpp(i, p))));
  }

  @Test
  void indicationOffWithForcefulPreemption() {
    only(mlpp(MlppIndication.OFF, MlppPreemption.FORCEFUL), "profile.mlpp",
        "$.clusters[0].deviceProfiles[2].mlppIndication", null, Severity.ERROR);
  }

  @Test
  void indicationDefaultWithForcefulPreemptionIsAWarning() {
    only(mlpp(MlppIndication.DEFAULT, MlppPreemption.FORCEFUL), "profile.mlpp",
        "$.clusters[0].deviceProfiles[2].mlppIndication", null, Severity.WARNING);
  }

  @Test
  void indicationOnWithForcefulOrOffWithDisabledAreFine() {
    assertThat(Fixtures.all(mlpp(MlppIndication.ON, MlppPreemption.FORCEFUL))).isEmpty();
    assertThat(Fixtures.all(mlpp(MlppIndication.OFF, MlppPreemption.DISABLED))).isEmpty();
  }
}
