package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.second;
import static dev.emcc.rules.Fixtures.replace;

import org.junit.jupiter.api.Test;

class AutoRegistrationRuleTest extends RuleTestSupport {
  Rule rule() {
    return new AutoRegistrationRule();
  }

  @Test
  void autoRegistrationOnASubscriber() {
    var ws = second(c -> c.withNodes(replace(c.nodes(), 1, n -> n.withAutoRegistration(true))));
    only(ws, "node.autoRegistration", "$.clusters[1].nodes[1].autoRegistration", 37, Severity.ERROR);
  }
}
