package dev.emcc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's history: per change set (a save, an edit, an undo) the {@link ChangeRecord}s of what
 * it changed, kept within a number of change sets and a number of bytes, newest first.
 *
 * <p>A change set of up to {@link #PACK_ABOVE} changes keeps a row per change ({@code change}); a
 * bigger one (an import, a node's full push) keeps its records deflated in packs
 * ({@code change_pack}, {@link HistoryPacks}), packed on the other cores while the writer inserts
 * the objects. Each change set knows what its history costs ({@code change_set.bytes}); the
 * history keeps the newest change sets whose bytes fit the budget (always the newest one, so the
 * last change can be undone): by default half of what the workspace itself takes, at least
 * {@link #MIN_BUDGET}; the system property {@code emcc.historyBytes} sets a fixed number. Space a
 * prune frees is given back ({@code VACUUM}) once it is a quarter of the file.
 *
 * <p>Runs inside the caller's transactions, on the caller's connection.
 */
final class History {
  /** Change sets with more changes than this are packed. */
  static final int PACK_ABOVE = 1_000;
  /** The smallest byte budget the history gets by default. */
  static final long MIN_BUDGET = 16L << 20;
  /** Free space below this is left for SQLite to reuse rather than given back. */
  private static final long RECLAIM_FROM = 1L << 20;
  /** What a pack row costs besides its data. */
  private static final int PACK_ROW_OVERHEAD = 32;

  /** The current JSON of an object (null: it does not exist), read by the store. */
  interface CurrentJson {
    byte[] of(RowKey key) throws SQLException;
  }

  /** A change set's records, its packs (if it is big) being deflated ahead on the common pool. */
  static final class Pending {
    private final List<ChangeRecord> records;
    private final List<Ahead<byte[]>> packs;

    private Pending(List<ChangeRecord> records, List<Ahead<byte[]>> packs) {
      this.records = records;
      this.packs = packs;
    }
  }

  private final Connection conn;

  History(Connection conn) {
    this.conn = conn;
  }

  /** Starts packing the records when there are more than {@code packAbove}. */
  static Pending prepare(List<ChangeRecord> records, int packAbove) {
    if (records.size() <= packAbove) {
      return new Pending(records, null);
    }
    List<Ahead<byte[]>> packs = new ArrayList<>();
    for (int from = 0; from < records.size(); from += HistoryPacks.CHANGES_PER_PACK) {
      List<ChangeRecord> slice = records.subList(from, Math.min(records.size(), from + HistoryPacks.CHANGES_PER_PACK));
      packs.add(Ahead.start(() -> HistoryPacks.pack(slice)));
    }
    return new Pending(records, packs);
  }

  /** Writes the history of change set {@code set} and what it costs. */
  void write(long set, Pending pending) throws SQLException {
    long bytes = 0;
    if (pending.packs == null) {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO change (change_set, cluster_id, collection,"
          + " name, kind, before_json, before_position, after_position) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?)")) {
        for (ChangeRecord r : pending.records) {
          ps.setLong(1, set);
          ps.setString(2, r.key().clusterId());
          ps.setString(3, r.key().collection());
          ps.setString(4, r.key().name());
          ps.setString(5, r.kind().sql());
          if (r.beforeJson() == null) {
            ps.setNull(6, java.sql.Types.BLOB);
          } else {
            ps.setBytes(6, r.beforeJson());
          }
          setInteger(ps, 7, r.beforePosition());
          setInteger(ps, 8, r.afterPosition());
          ps.addBatch();
          bytes += r.bytes();
        }
        ps.executeBatch();
      }
    } else {
      try (PreparedStatement ps = conn.prepareStatement(
          "INSERT INTO change_pack (change_set, seq, changes, data) VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < pending.packs.size(); i++) {
          byte[] data = pending.packs.get(i).get();
          ps.setLong(1, set);
          ps.setInt(2, i);
          ps.setInt(3, Math.min(HistoryPacks.CHANGES_PER_PACK, pending.records.size() - i * HistoryPacks.CHANGES_PER_PACK));
          ps.setBytes(4, data);
          ps.executeUpdate();
          bytes += data.length + PACK_ROW_OVERHEAD;
        }
      }
    }
    try (PreparedStatement ps = conn.prepareStatement("UPDATE change_set SET bytes = ? WHERE id = ?")) {
      ps.setLong(1, bytes);
      ps.setLong(2, set);
      ps.executeUpdate();
    }
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, java.sql.Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  /** Every record of change set {@code set} in the order it made them; empty when its history was pruned. */
  List<ChangeRecord> records(long set) throws SQLException {
    List<ChangeRecord> packed = packed(set);
    return packed != null ? packed : rows(set, "", Integer.MAX_VALUE, false);
  }

  /** The records of a packed change set, null when it is not packed. */
  private List<ChangeRecord> packed(long set) throws SQLException {
    List<ChangeRecord> out = null;
    try (PreparedStatement ps = conn.prepareStatement("SELECT data FROM change_pack WHERE change_set = ? ORDER BY seq")) {
      ps.setLong(1, set);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (out == null) {
            out = new ArrayList<>();
          }
          out.addAll(HistoryPacks.unpack(rs.getBytes(1)));
        }
      }
    }
    return out;
  }

  /** The rows of a change set: {@code where} filters them, {@code newestFirst} orders them. */
  private List<ChangeRecord> rows(long set, String where, int limit, boolean newestFirst) throws SQLException {
    List<ChangeRecord> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT cluster_id, collection, name, kind, before_json,"
        + " before_position, after_position FROM change WHERE change_set = ?" + where
        + " ORDER BY id" + (newestFirst ? " DESC" : "") + " LIMIT ?")) {
      ps.setLong(1, set);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new ChangeRecord(new RowKey(rs.getString(1), rs.getString(2), rs.getString(3)),
              ChangeKind.ofSql(rs.getString(4)), rs.getBytes(5), integer(rs, 6), integer(rs, 7)));
        }
      }
    }
    return out;
  }

  private static Integer integer(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** A change set undo can revert. */
  record Undoable(long id, String summary) {}

  /** A change set undo can revert: not an undo, not undone yet, and still with its history. */
  private static final String UNDOABLE = "SELECT s.id, s.summary FROM change_set s WHERE s.undo_of IS NULL"
      + " AND NOT EXISTS (SELECT 1 FROM change_set u WHERE u.undo_of = s.id)"
      + " AND (EXISTS (SELECT 1 FROM change c WHERE c.change_set = s.id)"
      + " OR EXISTS (SELECT 1 FROM change_pack p WHERE p.change_set = s.id))";

  /** The latest change set undo can revert; null if none. */
  Undoable latestUndoable() throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(UNDOABLE + " ORDER BY s.id DESC LIMIT 1")) {
      return rs.next() ? new Undoable(rs.getLong(1), rs.getString(2)) : null;
    }
  }

  /** Change set {@code id} if undo can revert it; null if not. */
  Undoable undoable(long id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(UNDOABLE + " AND s.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Undoable(rs.getLong(1), rs.getString(2)) : null;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The history view

  private static final class Picked {
    final long set;
    final Instant at;
    final String summary;
    final ChangeRecord record;
    byte[] after;
    boolean resolved;

    Picked(long set, Instant at, String summary, ChangeRecord record) {
      this.set = set;
      this.at = at;
      this.summary = summary;
      this.record = record;
      this.resolved = record.kind() == ChangeKind.REMOVED; // nothing after a removal
    }
  }

  /**
   * The latest {@code limit} object changes, newest first (moves left out), each with the
   * object's JSON before and after: after is the next change's before-image, else the current row.
   */
  List<HistoryEntry> entries(int limit, CurrentJson current) throws SQLException {
    List<Object[]> sets = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, at, summary FROM change_set ORDER BY id DESC")) {
      while (rs.next()) {
        sets.add(new Object[] {rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3)});
      }
    }
    List<Picked> picked = new ArrayList<>();
    for (Object[] s : sets) {
      if (picked.size() >= limit) {
        break;
      }
      long set = (Long) s[0];
      List<ChangeRecord> newestFirst = packed(set);
      if (newestFirst != null) {
        java.util.Collections.reverse(newestFirst);
      } else {
        newestFirst = rows(set, " AND kind <> 'moved'", limit - picked.size(), true);
      }
      for (ChangeRecord r : newestFirst) {
        if (picked.size() < limit && r.kind() != ChangeKind.MOVED) {
          picked.add(new Picked(set, (Instant) s[1], (String) s[2], r));
        }
      }
    }
    resolveAfter(picked, sets);
    List<HistoryEntry> out = new ArrayList<>(picked.size());
    for (Picked p : picked) {
      if (!p.resolved) {
        p.after = current.of(p.record.key());
      }
      RowKey k = p.record.key();
      out.add(new HistoryEntry(p.set, p.at, p.summary, k.clusterId(), k.collection(), k.name(), p.record.kind(),
          text(p.record.beforeJson()), text(p.after)));
    }
    return out;
  }

  /** Finds each picked change's after-image in the change sets after its own (oldest first). */
  private void resolveAfter(List<Picked> picked, List<Object[]> setsNewestFirst) throws SQLException {
    Map<RowKey, List<Picked>> waiting = new HashMap<>();
    long oldest = Long.MAX_VALUE;
    for (Picked p : picked) {
      if (!p.resolved) {
        waiting.computeIfAbsent(p.record.key(), k -> new ArrayList<>()).add(p);
        oldest = Math.min(oldest, p.set);
      }
    }
    for (int i = setsNewestFirst.size() - 1; i >= 0 && !waiting.isEmpty(); i--) {
      long set = (Long) setsNewestFirst.get(i)[0];
      if (set <= oldest) {
        continue;
      }
      List<ChangeRecord> records = packed(set);
      if (records == null) {
        records = rows(set, " AND kind IN ('changed', 'removed')", Integer.MAX_VALUE, false);
      }
      for (ChangeRecord r : records) {
        List<Picked> w = r.kind() == ChangeKind.CHANGED || r.kind() == ChangeKind.REMOVED ? waiting.get(r.key()) : null;
        if (w == null) {
          continue;
        }
        for (Picked p : w) {
          if (!p.resolved && p.set < set) {
            p.after = r.beforeJson();
            p.resolved = true;
          }
        }
        w.removeIf(p -> p.resolved);
        if (w.isEmpty()) {
          waiting.remove(r.key());
        }
      }
    }
  }

  private static String text(byte[] utf8) {
    return utf8 == null ? null : new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // Bounds and space

  /** The byte budget: {@code fixed} when positive, else half of what the workspace takes, at least {@link #MIN_BUDGET}. */
  long budget(long fixed) throws SQLException {
    if (fixed > 0) {
      return fixed;
    }
    long history;
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(sum(bytes), 0) FROM change_set")) {
      rs.next();
      history = rs.getLong(1);
    }
    long workspace = usedBytes() - history;
    return Math.max(MIN_BUDGET, workspace / 2);
  }

  /**
   * Drops the change sets past the newest {@code maxSets} or past the byte budget (the newest one
   * always stays), in the caller's transaction. A pruned change set that a kept undo names
   * (undo_of) stays as an empty row until that undo is pruned too: without history it is never
   * undone again. True when something was dropped.
   */
  boolean prune(int maxSets, long budget) throws SQLException {
    Long newestPruned = null;
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, bytes FROM change_set ORDER BY id DESC")) {
      int kept = 0;
      long total = 0;
      while (rs.next()) {
        long bytes = rs.getLong(2);
        if (kept >= maxSets || (kept >= 1 && total + bytes > budget)) {
          newestPruned = rs.getLong(1);
          break;
        }
        kept++;
        total += bytes;
      }
    }
    if (newestPruned == null) {
      return false;
    }
    int dropped = 0;
    try (PreparedStatement changes = conn.prepareStatement("DELETE FROM change WHERE change_set <= ?");
        PreparedStatement packs = conn.prepareStatement("DELETE FROM change_pack WHERE change_set <= ?");
        PreparedStatement emptied = conn.prepareStatement("UPDATE change_set SET bytes = 0 WHERE id <= ?");
        PreparedStatement sets = conn.prepareStatement("DELETE FROM change_set WHERE id <= ? AND id NOT IN"
            + " (SELECT undo_of FROM change_set WHERE id > ? AND undo_of IS NOT NULL)")) {
      changes.setLong(1, newestPruned);
      dropped += changes.executeUpdate();
      packs.setLong(1, newestPruned);
      dropped += packs.executeUpdate();
      emptied.setLong(1, newestPruned);
      emptied.executeUpdate();
      sets.setLong(1, newestPruned);
      sets.setLong(2, newestPruned);
      dropped += sets.executeUpdate();
    }
    return dropped > 0;
  }

  /**
   * After a commit: gives the free pages back to the file system ({@code VACUUM}, then the WAL
   * truncated) when they are a quarter of the file and at least {@link #RECLAIM_FROM}; below
   * that SQLite reuses them. True when it vacuumed. A VACUUM another connection keeps from
   * running is left for a later write.
   */
  boolean reclaim() {
    try {
      long free = pragma("freelist_count") * pragma("page_size");
      long size = pragma("page_count") * pragma("page_size");
      if (free < RECLAIM_FROM || free * 4 < size) {
        return false;
      }
      try (Statement st = conn.createStatement()) {
        st.execute("VACUUM");
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return true;
    } catch (SQLException e) {
      return false; // busy: another connection reads or writes; the space is given back next time
    }
  }

  /** Bytes of the pages in use (the file less its free pages). */
  private long usedBytes() throws SQLException {
    return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
  }

  private long pragma(String name) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
