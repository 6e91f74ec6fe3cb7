package dev.emcc.app;

import dev.emcc.store.ChangeKind;
import dev.emcc.store.Messages;
import dev.emcc.store.SaveResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** What a write of the workspace database changed, as the commands print it: a line per cluster and collection. */
final class ChangeLines {
  private ChangeLines() {}

  /** A cluster added or removed whole is one line; otherwise a line per collection. */
  static void print(SaveResult result, PrintWriter out) {
    for (Map.Entry<String, Map<String, Map<ChangeKind, Integer>>> cluster : result.counts().entrySet()) {
      Map<ChangeKind, Integer> settings = cluster.getValue().getOrDefault("cluster", Map.of());
      int objects = cluster.getValue().values().stream().mapToInt(m -> m.values().stream().mapToInt(i -> i).sum()).sum();
      if (settings.containsKey(ChangeKind.ADDED) || settings.containsKey(ChangeKind.REMOVED)) {
        String key = settings.containsKey(ChangeKind.ADDED) ? "import.clusterAdded" : "import.clusterRemoved";
        out.println("  " + Messages.format(key, cluster.getKey(), objects));
        continue;
      }
      for (Map.Entry<String, Map<ChangeKind, Integer>> collection : cluster.getValue().entrySet()) {
        out.println("  " + cluster.getKey() + " " + collection.getKey() + ": " + describe(collection.getValue()));
      }
    }
  }

  /** "3 added, 1 changed" */
  private static String describe(Map<ChangeKind, Integer> counts) {
    StringJoiner j = new StringJoiner(", ");
    for (ChangeKind kind : ChangeKind.values()) {
      Integer n = counts.get(kind);
      if (n != null) {
        j.add(n + " " + Messages.get("change." + kind.name().toLowerCase(Locale.ROOT)));
      }
    }
    return j.toString();
  }
}
