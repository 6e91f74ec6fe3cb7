package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.second;

import dev.emcc.model.InterclusterServiceProfile;
import org.junit.jupiter.api.Test;

class InterclusterServiceProfileRuleTest extends RuleTestSupport {
  Rule rule() {
    return new InterclusterServiceProfileRule();
  }

  @Test
  void emccNotActive() {
    var ws = second(c -> c.withInterclusterServiceProfile(new InterclusterServiceProfile(false, true, "EMCC_TRUNK",
        true, "EMCC_TRUNK")));
    only(ws, "icsp.emccInactive", "$.clusters[1].interclusterServiceProfile.emccActive", 201, Severity.ERROR);
  }

  @Test
  void pstnAccessNotActive() {
    var ws = second(c -> c.withInterclusterServiceProfile(new InterclusterServiceProfile(true, false, "EMCC_TRUNK",
        true, "EMCC_TRUNK")));
    only(ws, "icsp.pstnInactive", "$.clusters[1].interclusterServiceProfile.pstnAccessActive", 211, Severity.ERROR);
  }
}
