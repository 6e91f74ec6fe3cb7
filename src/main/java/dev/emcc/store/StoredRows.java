package dev.emcc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries every part of the store asks of the rows as they are: one object, all of them, a
 * cluster's place, the next free place, revisions. They run inside the caller's transaction.
 */
final class StoredRows {
  /** An object's place: a cluster's place for the {@code cluster} singleton, else the row's own. */
  private static final String PLACE_AND_JSON = "CASE WHEN o.collection = 'cluster' THEN c.position ELSE o.position END,"
      + " o.json FROM object o JOIN cluster c ON c.cluster_id = o.cluster_id";

  private final Connection conn;

  StoredRows(Connection conn) {
    this.conn = conn;
  }

  /** One stored object; null when it does not exist. */
  StoredRow get(RowKey key) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + PLACE_AND_JSON
        + " WHERE o.cluster_id = ? AND o.collection = ? AND o.name = ?")) {
      ps.setString(1, key.clusterId());
      ps.setString(2, key.collection());
      ps.setString(3, key.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new StoredRow(rs.getInt(1), rs.getBytes(2)) : null;
      }
    }
  }

  /** Every stored object. */
  Map<RowKey, StoredRow> all() throws SQLException {
    Map<RowKey, StoredRow> out = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT o.cluster_id, o.collection, o.name, " + PLACE_AND_JSON)) {
      while (rs.next()) {
        out.put(new RowKey(rs.getString(1), rs.getString(2), rs.getString(3)), new StoredRow(rs.getInt(4), rs.getBytes(5)));
      }
    }
    return out;
  }

  /** Every object of a cluster as its removal (removing a cluster removes them all). */
  List<RowChange> removalOf(String clusterId) throws SQLException {
    List<RowChange> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT o.collection, o.name, " + PLACE_AND_JSON
        + " WHERE o.cluster_id = ? ORDER BY o.collection, o.position")) {
      ps.setString(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(RowChange.removed(new RowKey(clusterId, rs.getString(1), rs.getString(2)),
              new StoredRow(rs.getInt(3), rs.getBytes(4))));
        }
      }
    }
    return out;
  }

  /** True when the store holds a cluster or any history: it has held a workspace. */
  boolean holdsAnything() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM cluster) OR EXISTS (SELECT 1 FROM change_set)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The ids of the clusters, in workspace order. */
  List<String> clusterIds() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT cluster_id FROM cluster ORDER BY position, cluster_id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The cluster's place in the workspace; null when there is no such cluster. */
  Integer clusterPosition(String clusterId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT position FROM cluster WHERE cluster_id = ?")) {
      ps.setString(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  /** The place after the last cluster. */
  int nextClusterPosition() throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT max(position) FROM cluster")) {
      return next(rs);
    }
  }

  /** The place after the last object of a cluster's collection. */
  int nextPosition(String clusterId, String collection) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT max(position) FROM object WHERE cluster_id = ? AND collection = ?")) {
      ps.setString(1, clusterId);
      ps.setString(2, collection);
      try (ResultSet rs = ps.executeQuery()) {
        return next(rs);
      }
    }
  }

  private static int next(ResultSet rs) throws SQLException {
    rs.next();
    int max = rs.getInt(1);
    return rs.wasNull() ? 0 : max + 1;
  }

  /** The cluster's revision; 0 when there is no such cluster. */
  long revision(String clusterId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT revision FROM cluster WHERE cluster_id = ?")) {
      ps.setString(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  /** The object's revision; 0 when it does not exist. */
  long revision(RowKey key) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT revision FROM object WHERE cluster_id = ? AND collection = ? AND name = ?")) {
      ps.setString(1, key.clusterId());
      ps.setString(2, key.collection());
      ps.setString(3, key.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }
}
