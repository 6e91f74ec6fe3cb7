package dev.emcc.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a save changed. {@code changeSetId} is the id of the change set recorded in the history
 * (and the new revision of every object and cluster it wrote), 0 when nothing changed.
 */
public record SaveResult(long changeSetId, List<Change> changes) {
  public static final SaveResult UNCHANGED = new SaveResult(0, List.of());

  public SaveResult {
    changes = List.copyOf(changes);
  }

  public boolean changed() {
    return !changes.isEmpty();
  }

  public long count(ChangeKind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** Counts by cluster, then collection, then kind, in the order the changes came. */
  public Map<String, Map<String, Map<ChangeKind, Integer>>> counts() {
    Map<String, Map<String, Map<ChangeKind, Integer>>> out = new LinkedHashMap<>();
    for (Change c : changes) {
      out.computeIfAbsent(c.clusterId(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.collection(), k -> new LinkedHashMap<>())
          .merge(c.kind(), 1, Integer::sum);
    }
    return out;
  }
}
