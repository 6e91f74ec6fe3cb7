package dev.emcc.edit;

import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.store.SaveResult;
import java.util.List;

/**
 * What a saved proposal changed and what the validation rules found in it.
 *
 * @param origin who or what made the change
 * @param saved the store's change set and its changes ({@link SaveResult#UNCHANGED} when nothing
 *     changed, and for a workspace file, which keeps no history)
 * @param findings every finding of the saved workspace (errors, warnings, information)
 * @param before the findings of the proposal's base (empty when it named none)
 */
public record EditResult(Origin origin, SaveResult saved, List<Diagnostic> findings, List<Diagnostic> before) {
  public EditResult {
    findings = List.copyOf(findings);
    before = List.copyOf(before);
  }

  public boolean changed() {
    return saved.changed();
  }

  /** The findings of {@code severity}; of one cluster when {@code clusterId} is not null. */
  public long count(Severity severity, String clusterId) {
    return Findings.count(findings, severity, clusterId);
  }

  /** The base's findings of {@code severity}; of one cluster when {@code clusterId} is not null. */
  public long countBefore(Severity severity, String clusterId) {
    return Findings.count(before, severity, clusterId);
  }

  /** Findings of the saved workspace its base did not have (all of them when there was no base). */
  public List<Diagnostic> introduced() {
    return Findings.introduced(before, findings);
  }
}
