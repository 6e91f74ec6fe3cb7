package dev.emcc.node;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.model.Cluster;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The cluster a node serves: an in-memory index over its persistence. Writes are checked against
 * the revisions they were based on, saved in one transaction, and only then made visible; a write
 * that fails for any reason changes nothing.
 */
public final class ClusterState {
  /**
   * A change of one object based on the revision the writer last saw (0: it must not exist): its
   * canonical value as a tree, or as compact JSON ({@link #ofCompact}, as a batch's objects are
   * read), or neither to delete it.
   */
  public record Change(ObjectKey key, long baseRevision, JsonNode value, byte[] compact) {
    public Change(ObjectKey key, long baseRevision, JsonNode value) {
      this(key, baseRevision, value, null);
    }

    /** A change given as canonical compact JSON ({@link ObjectReader#readCompact}). */
    public static Change ofCompact(ObjectKey key, long baseRevision, byte[] compact) {
      return new Change(key, baseRevision, null, java.util.Objects.requireNonNull(compact, "compact"));
    }

    public boolean isDelete() {
      return value == null && compact == null;
    }

    /** The value as compact JSON (null for a deletion). */
    byte[] json() {
      return compact != null ? compact : value == null ? null : StoredObject.compact(value);
    }
  }

  /** What one change became: its new revision, or deleted. */
  public record Applied(ObjectKey key, long revision, boolean deleted) {}

  /** The outcome of a write: the cluster's new revision and each object's. */
  public record Outcome(long revision, List<Applied> applied) {}

  /** A consistent read of the state: id, revision and the objects, valid while the lambda runs. */
  public record View(String clusterId, long revision, SortedMap<ObjectKey, StoredObject> objects) {}

  private final NodePersistence persistence;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private String clusterId;
  private long revision;
  private final TreeMap<ObjectKey, StoredObject> objects;
  /** Objects deleted since this state was loaded, with the revision that deleted them. */
  private final Map<ObjectKey, Long> deleted = new java.util.HashMap<>();
  /** Deletions are known from this revision on: {@link #changesSince} below it cannot tell them. */
  private final long deletionsKnownFrom;

  public ClusterState(NodePersistence persistence) throws IOException {
    this.persistence = persistence;
    NodePersistence.Loaded loaded = persistence.load();
    this.clusterId = loaded.clusterId();
    this.revision = loaded.revision();
    this.objects = new TreeMap<>(loaded.objects());
    this.deletionsKnownFrom = loaded.revision();
  }

  /**
   * What changed after revision {@code since}: the objects written since (with values) and the
   * objects deleted since. {@code complete} is false when the state cannot tell (deletions before
   * the node started, or a revision it never had): the caller then lists everything.
   */
  public record Changes(String clusterId, long revision, boolean complete, List<Map.Entry<ObjectKey, StoredObject>> changed,
      Map<ObjectKey, Long> deleted) {}

  public Changes changesSince(long since) {
    lock.readLock().lock();
    try {
      if (since < deletionsKnownFrom || since > revision) {
        return new Changes(clusterId, revision, false, List.of(), Map.of());
      }
      List<Map.Entry<ObjectKey, StoredObject>> changed = new ArrayList<>();
      for (Map.Entry<ObjectKey, StoredObject> e : objects.entrySet()) {
        if (e.getValue().revision() > since) {
          changed.add(Map.entry(e.getKey(), e.getValue()));
        }
      }
      Map<ObjectKey, Long> gone = new TreeMap<>();
      deleted.forEach((k, r) -> {
        if (r > since) {
          gone.put(k, r);
        }
      });
      return new Changes(clusterId, revision, true, changed, gone);
    } finally {
      lock.readLock().unlock();
    }
  }

