package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo workspace is the valid baseline: every rule family finds nothing in it. */
class DemoBaselineTest {
  @Test
  void demoWorkspaceHasNoDiagnostics() {
    List<Diagnostic> found = Fixtures.all(Fixtures.baseline());
    assertThat(found).as(found.toString()).isEmpty();
  }

  @Test
  void everyRuleFamilyIsCleanOnTheBaseline() {
    for (Rule rule : Validator.allRules()) {
      assertThat(Fixtures.run(rule, Fixtures.baseline())).as(rule.getClass().getSimpleName()).isEmpty();
    }
  }
}
