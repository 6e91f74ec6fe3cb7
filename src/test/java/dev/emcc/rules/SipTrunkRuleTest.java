package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.plus;

import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrunkServiceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipTrunkRuleTest extends RuleTestSupport {
  Rule rule() {
    return new SipTrunkRule();
  }

  private static SipTrunk trunk(String name, TrunkServiceType type) {
    return new SipTrunk(name, null, type, "DP_TOKYO", List.of("10.2.0.10"));
  }

  @Test
  void threeEmccTrunks() {
    var ws = first(c -> c.withSipTrunks(plus(plus(c.sipTrunks(),
        trunk("EMCC_RSVP", TrunkServiceType.EXTENSION_MOBILITY_CROSS_CLUSTERS)),
        trunk("EMCC_THIRD", TrunkServiceType.EXTENSION_MOBILITY_CROSS_CLUSTERS))));
    only(ws, "trunk.tooMany", "$.clusters[0].sipTrunks[2].serviceType", null, Severity.ERROR);
  }

  @Test
  void pstnTrunkNotChosen() {
    var ws = first(c -> c.withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, null, true,
        "EMCC_TRUNK")));
    // the seed's 211 is PSTN access inactive; a trunk carries calls, not the login: no code
    only(ws, "trunk.pstnMissing", "$.clusters[0].interclusterServiceProfile.pstnAccessSipTrunk", null,
        Severity.ERROR);
  }

  @Test
  void pstnTrunkDoesNotExist() {
    var ws = first(c -> c.withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, "NO_TRUNK", true,
        "EMCC_TRUNK")));
    only(ws, "ref.sipTrunk", "$.clusters[0].interclusterServiceProfile.pstnAccessSipTrunk", null, Severity.ERROR);
  }

  @Test
  void rsvpTrunkOfTheWrongServiceType() {
    var ws = first(c -> c.withSipTrunks(plus(c.sipTrunks(), trunk("PLAIN", TrunkServiceType.NONE)))
        .withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, "EMCC_TRUNK", true, "PLAIN")));
    only(ws, "trunk.notEmcc", "$.clusters[0].interclusterServiceProfile.rsvpAgentSipTrunk", null, Severity.ERROR);
  }

  @Test
  void rsvpTrunkNotChosen() {
    var ws = first(c -> c.withInterclusterServiceProfile(new InterclusterServiceProfile(true, true, "EMCC_TRUNK",
        true, " ")));
    only(ws, "trunk.rsvpMissing", "$.clusters[0].interclusterServiceProfile.rsvpAgentSipTrunk", null,
        Severity.ERROR);
  }
}
