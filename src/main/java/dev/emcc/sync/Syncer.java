package dev.emcc.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.wire.BinaryBatch;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans, pushes and pulls one cluster between the console's workspace and its nodes. A push sends
 * the console's changes to every node of the cluster at once (one batch request per node, one
 * transaction there), retrying refused connections, timeouts and 5xx answers with a bounded backoff
 * (nothing else: a wrong fingerprint, a refused token or request would fail again); a pull takes a node's
 * changes into the workspace. Conflicts are reported with both values and left alone.
 */
public final class Syncer {
  private final LocalWorkspace local;
  private final RetryPolicy retry;

  public Syncer(LocalWorkspace local, RetryPolicy retry) {
    this.local = local;
    this.retry = retry;
  }

  /** The local cluster as objects (empty when the workspace has no such cluster). */
  private Map<ObjectKey, LocalObjects.Local> localObjects(String clusterId) throws IOException, DocumentException {
    return localObjects(local.load(), clusterId);
  }

  private static Map<ObjectKey, LocalObjects.Local> localObjects(Workspace ws, String clusterId) {
    Cluster c = ws.cluster(clusterId).orElse(null);
    if (c == null) {
      return new HashMap<>();
    }
    try {
      return LocalObjects.of(c);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the local cluster " + c.clusterId() + " cannot be synced: " + e.getMessage(), e);
    }
  }

  /** One of the node's objects as this console sees it: revision, digest and the value when at hand. */
  private record Remote(long revision, ObjectDigest digest, JsonNode value) {
    static Remote of(StoredObject o) {
      return new Remote(o.revision(), ObjectDigest.of(o.value()), o.value());
    }
  }

  /**
   * The node's cluster: its id (null while it holds none), revision and objects; {@code changed}
   * and {@code deleted} are the objects it changed and the recorded ones it deleted since the
   * revision last seen, or null when the node listed everything.
   */
  private record NodeView(String clusterId, long revision, Map<ObjectKey, Remote> objects, Set<ObjectKey> changed,
      Set<ObjectKey> deleted) {}

  /**
   * A plan, the objects whose recorded row may change with it (the others are as recorded), and
   * the keys it compared ({@code compared}, null: every object).
   */
  private record Planned(Plan plan, Set<ObjectKey> touched, Set<ObjectKey> compared) {}

  /** How many objects the last push's plan compared (all of them, or only what may have changed). */
  private volatile int lastCompared = -1;

  int lastCompared() {
    return lastCompared;
  }

  /** Above this many objects to fetch one by one, the whole list is fetched again instead. */
  private static final int SINGLE_FETCH_LIMIT = 200;

  /**
   * The node's objects. Known since the last sync with this node: only what changed since the
   * revision seen then is listed; the rest is the recorded state. The first time (or when the node
   * cannot tell its changes) the whole list.
   */
  private static NodeView remote(NodeClient client, String clusterId, SyncBase.Section section) throws NodeException {
    if (section.seenRevision() >= 0) {
      NodeClient.RemoteChanges c = client.changes(section.seenRevision());
      check(client, c.clusterId(), clusterId);
      if (!c.complete()) {
        return whole(c.clusterId(), c.revision(), c.objects());
      }
      Map<ObjectKey, Remote> changed = new HashMap<>(Math.max(16, c.objects().size() * 2));
      c.objects().forEach((k, o) -> changed.put(k, Remote.of(o)));
      return new NodeView(c.clusterId(), c.revision(), new RecordedAndChanged(section.entries(), changed,
          c.deleted().keySet()), changed.keySet(), new HashSet<>(c.deleted().keySet()));
    }
    if (section.entries().isEmpty()) {
      NodeClient.RemoteObjects all = client.objects();
      check(client, all.clusterId(), clusterId);
      return whole(all.clusterId(), all.revision(), all.objects());
    }
    // a migrated base knows the agreed objects' revisions, not the rest of the node
    long since = section.entries().values().stream().mapToLong(SyncBase.Entry::nodeRevision).max().orElse(0);
    NodeClient.RemoteObjects r = client.objects(since);
    check(client, r.clusterId(), clusterId);
    Map<ObjectKey, Remote> objects = new HashMap<>();
    List<ObjectKey> missing = new ArrayList<>();
    for (Map.Entry<ObjectKey, StoredObject> e : r.objects().entrySet()) {
      StoredObject o = e.getValue();
      SyncBase.Entry b = section.entries().get(e.getKey());
      if (o.value() != null) {
        objects.put(e.getKey(), Remote.of(o));
      } else if (b != null && b.node() != null && b.nodeRevision() == o.revision()) {
        objects.put(e.getKey(), new Remote(o.revision(), b.node(), null));
      } else {
        missing.add(e.getKey());
      }
    }
    if (missing.size() > SINGLE_FETCH_LIMIT) {
      NodeClient.RemoteObjects all = client.objects();
      check(client, all.clusterId(), clusterId);
      return whole(all.clusterId(), all.revision(), all.objects());
    }
    for (ObjectKey k : missing) {
      client.object(k).ifPresent(o -> objects.put(k, Remote.of(o)));
    }
    return new NodeView(r.clusterId(), r.revision(), objects, null, null);
  }

