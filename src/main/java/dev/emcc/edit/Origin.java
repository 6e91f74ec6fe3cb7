package dev.emcc.edit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who or what proposed a change, and the description the store's history records for it: what
 * {@code emcc undo} and the console's Edit > Undo say they took back.
 */
public record Origin(Kind kind, String description) {
  /** The writers of a workspace. */
  public enum Kind {
    /** The demo workspace seeding a new store. */
    FIRST_RUN,
    /** An edit in the console (a form, a wizard, a dialog: each commit of its model). */
    CONSOLE,
    /** {@code emcc import FILE}. */
    IMPORT,
    /** {@code emcc certs ...}. */
    CERTS,
    /** {@code emcc bat import FILE}. */
    BAT,
    /** {@code emcc axl pull}. */
    AXL_PULL,
    /** {@code emcc sync pull}. */
    SYNC_PULL
  }

  public Origin {
    Objects.requireNonNull(kind, "kind");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("a change needs a description for the history");
    }
  }

  /** A console edit, described as the console names it ("max phones", "delete phone X"). */
  public static Origin console(String what) {
    return new Origin(Kind.CONSOLE, what == null || what.isBlank() ? "console" : what);
  }

  /** {@code emcc import FILE}: "import FILE-NAME". */
  public static Origin importOf(Path file) {
    return new Origin(Kind.IMPORT, "import " + file.getFileName());
  }

  /** {@code emcc certs JOB --cluster ID}: "certs JOB ID". */
  public static Origin certs(String job, String clusterId) {
    return new Origin(Kind.CERTS, "certs " + job + " " + clusterId);
  }

  /** {@code emcc axl pull}: "AXL pull of CLUSTER from HOST:PORT". */
  public static Origin axlPull(String clusterId, String server) {
    return new Origin(Kind.AXL_PULL, "AXL pull of " + clusterId + " from " + server);
  }
}
