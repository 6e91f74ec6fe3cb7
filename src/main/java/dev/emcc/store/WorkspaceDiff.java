package dev.emcc.store;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Workspace;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A save of the whole workspace: the workspace as the rows it wants ({@link #rowsOf}, checked for
 * missing and duplicate keys, serialised once per object on the other cores), then the
 * {@link RowChange}s that turn the stored rows into those ({@link #changes}): only what differs.
 */
final class WorkspaceDiff {
  private WorkspaceDiff() {}

  /** The workspace as rows, in workspace order. */
  static List<DesiredRow> rowsOf(Workspace ws) {
    List<Pending> rows = new ArrayList<>();
    Map<String, Integer> clusterAt = new HashMap<>();
    for (int ci = 0; ci < ws.clusters().size(); ci++) {
      Cluster c = ws.clusters().get(ci);
      String clusterPath = "$.clusters[" + ci + "]";
      if (c.clusterId() == null) {
        throw new InvalidWorkspaceException(clusterPath + ".clusterId",
            Messages.format("store.missingKey", "clusterId", "clusters"));
      }
      Integer previous = clusterAt.putIfAbsent(c.clusterId(), ci);
      if (previous != null) {
        throw new InvalidWorkspaceException(clusterPath + ".clusterId",
            Messages.format("store.duplicateCluster", c.clusterId(), "$.clusters[" + previous + "]"));
      }
      for (ClusterCollection<?> kind : ClusterCollection.ALL) {
        addRows(rows, c, ci, kind, clusterPath);
      }
    }
    // Serialised on the other cores from now on (the writers are thread-safe), while this thread
    // diffs and inserts; a row's JSON is waited for only where it is needed.
    SerialisedJson json = new SerialisedJson(rows.stream().map(Pending::kind).toList(),
        rows.stream().map(Pending::value).toList());
    List<DesiredRow> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new DesiredRow(rows.get(i).key, rows.get(i).position, json, i));
    }
    return out;
  }

  private record Pending(RowKey key, int position, ClusterCollection<?> kind, Object value) {}

  private static <T> void addRows(List<Pending> rows, Cluster c, int clusterIndex, ClusterCollection<T> kind, String clusterPath) {
    List<T> items = kind.items(c);
    if (kind.singleton()) {
      // a single object is one row (none while it is null); the cluster's own row holds the cluster's place
      if (!items.isEmpty()) {
        int position = kind == ClusterCollection.CLUSTER ? clusterIndex : 0;
        rows.add(new Pending(new RowKey(c.clusterId(), kind.key(), StoreKeys.SINGLETON_NAME), position, kind, items.get(0)));
      }
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String name = kind.nameOf(item);
      String itemPath = clusterPath + "." + kind.key() + "[" + i + "]";
      if (name == null) {
        throw new InvalidWorkspaceException(itemPath + "." + kind.idField(),
            Messages.format("store.missingKey", kind.idField(), kind.key()));
      }
      Integer previous = seen.putIfAbsent(name, i);
      if (previous != null) {
        throw new InvalidWorkspaceException(itemPath + "." + kind.idField(), Messages.format("store.duplicateKey",
            kind.idField(), name, kind.key(), clusterPath + "." + kind.key() + "[" + previous + "]"));
      }
      rows.add(new Pending(new RowKey(c.clusterId(), kind.key(), name), i, kind, item));
    }
  }

  /** The changes that turn the stored rows into {@code desired}; runs inside the write transaction. */
  static List<RowChange> changes(List<DesiredRow> desired, StoredRows stored) throws SQLException {
    Map<RowKey, StoredRow> existing = stored.all();
    List<RowChange> out = new ArrayList<>();
    for (DesiredRow row : desired) {
      StoredRow s = existing.remove(row.key());
      if (s == null) {
        out.add(new RowChange(row.key(), ChangeKind.ADDED, null, null, null, row.position(), row));
      } else if (!Arrays.equals(s.json(), row.json())) {
        out.add(new RowChange(row.key(), ChangeKind.CHANGED, s.json(), s.position(), null, row.position(), row));
      } else if (s.position() != row.position()) {
        out.add(new RowChange(row.key(), ChangeKind.MOVED, null, s.position(), null, row.position()));
      }
    }
    // What is left was removed; reported in a stable order (cluster, collection, place).
    List<Map.Entry<RowKey, StoredRow>> gone = new ArrayList<>(existing.entrySet());
    gone.sort(Comparator.<Map.Entry<RowKey, StoredRow>, String>comparing(e -> e.getKey().clusterId())
        .thenComparingInt(e -> StoreKeys.order(StoreKeys.require(e.getKey().collection())))
        .thenComparingInt(e -> e.getValue().position()));
    for (Map.Entry<RowKey, StoredRow> e : gone) {
      out.add(RowChange.removed(e.getKey(), e.getValue()));
    }
    return out;
  }
}
