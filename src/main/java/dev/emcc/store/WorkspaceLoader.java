package dev.emcc.store;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the whole workspace inside the caller's read transaction: one plain scan of the object
 * rows (they come back about in document order), their JSON read on the other cores while the scan
 * goes on ({@link LoadedRows}), sorted, and each cluster assembled from its objects.
 */
final class WorkspaceLoader {
  /** The collection's place in {@link ClusterCollection#ALL}; the keys are constants of ours. */
  private static final String KIND_INDEX = kindIndex();

  private final Connection conn;
  private final StoredRows stored;

  WorkspaceLoader(Connection conn, StoredRows stored) {
    this.conn = conn;
    this.stored = stored;
  }

  Workspace load() throws SQLException {
    List<String> clusterIds = stored.clusterIds();
    // Cluster and collection come back as numbers and the name not at all (only an unreadable row
    // needs it): a text column costs the driver a buffer and a string per row.
    LoadedRows rows = new LoadedRows();
    try (PreparedStatement ps = conn.prepareStatement("SELECT rowid, " + caseOf("cluster_id", clusterIds.size())
        + ", " + KIND_INDEX + ", position, json FROM object")) {
      for (int i = 0; i < clusterIds.size(); i++) {
        ps.setString(i + 1, clusterIds.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long rowid = rs.getLong(1);
          int clusterIndex = rs.getInt(2);
          int kindIndex = rs.getInt(3);
          if (clusterIndex < 0 || kindIndex < 0) {
            throw strayRow(rowid);
          }
          rows.add(new LoadedRows.Row(rowid, clusterIndex, kindIndex, rs.getInt(4), rs.getBytes(5)));
        }
      }
    }
    List<LoadedRows.Row> read;
    try {
      read = rows.finish();
    } catch (LoadedRows.Unreadable e) {
      throw unreadable(e);
    }
    List<Map<ClusterCollection<?>, List<Object>>> parts = new ArrayList<>(clusterIds.size());
    clusterIds.forEach(id -> parts.add(new HashMap<>()));
    for (LoadedRows.Row row : read) {
      parts.get(row.clusterIndex).computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(row.value);
    }
    List<Cluster> clusters = new ArrayList<>(clusterIds.size());
    for (int i = 0; i < clusterIds.size(); i++) {
      clusters.add(assemble(clusterIds.get(i), parts.get(i)));
    }
    return Workspace.of(clusters);
  }

  /** One object's JSON read as its model record. */
  static Object readObject(ClusterCollection<?> kind, String clusterId, String name, byte[] json) {
    try {
      return RowCodecs.reader(kind).readValue(json);
    } catch (IOException e) {
      throw new StoreException(Messages.format("store.unreadableObject", clusterId, kind.key(), name, e.getMessage()), e);
    }
  }

  /** {@code CASE column WHEN ?1 THEN 0 WHEN ?2 THEN 1 ... ELSE -1 END}: a value's place in a list. */
  private static String caseOf(String column, int count) {
    if (count == 0) {
      return "-1";
    }
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    for (int i = 0; i < count; i++) {
      sql.append(" WHEN ? THEN ").append(i);
    }
    return sql.append(" ELSE -1 END").toString();
  }

  private static String kindIndex() {
    StringBuilder sql = new StringBuilder("CASE collection");
    for (int i = 0; i < ClusterCollection.ALL.size(); i++) {
      sql.append(" WHEN '").append(ClusterCollection.ALL.get(i).key()).append("' THEN ").append(i);
    }
    return sql.append(" ELSE -1 END").toString();
  }

  /** A row of a collection this version does not know (or of no cluster): refused. */
  private RuntimeException strayRow(long rowid) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT cluster_id, collection FROM object WHERE rowid = ?")) {
      ps.setLong(1, rowid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        StoreKeys.require(rs.getString(2));
        return new StoreException(Messages.format("store.noCluster", rs.getString(1)));
      }
    }
  }

  /** The message of {@link #readObject}, with the names looked up now (the scan does not read them). */
  private StoreException unreadable(LoadedRows.Unreadable e) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT cluster_id, name FROM object WHERE rowid = ?")) {
      ps.setLong(1, e.row.rowid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new StoreException(Messages.format("store.unreadableObject", rs.getString(1), e.row.kind().key(),
            rs.getString(2), e.getCause().getMessage()), e.getCause());
      }
    }
  }

  /** A cluster from its objects: each collection's in their order, each single object (or its default). */
  private static Cluster assemble(String clusterId, Map<ClusterCollection<?>, List<Object>> parts) {
    Cluster c = Cluster.empty(clusterId, null);
    for (ClusterCollection<?> collection : ClusterCollection.ALL) {
      c = put(c, collection, parts.getOrDefault(collection, List.of()));
    }
    return c;
  }

  @SuppressWarnings("unchecked")
  private static <T> Cluster put(Cluster c, ClusterCollection<T> collection, List<Object> objects) {
    return collection.with(c, (List<T>) objects);
  }
}