  /**
   * The node's objects as the base recorded them, overlaid with what the node listed as changed
   * since and without what it deleted: looked up in place rather than copied into a map of 50,000
   * entries at every delta push.
   */
  private static final class RecordedAndChanged extends java.util.AbstractMap<ObjectKey, Remote> {
    private final Map<ObjectKey, SyncBase.Entry> recorded;
    private final Map<ObjectKey, Remote> changed;
    private final Set<ObjectKey> deleted;
    private Set<Map.Entry<ObjectKey, Remote>> entries;

    RecordedAndChanged(Map<ObjectKey, SyncBase.Entry> recorded, Map<ObjectKey, Remote> changed, Set<ObjectKey> deleted) {
      this.recorded = recorded;
      this.changed = changed;
      this.deleted = deleted;
    }

    @Override
    public Remote get(Object key) {
      if (deleted.contains(key)) {
        return null;
      }
      Remote r = changed.get(key);
      if (r != null) {
        return r;
      }
      SyncBase.Entry e = recorded.get(key);
      return e == null || e.node() == null ? null : new Remote(e.nodeRevision(), e.node(), null);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    /**
     * Every local object against the node's, as {@link Syncer#compare} does one by one, in one
     * lookup of the recorded row per object (the node's value there is the recorded one unless it
     * changed it since); returns how many are in sync, adds the others (and the node's objects
     * that are not local) to {@code differ}.
     */
    int compareAll(Map<ObjectKey, LocalObjects.Local> mine, Set<ObjectKey> touched, List<ObjectKey> differ) {
      int inSync = 0;
      int recordedSeen = 0;
      for (Map.Entry<ObjectKey, LocalObjects.Local> m : mine.entrySet()) {
        ObjectKey k = m.getKey();
        if (changed.containsKey(k) || deleted.contains(k)) {
          if (compare(k, m.getValue(), get(k), recorded, touched, differ)) {
            inSync++;
          }
          continue;
        }
        SyncBase.Entry e = recorded.get(k);
        ObjectDigest local = m.getValue().digest();
        if (e != null && e.node() != null) {
          recordedSeen++;
          if (local.equals(e.node())) {
            inSync++;
            if (!local.equals(e.agreed())) {
              touched.add(k);
            }
            continue;
          }
        }
        differ.add(k);
      }
      // the node's recorded objects that are not local (none when every one was seen above)
      int kept = 0;
      for (Map.Entry<ObjectKey, SyncBase.Entry> e : recorded.entrySet()) {
        if (e.getValue().node() != null && !changed.containsKey(e.getKey()) && !deleted.contains(e.getKey())) {
          kept++;
        }
      }
      if (recordedSeen < kept) {
        for (Map.Entry<ObjectKey, SyncBase.Entry> e : recorded.entrySet()) {
          ObjectKey k = e.getKey();
          if (e.getValue().node() != null && !changed.containsKey(k) && !deleted.contains(k) && !mine.containsKey(k)) {
            differ.add(k);
          }
        }
      }
      for (ObjectKey k : changed.keySet()) {
        if (!deleted.contains(k) && !mine.containsKey(k)) {
          differ.add(k);
        }
      }
      return inSync;
    }

    @Override
    public boolean isEmpty() {
      return changed.isEmpty() && recorded.keySet().stream().noneMatch(this::containsKey);
    }

    @Override
    public Set<Map.Entry<ObjectKey, Remote>> entrySet() {
      if (entries == null) {
        Map<ObjectKey, Remote> all = new HashMap<>(Math.max(16, recorded.size() * 2));
        for (ObjectKey k : recorded.keySet()) {
          Remote r = get(k);
          if (r != null) {
            all.put(k, r);
          }
        }
        changed.forEach((k, r) -> {
          if (!deleted.contains(k)) {
            all.put(k, r);
          }
        });
        entries = java.util.Collections.unmodifiableSet(all.entrySet());
      }
      return entries;
    }

    /** Every key, without making the entries: the recorded ones the node still holds, then the new ones. */
    @Override
    public Set<ObjectKey> keySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<ObjectKey> iterator() {
          java.util.stream.Stream<ObjectKey> kept = recorded.entrySet().stream()
              .filter(e -> e.getValue().node() != null && !deleted.contains(e.getKey()) && !changed.containsKey(e.getKey()))
              .map(Map.Entry::getKey);
          return java.util.stream.Stream.concat(kept, changed.keySet().stream().filter(k -> !deleted.contains(k)))
              .iterator();
        }

        @Override
        public int size() {
          return RecordedAndChanged.this.entrySet().size();
        }

        @Override
        public boolean contains(Object o) {
          return containsKey(o);
        }
      };
    }
  }

  private static NodeView whole(String clusterId, long revision, Map<ObjectKey, StoredObject> listed) {
    Map<ObjectKey, Remote> objects = new HashMap<>(Math.max(16, listed.size() * 2));
    listed.forEach((k, o) -> objects.put(k, Remote.of(o)));
    return new NodeView(clusterId, revision, objects, null, null);
  }

  private static void check(NodeClient client, String nodeCluster, String clusterId) throws NodeException {
    if (nodeCluster != null && !nodeCluster.equals(clusterId)) {
      throw new NodeException(NodeException.Kind.REFUSED, 0, client.node().url() + " serves cluster " + nodeCluster
          + ", not " + clusterId, null, null);
    }
  }

  public Plan plan(NodeClient client, String clusterId) throws NodeException, IOException, DocumentException {
    SyncBase base = SyncBase.load(local.baseFile());
    SyncBase.Section section = base.section(client.node().url(), clusterId);
    Map<ObjectKey, LocalObjects.Local> mine = localObjects(clusterId);
    return plan(client, clusterId, mine, remote(client, clusterId, section), base, section, null).plan();
  }

  /**
   * The keys a plan needs to compare, or null for every object: when this section was reconciled
   * with the file index the local objects were scanned against, and the node listed what it
   * changed since, every other object is still equal on both sides and recorded as agreed.
   */
  private static Set<ObjectKey> mayDiffer(LocalChanges changes, NodeView view, SyncBase.Section section) {
    if (changes == null || view.changed() == null || section.indexVersion() < 0
        || section.indexVersion() != changes.sinceIndex()) {
      return null;
    }
    Set<ObjectKey> keys = new HashSet<>(changes.keys());
    keys.addAll(view.changed());
    keys.addAll(view.deleted());
    keys.addAll(section.unsynced());
    return keys;
  }

  /**
   * Compares digests first: only the objects that differ between the console and the node get
   * their values (local ones serialised, the node's from its answer, the agreed store or a fetch)
   * and go through the {@link Planner}. With {@code changes} (a push from a file or database) the
   * comparison may be limited to what changed since the last push ({@link #mayDiffer}): the same
   * plan as comparing every object, at the cost of the change.
   */
  private static Planned plan(NodeClient client, String clusterId, Map<ObjectKey, LocalObjects.Local> mine,
      NodeView view, SyncBase base, SyncBase.Section section, LocalChanges changes) throws NodeException, IOException {
    String url = client.node().url();
    List<ObjectKey> differ = new ArrayList<>();
    Set<ObjectKey> touched = new HashSet<>();
    int inSync = 0;
    Set<ObjectKey> compared = mayDiffer(changes, view, section);
    if (compared == null && view.objects() instanceof RecordedAndChanged recorded) {
      inSync = recorded.compareAll(mine, touched, differ);
    } else if (compared == null) {
      for (Map.Entry<ObjectKey, LocalObjects.Local> m : mine.entrySet()) {
        if (compare(m.getKey(), m.getValue(), view.objects().get(m.getKey()), section.entries(), touched, differ)) {
          inSync++;
        }
      }
      for (ObjectKey k : view.objects().keySet()) {
        if (!mine.containsKey(k)) {
          differ.add(k);
        }
      }
    } else {
      // the local objects not compared are in sync, as they were
      inSync = mine.size();
      for (ObjectKey k : compared) {
        LocalObjects.Local l = mine.get(k);
        Remote r = view.objects().get(k);
        if (l != null) {
          inSync--;
          if (compare(k, l, r, section.entries(), touched, differ)) {
            inSync++;
          }
        } else if (r != null) {
          differ.add(k);
        }
      }
    }
    Collections.sort(differ);
    List<ObjectKey> withAgreed = new ArrayList<>();
    for (ObjectKey k : differ) {
      SyncBase.Entry e = section.entries().get(k);
      if (e != null && e.agreed() != null) {
        withAgreed.add(k);
      }
    }
    Map<ObjectKey, JsonNode> agreed = base.agreedValues(url, clusterId, withAgreed);
    Map<ObjectKey, StoredObject> theirs = new TreeMap<>();
    List<ObjectKey> fetch = new ArrayList<>();
    for (ObjectKey k : differ) {
      Remote r = view.objects().get(k);
      if (r == null) {
        continue;
      }
      SyncBase.Entry e = section.entries().get(k);
      if (r.value() != null) {
        theirs.put(k, new StoredObject(r.value(), r.revision()));
      } else if (e != null && r.digest().equals(e.agreed()) && agreed.containsKey(k)) {
        theirs.put(k, new StoredObject(agreed.get(k), r.revision()));
      } else {
        fetch.add(k);
      }
    }
    if (fetch.size() > SINGLE_FETCH_LIMIT) {
      NodeClient.RemoteObjects all = client.objects();
      for (ObjectKey k : fetch) {
        StoredObject o = all.objects().get(k);
        if (o != null) {
          theirs.put(k, o);
        }
      }
    } else {
      for (ObjectKey k : fetch) {
        client.object(k).ifPresent(o -> theirs.put(k, o));
      }
    }
    Map<ObjectKey, JsonNode> mineDiffering = new HashMap<>();
    for (ObjectKey k : differ) {
      LocalObjects.Local l = mine.get(k);
      if (l != null) {
        mineDiffering.put(k, l.value());
      }
    }
    Plan p = Planner.plan(url, clusterId, view.revision(), mineDiffering, theirs, agreed);
    touched.addAll(differ);
    if (view.deleted() == null) {
      touched.addAll(section.entries().keySet());
    } else {
      touched.addAll(view.deleted());
    }
    return new Planned(new Plan(p.node(), p.clusterId(), p.nodeRevision(), p.items(), inSync + p.inSync()), touched,
        compared);
  }

  /**
   * One local object against the node's: true when in sync (and then touched when its row is not
   * yet recorded as agreed at that revision); otherwise it differs.
   */
  private static boolean compare(ObjectKey k, LocalObjects.Local l, Remote r, Map<ObjectKey, SyncBase.Entry> recorded,
      Set<ObjectKey> touched, List<ObjectKey> differ) {
    if (r != null && r.digest().equals(l.digest())) {
      SyncBase.Entry e = recorded.get(k);
      if (e == null || e.nodeRevision() != r.revision() || !r.digest().equals(e.node())
          || !r.digest().equals(e.agreed())) {
        touched.add(k);
      }
      return true;
    }
    differ.add(k);
    return false;
  }

  /** Pushes to every node concurrently; one result per node, in the order given. */
  public List<PushResult> push(List<NodeClient> nodes, String clusterId) throws IOException, DocumentException {
    SyncBase base = SyncBase.load(local.baseFile(), local instanceof LocalWorkspace.Indexed);
    FileObjects.Kept fromFile = local instanceof LocalWorkspace.Indexed indexed ? indexed.objects(clusterId, base) : null;
    Map<ObjectKey, LocalObjects.Local> mine = fromFile != null ? fromFile.objects() : localObjects(clusterId);
    LocalChanges changes = fromFile != null ? fromFile.changes() : null;
    if (mine.isEmpty()) {
      throw new IllegalArgumentException("the workspace has no cluster " + clusterId + " to push");
    }
    if (nodes.size() == 1) {
      return List.of(pushOne(nodes.get(0), clusterId, mine, changes, base, true));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), 8)));
    try {
      List<Future<PushResult>> futures = new ArrayList<>();
      for (NodeClient n : nodes) {
        futures.add(pool.submit(() -> pushOne(n, clusterId, mine, changes, base, false)));
      }
      List<PushResult> results = new ArrayList<>();
      for (Future<PushResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("push failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code alone}: no other push to another node writes the base meanwhile. */
  private PushResult pushOne(NodeClient client, String clusterId, Map<ObjectKey, LocalObjects.Local> mine,
      LocalChanges localChanges, SyncBase base, boolean alone) throws IOException {
    Plan plan = null;
    String url = client.node().url();
    List<NodeException> retriedAfter = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        pause(retry.delayBefore(attempt).toMillis());
      }
      try {
        // each attempt plans afresh: after a failure the node may or may not hold the last batch
        SyncBase.Section section = base.section(url, clusterId);
        NodeView theirs = remote(client, clusterId, section);
        if (bulk(mine, theirs, section)) {
          plan = bulkPlan(url, clusterId, mine, theirs);
          NodeClient.BatchResult r = pushAll(client, clusterId, plan, mine, base, theirs.revision(), alone);
          return new PushResult(client.node(), plan, plan.items().size(), r.revision(), List.of(), attempt,
              retriedAfter, null);
        }
        Planned planned = plan(client, clusterId, mine, theirs, base, section, localChanges);
        plan = planned.plan();
        lastCompared = planned.compared() == null ? mine.size() : planned.compared().size();
        List<PlanItem> toPush = plan.items(PlanItem.Action.PUSH);
        List<NodeClient.ObjectChange> changes = new ArrayList<>(toPush.size());
        for (PlanItem i : toPush) {
          LocalObjects.Local l = mine.get(i.key());
          changes.add(new NodeClient.ObjectChange(i.key(), i.nodeRevision(), i.local(), l == null ? null : l.compact()));
        }
        long revision = theirs.revision();
        long seen = theirs.revision();
        Map<ObjectKey, Long> written = Map.of();
        if (!changes.isEmpty()) {
          NodeClient.BatchResult r = client.applyChanges(clusterId, changes);
          revision = r.revision();
          written = r.revisions();
          // the next revision is our batch alone: nothing else happened on the node in between
          if (revision == theirs.revision() + 1) {
            seen = revision;
          }
        }
        record(url, clusterId, base, section, mine, theirs, written, seen, planned, localChanges);
        return new PushResult(client.node(), plan, changes.size(), revision, plan.conflicts(), attempt, retriedAfter,
            null);
      } catch (NodeException e) {
        // only a refused connection, a timeout or a 5xx may go otherwise on another try; a wrong
        // fingerprint, a refused token, a refused request or a conflict would fail the same way
        if (!e.retryable() || attempt >= retry.attempts()) {
          return new PushResult(client.node(), plan, 0, 0, plan == null ? List.of() : plan.conflicts(), attempt,
              retriedAfter, e);
        }
        retriedAfter.add(e);
      }
    }
  }

  /** Local clusters larger than this take the bulk path into a node that holds nothing. */
  static final int BULK_ABOVE = 1_000;

  /**
   * The bulk path: the node holds no object and this console never synced with it, so every
   * local object is new there and nothing needs comparing. Small clusters go the usual way.
   */
  private static boolean bulk(Map<ObjectKey, LocalObjects.Local> mine, NodeView theirs, SyncBase.Section section) {
    return mine.size() > BULK_ABOVE && section.isEmpty() && theirs.objects().isEmpty()
        && (theirs.deleted() == null || theirs.deleted().isEmpty());
  }

  /**
   * Every local object as a push of a new object, without values: the node has none to compare
   * them with, and the values are the workspace's (a full push would otherwise make a tree of
   * each of 50,000 objects only to list it).
   */
  private static Plan bulkPlan(String url, String clusterId, Map<ObjectKey, LocalObjects.Local> mine,
      NodeView theirs) {
    // 50,000 keys sorted on every core: one core took 40-55 ms of the time before the first byte
    ObjectKey[] keys = mine.keySet().toArray(new ObjectKey[0]);
    Arrays.parallelSort(keys);
    List<PlanItem> items = new ArrayList<>(keys.length);
    for (ObjectKey k : keys) {
      items.add(new PlanItem(k, PlanItem.Action.PUSH, PlanItem.Change.ADDED, List.of(), null, null, null, 0));
    }
    return new Plan(url, clusterId, theirs.revision(), items, 0);
  }

  /**
   * Sends every object in one batch and records them all as agreed at the node's new revision. The
   * batch is our binary one ({@link BinaryBatch}: the records without field names), whose chunks
   * the base keeps as the agreed values as they are, its rows written while the node works
   * ({@link SyncBase#writeAhead}, when no other push writes the base); a node that does not read it
   * (415), or an object without a record, gets the JSON batch of the compact JSON the digests were
   * taken of, whose values are packed on the other cores while the node works.
   */
  private static NodeClient.BatchResult pushAll(NodeClient client, String clusterId, Plan plan,
      Map<ObjectKey, LocalObjects.Local> mine, SyncBase base, long nodeRevision, boolean alone)
      throws IOException, NodeException {
    List<PlanItem> items = plan.items();
    String url = client.node().url();
    NodeClient.BatchResult r = null;
    SyncBase.Packed packed = null;
    List<BinaryBatch.Item> records = records(items, mine);
    BinaryBatch.Encoded batch = null;
    try {
      batch = records == null ? null : BinaryBatch.encode(clusterId, records);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a record the binary form cannot write (the store's snapshot is then unavailable too): JSON
    }
    if (batch != null) {
      packed = SyncBase.keep(batch);
      // every object is new on the node: all of them get the revision after its current one
      long next = nodeRevision + 1;
      SyncBase.Ahead ahead = alone ? base.writeAhead(url, clusterId, next, agreed(items, mine, Map.of(), next), packed)
          : null;
      boolean settled = false;
      try {
        r = client.applyBinary(batch, records.size());
        // the answer lists only the objects not at its revision: none, when all went as expected
        boolean recorded = ahead != null && base.commitAhead(ahead, r.revisions().isEmpty() ? r.revision() : -1);
        settled = true;
        if (recorded) {
          return r;
        }
      } catch (NodeException e) {
        if (e.status() != 415) {
          throw e;
        }
      } finally {
        if (ahead != null && !settled) {
          base.commitAhead(ahead, -1);
        }
      }
    }
    if (r == null) {
      // the compact JSON of every object (made on every core for the records whose digest was
      // known from an earlier call, which keeps no JSON), in key order from here on
      byte[][] compact = new byte[items.size()][];
      java.util.stream.IntStream.range(0, items.size()).parallel()
          .forEach(i -> compact[i] = mine.get(items.get(i).key()).compact());
      List<NodeClient.ObjectChange> changes = new ArrayList<>(items.size());
      Map<ObjectKey, byte[]> json = new java.util.LinkedHashMap<>(Math.max(16, items.size() * 2));
      for (int i = 0; i < items.size(); i++) {
        changes.add(new NodeClient.ObjectChange(items.get(i).key(), 0, null, compact[i]));
        json.put(items.get(i).key(), compact[i]);
      }
      packed = SyncBase.pack(json);
      r = client.applyChanges(clusterId, changes);
    }
    // the next revision is our batch alone: nothing else happened on the node in between
    long seen = r.revision() == nodeRevision + 1 ? r.revision() : nodeRevision;
    base.update(url, clusterId, seen, agreed(items, mine, r.revisions(), r.revision()), packed);
    return r;
  }

  /** Every pushed object agreed at its revision ({@code revision} when the node did not list it). */
  private static Map<ObjectKey, SyncBase.Entry> agreed(List<PlanItem> items, Map<ObjectKey, LocalObjects.Local> mine,
      Map<ObjectKey, Long> revisions, long revision) {
    Map<ObjectKey, SyncBase.Entry> agreed = new java.util.LinkedHashMap<>(Math.max(16, items.size() * 2));
    for (PlanItem i : items) {
      Long at = revisions.get(i.key());
      ObjectDigest d = mine.get(i.key()).digest();
      agreed.put(i.key(), new SyncBase.Entry(at == null ? revision : at, d, d));
    }
    return agreed;
  }

  /** Every object as its record (made on every core), in the plan's order; null when one has none. */
  private static List<BinaryBatch.Item> records(List<PlanItem> items, Map<ObjectKey, LocalObjects.Local> mine) {
    BinaryBatch.Item[] out = new BinaryBatch.Item[items.size()];
    boolean all = java.util.stream.IntStream.range(0, items.size()).parallel().allMatch(i -> {
      ObjectKey k = items.get(i).key();
      Object record = ClusterObjects.collectionOf(k).map(c -> mine.get(k).record(c.type())).orElse(null);
      out[i] = new BinaryBatch.Item(k, 0, record);
      return record != null;
    });
    return all ? List.of(out) : null;
  }

  /**
   * Records the node's state as now seen and the new agreements: objects now equal on both sides
   * (pushed ones with their new revision); objects still different keep their old agreement, so a
   * conflict stays a conflict. Only rows that changed are written.
   */
  private static void record(String url, String clusterId, SyncBase base, SyncBase.Section old,
      Map<ObjectKey, LocalObjects.Local> mine, NodeView view, Map<ObjectKey, Long> written, long seen,
      Set<ObjectKey> touched) throws IOException {
    Map<ObjectKey, byte[]> json = new HashMap<>();
    base.update(url, clusterId, seen, changedRows(old, mine, view, written, touched, json), json);
  }

  /**
   * As {@link #record(String, String, SyncBase, SyncBase.Section, Map, NodeView, Map, long, Set)},
   * the section then reconciled with the file index the objects were scanned into, with the keys
   * left unsynced (of those compared: the others stay in sync).
   */
  private static void record(String url, String clusterId, SyncBase base, SyncBase.Section old,
      Map<ObjectKey, LocalObjects.Local> mine, NodeView view, Map<ObjectKey, Long> written, long seen,
      Planned planned, LocalChanges changes) throws IOException {
    Map<ObjectKey, byte[]> json = new HashMap<>();
    Map<ObjectKey, SyncBase.Entry> changed = changedRows(old, mine, view, written, planned.touched(), json);
    if (changes == null) {
      base.update(url, clusterId, seen, changed, json);
      return;
    }
    Set<ObjectKey> scope = planned.compared();
    if (scope == null) {
      scope = new HashSet<>(mine.keySet());
      scope.addAll(view.objects().keySet());
      scope.addAll(old.entries().keySet());
    }
    Set<ObjectKey> unsynced = new HashSet<>();
    for (ObjectKey k : scope) {
      SyncBase.Entry e = changed.containsKey(k) ? changed.get(k) : old.entries().get(k);
      LocalObjects.Local l = mine.get(k);
      boolean clean = l == null ? e == null : e != null && l.digest().equals(e.node()) && l.digest().equals(e.agreed());
      if (!clean) {
        unsynced.add(k);
      }
    }
    base.update(url, clusterId, seen, changed, json, changes.index(), unsynced);
  }

  /** The rows that change (a null entry: removed), and in {@code json} the agreed values to store. */
  private static Map<ObjectKey, SyncBase.Entry> changedRows(SyncBase.Section old,
      Map<ObjectKey, LocalObjects.Local> mine, NodeView view, Map<ObjectKey, Long> written, Set<ObjectKey> touched,
      Map<ObjectKey, byte[]> json) {
    Map<ObjectKey, SyncBase.Entry> changed = new HashMap<>();
    Set<ObjectKey> keys = new HashSet<>(touched);
    keys.addAll(written.keySet());
    for (ObjectKey k : keys) {
      LocalObjects.Local l = mine.get(k);
      ObjectDigest ld = l == null ? null : l.digest();
      SyncBase.Entry e = old.entries().get(k);
      ObjectDigest agreed = e == null ? null : e.agreed();
      SyncBase.Entry next;
      Long w = written.get(k);
      if (w != null) {
        next = ld == null ? null : new SyncBase.Entry(w, ld, ld);
        if (ld != null && !ld.equals(agreed)) {
          json.put(k, l.compact());
        }
      } else {
        Remote r = view.objects().get(k);
        ObjectDigest rd = r == null ? null : r.digest();
        if (rd != null && rd.equals(ld)) {
          if (!rd.equals(agreed)) {
            json.put(k, l.compact());
          }
          agreed = rd;
        } else if (rd == null && ld == null) {
          agreed = null; // gone from both sides
        }
        next = rd == null && agreed == null ? null : new SyncBase.Entry(r == null ? 0 : r.revision(), rd, agreed);
      }
      if (!Objects.equals(next, e)) {
        changed.put(k, next);
      }
    }
    return changed;
  }

  /** Takes the node's changes into the workspace (one save); conflicts stay as they are. */
  public PullResult pull(NodeClient client, String clusterId) throws NodeException, IOException, DocumentException {
    SyncBase base = SyncBase.load(local.baseFile());
    String url = client.node().url();
    SyncBase.Section section = base.section(url, clusterId);
    Workspace ws = local.load();
    Map<ObjectKey, LocalObjects.Local> mine = localObjects(ws, clusterId);
    NodeView theirs = remote(client, clusterId, section);
    if (theirs.clusterId() == null) {
      throw new NodeException(NodeException.Kind.REFUSED, 0, url + " holds no cluster yet", null, null);
    }
    Planned planned = plan(client, clusterId, mine, theirs, base, section, null);
    Plan plan = planned.plan();
    List<PlanItem> toPull = plan.items(PlanItem.Action.PULL);
    Map<ObjectKey, LocalObjects.Local> after = new HashMap<>(mine);
    for (PlanItem i : toPull) {
      if (i.node() == null) {
        after.remove(i.key());
      } else {
        after.put(i.key(), new LocalObjects.Local(ObjectDigest.of(i.node()), null, i.node()));
      }
    }
    dev.emcc.edit.EditResult saved = null;
    if (!toPull.isEmpty()) {
      Cluster current = ws.cluster(clusterId).orElse(null);
      Cluster next = applyInPlace(current, clusterId, toPull);
      saved = local.save(ws.withCluster(next), "sync pull " + clusterId + " from " + url);
    }
    Set<ObjectKey> touched = new HashSet<>(planned.touched());
    toPull.forEach(i -> touched.add(i.key()));
    record(url, clusterId, base, section, after, theirs, Map.of(), theirs.revision(), touched);
    return new PullResult(client.node(), plan, toPull.size(), plan.conflicts(), saved);
  }

  /**
   * Applies pulled objects to the local cluster keeping its order: changed objects stay where
   * they are, new ones go to the end of their list, removed ones leave it.
   */
  public static Cluster applyInPlace(Cluster current, String clusterId, List<PlanItem> pulled) {
    ObjectNode doc = current != null ? Json.mapper().valueToTree(current)
        : Json.mapper().valueToTree(Cluster.empty(clusterId, null));
    for (PlanItem i : pulled) {
      ObjectKey k = i.key();
      if (ClusterObjects.SETTINGS.equals(k.collection())) {
        if (ClusterObjects.CLUSTER_SETTINGS.equals(k.name())) {
          i.node().fields().forEachRemaining(f -> doc.set(f.getKey(), f.getValue()));
        } else {
          doc.set(k.name(), i.node());
        }
        continue;
      }
      ArrayNode list = (ArrayNode) doc.get(k.collection());
      String idField = ClusterObjects.idField(k.collection());
      int at = -1;
      for (int j = 0; j < list.size(); j++) {
        if (k.name().equals(list.get(j).path(idField).asText(null))) {
          at = j;
          break;
        }
      }
      if (i.node() == null) {
        if (at >= 0) {
          list.remove(at);
        }
      } else if (at >= 0) {
        list.set(at, i.node());
      } else {
        list.add(i.node());
      }
    }
    try {
      return Json.mapper().treeToValue(doc, Cluster.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the pulled objects do not form a cluster: " + e.getOriginalMessage(), e);
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
