package dev.emcc.rules;

import dev.emcc.model.Workspace;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A family of validation rules: one small class each, run by the validation engine. */
public interface Rule {
  /** Checks the whole workspace and returns its findings (empty when all is well). */
  List<Diagnostic> check(Workspace workspace, RuleContext context);

  /**
   * The login error codes this family's findings may predict, by rule id: the one list the engine
   * holds its findings to and {@code RulesAndSimulatorAgreeTest} enumerates (every pair is met by a
   * broken workspace whose login fails so in the simulator). Empty for a family that predicts nothing.
   */
  default Map<String, Set<Integer>> predictions() {
    return Map.of();
  }
}
