package dev.emcc.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.emcc.format.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side table of BAT columns the model does not carry ({@code bat_column}, migration 4): per
 * object of a cluster's collection, the columns an import kept (header to value, in file order),
 * for a later export to give back unchanged. Written in the import's own transaction, under its
 * change set's id: undoing the import (the history's undo, from emcc undo or the console) deletes them in the undo's transaction (the migration's trigger), and what an
 * earlier import kept for those objects is the latest again.
 */
public final class KeptColumns {
  private static final TypeReference<LinkedHashMap<String, String>> COLUMNS = new TypeReference<>() {};
  private final Connection c;

  private KeptColumns(Connection c) {
    this.c = c;
  }

  /** The side table of an open store. */
  public static KeptColumns of(WorkspaceStore store) {
    return new KeptColumns(store.connection());
  }

  /** The columns kept for objects of one collection of a cluster: object name to header to value. */
  public record Entry(String clusterId, String collection, Map<String, Map<String, String>> byName) {}

  /**
   * Keeps these columns as the latest for each object, under the import's change set
   * ({@code changeSetId}; 0 when the import changed no object: nothing to undo). Runs inside the
   * import's write transaction ({@link WorkspaceStore#save(dev.emcc.model.Workspace, String, List)}).
   */
  static void write(Connection c, List<Entry> entries, long changeSetId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO bat_column (cluster_id, collection,"
        + " name, change_set, columns) VALUES (?, ?, ?, ?, ?)")) {
      for (Entry entry : entries) {
        for (Map.Entry<String, Map<String, String>> e : entry.byName().entrySet()) {
          ps.setString(1, entry.clusterId());
          ps.setString(2, entry.collection());
          ps.setString(3, e.getKey());
          ps.setLong(4, changeSetId);
          ps.setString(5, json(e.getValue()));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static String json(Map<String, String> columns) {
    try {
      return Json.mapper().writeValueAsString(columns);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot keep BAT columns: " + e.getMessage(), e);
    }
  }

  /** What was kept for a collection of a cluster, each object's latest: object name to header to value. */
  public Map<String, Map<String, String>> get(String clusterId, String collection) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT name, columns FROM bat_column"
        + " WHERE cluster_id = ? AND collection = ? ORDER BY name, change_set")) { // the latest is put last
      ps.setString(1, clusterId);
      ps.setString(2, collection);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), Json.mapper().readValue(rs.getString(2), COLUMNS));
        }
      }
      return out;
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("cannot read kept BAT columns: " + e.getMessage(), e);
    }
  }
}
