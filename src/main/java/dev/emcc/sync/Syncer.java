package dev.emcc.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.node.ClusterObjects;
import dev.emcc.node.ObjectKey;
import dev.emcc.node.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans, pushes and pulls one cluster between the console's workspace and its nodes. A push sends
 * the console's changes to every node of the cluster at once (one batch request per node, one
 * transaction there), retrying transient failures with a bounded backoff; a pull takes a node's
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
  private SortedMap<ObjectKey, JsonNode> localObjects(String clusterId) throws IOException, DocumentException {
    Workspace ws = local.load();
    return ws.cluster(clusterId).map(Syncer::split).orElseGet(TreeMap::new);
  }

  private static SortedMap<ObjectKey, JsonNode> split(Cluster c) {
    try {
      return ClusterObjects.split(c);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the local cluster " + c.clusterId() + " cannot be synced: " + e.getMessage(), e);
    }
  }

  /** Above this many objects to fetch one by one, the whole list is fetched again instead. */
  private static final int SINGLE_FETCH_LIMIT = 200;

  /**
   * The node's objects. Only those changed since the last sync with this node come with their
   * value; the others are taken from the last-synced state when their revision is the one synced,
   * else fetched (one by one when few, else the whole list).
   */
  private static NodeClient.RemoteObjects remote(NodeClient client, String clusterId, SyncBase base)
      throws NodeException {
    Map<ObjectKey, SyncBase.Entry> known = base.get(client.node().url(), clusterId);
    long since = known.values().stream().mapToLong(SyncBase.Entry::revision).max().orElse(-1);
    NodeClient.RemoteObjects r = client.objects(since);
    check(client, r, clusterId);
    if (since < 0) {
      return r;
    }
    SortedMap<ObjectKey, StoredObject> full = new TreeMap<>();
    List<ObjectKey> missing = new ArrayList<>();
    for (Map.Entry<ObjectKey, StoredObject> e : r.objects().entrySet()) {
      StoredObject o = e.getValue();
      SyncBase.Entry b = known.get(e.getKey());
      if (o.value() != null) {
        full.put(e.getKey(), o);
      } else if (b != null && b.revision() == o.revision()) {
        full.put(e.getKey(), new StoredObject(b.value(), o.revision()));
      } else {
        missing.add(e.getKey());
      }
    }
    if (missing.size() > SINGLE_FETCH_LIMIT) {
      NodeClient.RemoteObjects all = client.objects();
      check(client, all, clusterId);
      return all;
    }
    for (ObjectKey k : missing) {
      client.object(k).ifPresent(o -> full.put(k, o));
    }
    return new NodeClient.RemoteObjects(r.clusterId(), r.revision(), full);
  }

  private static void check(NodeClient client, NodeClient.RemoteObjects r, String clusterId) throws NodeException {
    if (r.clusterId() != null && !r.clusterId().equals(clusterId)) {
      throw new NodeException(NodeException.Kind.REFUSED, 0, client.node().url() + " serves cluster " + r.clusterId()
          + ", not " + clusterId, null, null);
    }
  }

  public Plan plan(NodeClient client, String clusterId) throws NodeException, IOException, DocumentException {
    SyncBase base = SyncBase.load(local.baseFile());
    return plan(client, clusterId, localObjects(clusterId), remote(client, clusterId, base), base);
  }

  private static Plan plan(NodeClient client, String clusterId, Map<ObjectKey, JsonNode> mine,
      NodeClient.RemoteObjects theirs, SyncBase base) {
    Map<ObjectKey, JsonNode> last = new HashMap<>();
    base.get(client.node().url(), clusterId).forEach((k, e) -> last.put(k, e.value()));
    return Planner.plan(client.node().url(), clusterId, theirs.revision(), mine, theirs.objects(), last);
  }

  /** Pushes to every node concurrently; one result per node, in the order given. */
  public List<PushResult> push(List<NodeClient> nodes, String clusterId) throws IOException, DocumentException {
    SortedMap<ObjectKey, JsonNode> mine = localObjects(clusterId);
    if (mine.isEmpty()) {
      throw new IllegalArgumentException("the workspace has no cluster " + clusterId + " to push");
    }
    SyncBase base = SyncBase.load(local.baseFile());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nodes.size(), 8)));
    try {
      List<Future<PushResult>> futures = new ArrayList<>();
      for (NodeClient n : nodes) {
        futures.add(pool.submit(() -> pushOne(n, clusterId, mine, base)));
      }
      List<PushResult> results = new ArrayList<>();
      for (Future<PushResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("push failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      base.save();
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private PushResult pushOne(NodeClient client, String clusterId, Map<ObjectKey, JsonNode> mine, SyncBase base) {
    NodeException last = null;
    Plan plan = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      if (attempt > 1) {
        pause(retry.delayBefore(attempt).toMillis());
      }
      try {
        // each attempt plans afresh: after a failure the node may or may not hold the last batch
        NodeClient.RemoteObjects theirs = remote(client, clusterId, base);
        plan = plan(client, clusterId, mine, theirs, base);
        List<PlanItem> toPush = plan.items(PlanItem.Action.PUSH);
        List<NodeClient.ObjectChange> changes = new ArrayList<>(toPush.size());
        for (PlanItem i : toPush) {
          changes.add(new NodeClient.ObjectChange(i.key(), i.nodeRevision(), i.local()));
        }
        long revision = theirs.revision();
        Map<ObjectKey, Long> written = Map.of();
        if (!changes.isEmpty()) {
          NodeClient.BatchResult r = client.applyChanges(clusterId, changes);
          revision = r.revision();
          written = r.revisions();
        }
        base.put(client.node().url(), clusterId, agreed(mine, theirs.objects(), written,
            base.get(client.node().url(), clusterId)));
        return new PushResult(client.node(), plan, changes.size(), revision, plan.conflicts(), attempt, null);
      } catch (NodeException e) {
        last = e;
        if (!(e.transientFailure() || e.kind() == NodeException.Kind.STALE)) {
          break;
        }
      }
    }
    return new PushResult(client.node(), plan, 0, 0, plan == null ? List.of() : plan.conflicts(), retry.attempts(), last);
  }

  /**
   * The new base after a push: objects now equal on both sides (pushed ones with their new
   * revision); objects still different keep their old base, so a conflict stays a conflict.
   */
  private static Map<ObjectKey, SyncBase.Entry> agreed(Map<ObjectKey, JsonNode> mine,
      Map<ObjectKey, StoredObject> theirs, Map<ObjectKey, Long> written, Map<ObjectKey, SyncBase.Entry> old) {
    Map<ObjectKey, SyncBase.Entry> next = new TreeMap<>(old);
    for (Map.Entry<ObjectKey, Long> w : written.entrySet()) {
      JsonNode v = mine.get(w.getKey());
      if (v == null) {
        next.remove(w.getKey());
      } else {
        next.put(w.getKey(), new SyncBase.Entry(w.getValue(), v));
      }
    }
    for (Map.Entry<ObjectKey, StoredObject> t : theirs.entrySet()) {
      if (!written.containsKey(t.getKey()) && Objects.equals(mine.get(t.getKey()), t.getValue().value())) {
        next.put(t.getKey(), new SyncBase.Entry(t.getValue().revision(), t.getValue().value()));
      }
    }
    // an object gone from both sides leaves the base too
    next.keySet().removeIf(k -> !mine.containsKey(k) && !theirs.containsKey(k) && !written.containsKey(k));
    return next;
  }

  /** Takes the node's changes into the workspace (one save); conflicts stay as they are. */
  public PullResult pull(NodeClient client, String clusterId) throws NodeException, IOException, DocumentException {
    SyncBase base = SyncBase.load(local.baseFile());
    Workspace ws = local.load();
    SortedMap<ObjectKey, JsonNode> mine = ws.cluster(clusterId).map(Syncer::split).orElseGet(TreeMap::new);
    NodeClient.RemoteObjects theirs = remote(client, clusterId, base);
    if (theirs.clusterId() == null) {
      throw new NodeException(NodeException.Kind.REFUSED, 0, client.node().url() + " holds no cluster yet", null, null);
    }
    Plan plan = plan(client, clusterId, mine, theirs, base);
    List<PlanItem> toPull = plan.items(PlanItem.Action.PULL);
    SortedMap<ObjectKey, JsonNode> after = new TreeMap<>(mine);
    for (PlanItem i : toPull) {
      if (i.node() == null) {
        after.remove(i.key());
      } else {
        after.put(i.key(), i.node());
      }
    }
    if (!toPull.isEmpty()) {
      Cluster current = ws.cluster(clusterId).orElse(null);
      Cluster next = applyInPlace(current, clusterId, toPull);
      local.save(ws.withCluster(next), "sync pull " + clusterId + " from " + client.node().url());
    }
    Map<ObjectKey, SyncBase.Entry> entries = new TreeMap<>(base.get(client.node().url(), clusterId));
    for (Map.Entry<ObjectKey, StoredObject> t : theirs.objects().entrySet()) {
      if (Objects.equals(after.get(t.getKey()), t.getValue().value())) {
        entries.put(t.getKey(), new SyncBase.Entry(t.getValue().revision(), t.getValue().value()));
      }
    }
    entries.keySet().removeIf(k -> !after.containsKey(k) && !theirs.objects().containsKey(k));
    base.put(client.node().url(), clusterId, entries);
    base.save();
    return new PullResult(client.node(), plan, toPull.size(), plan.conflicts());
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
