package dev.emcc.rules;

import dev.emcc.model.Workspace;
import java.util.List;

/** A family of validation rules: one small class each, run by the validation engine. */
public interface Rule {
  /** Checks the whole workspace and returns its findings (empty when all is well). */
  List<Diagnostic> check(Workspace workspace, RuleContext context);
}
