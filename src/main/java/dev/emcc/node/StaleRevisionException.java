package dev.emcc.node;

import dev.emcc.wire.ObjectKey;
import java.util.List;

/** A write based on revisions that are no longer current: nothing was changed. */
public class StaleRevisionException extends Exception {
  /** One object whose revision was not the one the write was based on (0 = absent). */
  public record Conflict(ObjectKey key, long expected, long actual) {}

  private final long currentRevision;
  private final List<Conflict> conflicts;

  public StaleRevisionException(long currentRevision, List<Conflict> conflicts) {
    super("stale revision: the cluster is at revision " + currentRevision
        + (conflicts.isEmpty() ? "" : ", " + conflicts.size() + " object(s) changed meanwhile"));
    this.currentRevision = currentRevision;
    this.conflicts = List.copyOf(conflicts);
  }

  public long currentRevision() {
    return currentRevision;
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }
}