  public <T> T read(Function<View, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(new View(clusterId, revision, Collections.unmodifiableSortedMap(objects)));
    } finally {
      lock.readLock().unlock();
    }
  }

  public String clusterId() {
    return read(View::clusterId);
  }

  public long revision() {
    return read(View::revision);
  }

  public Optional<StoredObject> get(ObjectKey key) {
    return read(v -> Optional.ofNullable(v.objects().get(key)));
  }

  public Cluster cluster() {
    return read(v -> ClusterObjects.assemble(v.clusterId(), valuesOf(v.objects())));
  }

  /**
   * Applies a batch of changes all or nothing. {@code forCluster} must be the node's cluster, or
   * any id while the node holds none (it then adopts it).
   */
  public Outcome apply(String forCluster, List<Change> changes)
      throws StaleRevisionException, ClusterMismatchException, IOException {
    lock.writeLock().lock();
    try {
      checkCluster(forCluster);
      List<StaleRevisionException.Conflict> conflicts = new ArrayList<>();
      Set<ObjectKey> seen = new HashSet<>(Math.max(16, changes.size() * 2));
      // a node that holds nothing (a full push's first batch) has nothing to look up 50,000 times
      boolean empty = objects.isEmpty();
      for (Change c : changes) {
        if (!seen.add(c.key())) {
          throw new IllegalArgumentException("the batch changes " + c.key() + " twice");
        }
        if (c.isDelete() && ClusterObjects.SETTINGS.equals(c.key().collection())) {
          throw new IllegalArgumentException(c.key() + " is a setting: it can be changed, not deleted");
        }
        StoredObject current = empty ? null : objects.get(c.key());
        long actual = current == null ? 0 : current.revision();
        if (actual != c.baseRevision()) {
          conflicts.add(new StaleRevisionException.Conflict(c.key(), c.baseRevision(), actual));
        }
      }
      if (!conflicts.isEmpty()) {
        throw new StaleRevisionException(revision, conflicts);
      }
      Map<ObjectKey, byte[]> puts = new LinkedHashMap<>();
      Set<ObjectKey> deletes = new HashSet<>();
      for (Change c : changes) {
        StoredObject current = empty ? null : objects.get(c.key());
        if (c.isDelete()) {
          if (current != null) {
            deletes.add(c.key());
          }
        } else if (current == null || !Arrays.equals(current.compact(), c.json())) {
          puts.put(c.key(), c.json());
        }
      }
      long next = commit(forCluster, puts, deletes);
      List<Applied> applied = new ArrayList<>(changes.size());
      for (Change c : changes) {
        boolean written = deletes.contains(c.key()) || puts.containsKey(c.key());
        StoredObject now = written ? null : objects.get(c.key());
        applied.add(new Applied(c.key(), now == null ? next : now.revision(), c.isDelete()));
      }
      return new Outcome(next, applied);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Replaces the whole cluster when {@code expectedRevision} is still current. Objects whose JSON
   * is unchanged keep their revision, so other consoles see only real changes.
   */
  public Outcome replace(String forCluster, SortedMap<ObjectKey, JsonNode> next, long expectedRevision)
      throws StaleRevisionException, ClusterMismatchException, IOException {
    lock.writeLock().lock();
    try {
      checkCluster(forCluster);
      if (expectedRevision != revision) {
        throw new StaleRevisionException(revision, List.of());
      }
      Map<ObjectKey, byte[]> puts = new LinkedHashMap<>();
      for (Map.Entry<ObjectKey, JsonNode> e : next.entrySet()) {
        StoredObject current = objects.get(e.getKey());
        byte[] json = StoredObject.compact(e.getValue());
        if (current == null || !Arrays.equals(current.compact(), json)) {
          puts.put(e.getKey(), json);
        }
      }
      Set<ObjectKey> deletes = new HashSet<>();
      for (ObjectKey k : objects.keySet()) {
        if (!next.containsKey(k)) {
          deletes.add(k);
        }
      }
      long nextRevision = commit(forCluster, puts, deletes);
      List<Applied> applied = new ArrayList<>();
      puts.keySet().forEach(k -> applied.add(new Applied(k, nextRevision, false)));
      deletes.forEach(k -> applied.add(new Applied(k, nextRevision, true)));
      return new Outcome(nextRevision, applied);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkCluster(String forCluster) throws ClusterMismatchException {
    if (forCluster == null || forCluster.isBlank()) {
      throw new IllegalArgumentException("clusterId is required");
    }
    if (clusterId != null && !clusterId.equals(forCluster)) {
      throw new ClusterMismatchException(clusterId, forCluster);
    }
  }

  /** Saves first; the in-memory view changes only after the transaction committed. */
  private long commit(String forCluster, Map<ObjectKey, byte[]> puts, Set<ObjectKey> deletes)
      throws IOException {
    if (puts.isEmpty() && deletes.isEmpty() && forCluster.equals(clusterId)) {
      return revision;
    }
    long next = persistence.save(forCluster, puts, deletes);
    if (next == 0 && forCluster.equals(clusterId)) {
      return revision; // the store found nothing to change
    }
    if (next <= revision) {
      throw new IOException("the store returned revision " + next + " after " + revision);
    }
    clusterId = forCluster;
    revision = next;
    puts.forEach((k, v) -> {
      objects.put(k, StoredObject.ofCompact(v, next));
      deleted.remove(k);
    });
    for (ObjectKey k : deletes) {
      objects.remove(k);
      deleted.put(k, next);
    }
    return next;
  }

  static SortedMap<ObjectKey, JsonNode> valuesOf(SortedMap<ObjectKey, StoredObject> stored) {
    SortedMap<ObjectKey, JsonNode> out = new TreeMap<>();
    stored.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }
}
