package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shared checks of the rule-family tests: the baseline is clean, a deviation gives one finding. */
abstract class RuleTestSupport {
  abstract Rule rule();

  @Test
  void baselineIsClean() {
    assertThat(Fixtures.run(rule(), Fixtures.baseline())).isEmpty();
  }

  /** The rule alone finds exactly one diagnostic with this id, path, code and severity. */
  Diagnostic single(Workspace ws, String id, String path, Integer code, Severity severity) {
    return expectOne(Fixtures.run(rule(), ws), id, path, code, severity);
  }

  /** The whole validator finds exactly this one diagnostic: no other family reacts. */
  Diagnostic only(Workspace ws, String id, String path, Integer code, Severity severity) {
    return expectOne(Fixtures.all(ws), id, path, code, severity);
  }

  static Diagnostic expectOne(List<Diagnostic> found, String id, String path, Integer code, Severity severity) {
    assertThat(found).as(found.toString()).hasSize(1);
    Diagnostic d = found.get(0);
    assertThat(d.rule()).isEqualTo(id);
    assertThat(d.path()).isEqualTo(path);
    assertThat(d.predictedError()).isEqualTo(code);
    assertThat(d.severity()).isEqualTo(severity);
    assertThat(d.message()).isNotBlank().doesNotContain("{0}");
    assertThat(d.messageJa()).isNotBlank().doesNotContain("{0}").isNotEqualTo(d.message());
    assertThat(d.fix()).isNotNull();
    assertThat(d.fix().window()).isNotBlank();
    assertThat(d.fix().field()).isNotBlank();
    return d;
  }
}
