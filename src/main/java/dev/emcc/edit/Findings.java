package dev.emcc.edit;

import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counting and comparing findings of two workspaces. */
final class Findings {
  private Findings() {}

  static long count(List<Diagnostic> findings, Severity severity, String clusterId) {
    return findings.stream()
        .filter(d -> d.severity() == severity && (clusterId == null || clusterId.equals(d.cluster())))
        .count();
  }

  /**
   * The findings of {@code after} that {@code before} did not have. A finding is known by its rule,
   * severity, cluster and message, not its path: an object added before it shifts its list index.
   */
  static List<Diagnostic> introduced(List<Diagnostic> before, List<Diagnostic> after) {
    Map<List<Object>, Integer> had = new HashMap<>();
    for (Diagnostic d : before) {
      had.merge(key(d), 1, Integer::sum);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : after) {
      Integer left = had.computeIfPresent(key(d), (k, n) -> n - 1);
      if (left == null || left < 0) {
        out.add(d);
      }
    }
    return out;
  }

  private static List<Object> key(Diagnostic d) {
    return List.of(d.severity(), d.rule(), String.valueOf(d.cluster()), d.message());
  }
}
