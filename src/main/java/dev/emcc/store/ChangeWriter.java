package dev.emcc.store;

import dev.emcc.model.ClusterCollection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a write's {@link RowChange}s under a new change set, inside the caller's transaction:
 * the change set row, then every object row in batches, then each touched cluster stamped with the
 * change set's id as its revision (a removed cluster's row dropped). Its history is the caller's.
 */
final class ChangeWriter {
  /** Rows of an insert batch run at once when the batch may run early (see apply). */
  private static final int INSERT_SLICE = 1_024;
  /** New rows from which the snapshot's per-row insert trigger is set aside for the write (see Snapshot). */
  static final int BULK_INSERTS = 4_096;

  private final Connection conn;

  ChangeWriter(Connection conn) {
    this.conn = conn;
  }

  /** Writes the changes under a new change set; returns what changed. */
  SaveResult apply(List<RowChange> changes, String summary, Long undoOf) throws SQLException {
    long set = newChangeSet(summary, undoOf);
    Set<String> touched = new HashSet<>();
    Set<String> removedClusters = new HashSet<>();
    // Inserts run in slices while a save's JSON is still being serialised on other cores; only
    // when nothing is deleted, as a delete must precede an insert of the same key.
    boolean insertEarly = changes.stream().noneMatch(c -> c.kind() == ChangeKind.REMOVED);
    int inserts = 0;
    long added = changes.stream().filter(c -> c.kind() == ChangeKind.ADDED).count();
    String insertTrigger = added >= BULK_INSERTS ? Snapshot.setInsertTriggerAside(conn) : null;
    try (PreparedStatement addCluster = conn.prepareStatement(
            "INSERT INTO cluster (cluster_id, position, revision) VALUES (?, ?, ?)");
        PreparedStatement delete = conn.prepareStatement(
            "DELETE FROM object WHERE cluster_id = ? AND collection = ? AND name = ?");
        PreparedStatement insert = conn.prepareStatement(
            "INSERT INTO object (cluster_id, collection, name, position, revision, json)"
            + " VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT))");
        PreparedStatement update = conn.prepareStatement("UPDATE object SET json = CAST(? AS TEXT), position = ?,"
            + " revision = ? WHERE cluster_id = ? AND collection = ? AND name = ?");
        PreparedStatement move = conn.prepareStatement(
            "UPDATE object SET position = ? WHERE cluster_id = ? AND collection = ? AND name = ?");
        PreparedStatement moveCluster = conn.prepareStatement("UPDATE cluster SET position = ? WHERE cluster_id = ?")) {
      for (RowChange c : changes) {
        RowKey key = c.key();
        touched.add(key.clusterId());
        boolean clusterRow = key.collection().equals(ClusterCollection.CLUSTER.key());
        if (clusterRow && c.kind() == ChangeKind.ADDED) {
          addCluster.setString(1, key.clusterId());
          addCluster.setInt(2, c.afterPosition());
          addCluster.setLong(3, set);
          addCluster.executeUpdate();
        } else if (clusterRow && c.kind() == ChangeKind.REMOVED) {
          removedClusters.add(key.clusterId());
        } else if (clusterRow && !Objects.equals(c.beforePosition(), c.afterPosition())) {
          moveCluster.setInt(1, c.afterPosition());
          moveCluster.setString(2, key.clusterId());
          moveCluster.addBatch();
        }
        // Objects of the cluster singleton stay at position 0: the cluster's place is the cluster row's.
        int position = clusterRow || c.afterPosition() == null ? 0 : c.afterPosition();
        switch (c.kind()) {
          case REMOVED -> bindKey(delete, 1, key).addBatch();
          case ADDED -> {
            bindKey(insert, 1, key);
            insert.setInt(4, position);
            insert.setLong(5, set);
            insert.setBytes(6, c.afterUtf8());
            insert.addBatch();
            if (insertEarly && ++inserts % INSERT_SLICE == 0) {
              insert.executeBatch();
            }
          }
          case CHANGED -> {
            update.setBytes(1, c.afterUtf8());
            update.setInt(2, position);
            update.setLong(3, set);
            bindKey(update, 4, key).addBatch();
          }
          case MOVED -> {
            if (!clusterRow) {
              move.setInt(1, position);
              bindKey(move, 2, key).addBatch();
            }
          }
        }
      }
      delete.executeBatch();
      insert.executeBatch();
      update.executeBatch();
      move.executeBatch();
      moveCluster.executeBatch();
    }
    Snapshot.restoreInsertTrigger(conn, insertTrigger);
    stampClusters(set, touched, removedClusters);
    List<Change> out = new ArrayList<>(changes.size());
    for (RowChange c : changes) {
      out.add(new Change(c.key().clusterId(), c.key().collection(), c.key().name(), c.kind()));
    }
    return new SaveResult(set, out);
  }

  private long newChangeSet(String summary, Long undoOf) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO change_set (at, summary, undo_of) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, Instant.now().toString());
      ps.setString(2, summary);
      if (undoOf == null) {
        ps.setNull(3, Types.INTEGER);
      } else {
        ps.setLong(3, undoOf);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Each touched cluster gets the change set as its revision; a removed cluster's row goes. */
  private void stampClusters(long set, Set<String> touched, Set<String> removed) throws SQLException {
    try (PreparedStatement dropCluster = conn.prepareStatement("DELETE FROM cluster WHERE cluster_id = ?");
        PreparedStatement revise = conn.prepareStatement("UPDATE cluster SET revision = ? WHERE cluster_id = ?")) {
      for (String id : touched) {
        if (removed.contains(id)) {
          dropCluster.setString(1, id);
          dropCluster.addBatch();
        } else {
          revise.setLong(1, set);
          revise.setString(2, id);
          revise.addBatch();
        }
      }
      dropCluster.executeBatch();
      revise.executeBatch();
    }
  }

  private static PreparedStatement bindKey(PreparedStatement ps, int from, RowKey key) throws SQLException {
    ps.setString(from, key.clusterId());
    ps.setString(from + 1, key.collection());
    ps.setString(from + 2, key.name());
    return ps;
  }
}
