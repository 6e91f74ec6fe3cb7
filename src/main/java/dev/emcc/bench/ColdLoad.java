package dev.emcc.bench;

import dev.emcc.edit.EditService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The store's load as the console does it: once, in a JVM that has just started (nothing loaded
 * or compiled yet), which is what a user waits for. Run as a child JVM; with {@code raw}, the plain
 * JDBC SELECT of the same rows in a fresh JVM instead (the floor, with the same native-library and
 * class-loading start).
 */
public final class ColdLoad {
  private static final long TIMEOUT_SECONDS = 300;

  private ColdLoad() {}

  /** Starts a child JVM that loads {@code db} once and returns its open + load time in ms. */
  static double inChild(Path db, boolean raw) throws Exception {
    try (ChildJvm jvm = ChildJvm.start(List.of(), ColdLoad.class.getName(),
        List.of(raw ? "raw" : "store", db.toString()))) {
      return Double.parseDouble(jvm.await("loaded", TIMEOUT_SECONDS));
    }
  }

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[1]);
    long t0 = System.nanoTime();
    if (args[0].equals("raw")) {
      StoreBench.rawSelect(db, -1);
    } else {
      // as the console opens its store (EditService.openDefault: the snapshot is read while SQLite opens), then load
      try (EditService edits = EditService.openDefault(db, () -> {
        throw new IllegalStateException("the benchmark's store is empty");
      })) {
        edits.load();
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.println(ChildJvm.PROBE + "loaded " + String.format(Locale.ROOT, "%.1f", ms));
  }
}
