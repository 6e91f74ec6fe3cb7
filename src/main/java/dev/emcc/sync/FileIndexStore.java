package dev.emcc.sync;

import dev.emcc.format.ModelShape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workspace file's index ({@link FileIndex}) as the sync base keeps it: a row per part with
 * all its entries, with the model's shape, and for a part whose elements changed in place (the
 * usual edit), patch rows of the changed positions' entries instead of the part rewritten: a push
 * of 100 changed phones writes 100 entries, not 50,000. A part is written whole again when its
 * length changed or its patches grow past a quarter of it. The index gets a new version number
 * at every save that changed it (sync sections say which one they were reconciled with).
 */
final class FileIndexStore {
  private FileIndexStore() {}

  static void createTables(Statement st) throws SQLException {
    st.executeUpdate("CREATE TABLE IF NOT EXISTS file_index (part TEXT PRIMARY KEY, shape INTEGER NOT NULL,"
        + " data BLOB NOT NULL)");
    st.executeUpdate("CREATE TABLE IF NOT EXISTS file_index_patch (part TEXT NOT NULL, seq INTEGER NOT NULL,"
        + " data BLOB NOT NULL, PRIMARY KEY (part, seq))");
    st.executeUpdate("INSERT OR IGNORE INTO meta (key, value) VALUES ('fileIndexVersion', 0)");
  }

  /** The index as kept; version -1 when a part was damaged or of another model's shape (read again). */
  static FileIndex read(Connection c) throws SQLException {
    FileIndex index = new FileIndex();
    index.version(version(c));
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT part, data, shape FROM file_index")) {
      while (rs.next()) {
        if (rs.getLong(3) != ModelShape.fingerprint()) {
          index.version(-1);
          continue;
        }
        try {
          index.put(rs.getString(1), FileIndex.decode(rs.getBytes(2)));
        } catch (IOException damaged) {
          // an index is only a shortcut: a damaged part is read from the file again (and no
          // section was reconciled with the index without it)
          index.version(-1);
        }
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT part, data FROM file_index_patch ORDER BY part, seq")) {
      while (rs.next()) {
        String part = rs.getString(1);
        List<FileIndex.Entry> entries = index.parts().get(part);
        if (entries == null) {
          continue; // of a part left out above
        }
        try {
          index.patched(part, index.patched(part) + applyPatch(entries, rs.getBytes(2)));
        } catch (IOException damaged) {
          index.parts().remove(part);
          index.version(-1);
        }
      }
    }
    return index;
  }

  static long version(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'fileIndexVersion'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** True when saving {@code next} over {@code old} would change nothing. */
  static boolean unchanged(FileIndex old, FileIndex next) {
    if (old.version() < 0 || !old.parts().keySet().equals(next.parts().keySet())) {
      return false;
    }
    for (Map.Entry<String, List<FileIndex.Entry>> e : next.parts().entrySet()) {
      List<FileIndex.Entry> before = old.parts().get(e.getKey());
      if (before.size() != e.getValue().size() || !changedPositions(before, e.getValue()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code next} over {@code old} (the index as this process last read or saved it) in
   * the caller's transaction, and gives it its new version.
   */
  static void save(Connection c, FileIndex old, FileIndex next) throws SQLException {
    // another process saved the index since this one read it: its rows are not what `old` says
    boolean whole = version(c) != old.version();
    try (Statement st = c.createStatement();
        PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO file_index (part, shape, data)"
            + " VALUES (?, ?, ?)");
        PreparedStatement patch = c.prepareStatement("INSERT INTO file_index_patch (part, seq, data)"
            + " SELECT ?, coalesce(max(seq), 0) + 1, ? FROM file_index_patch WHERE part = ?");
        PreparedStatement dropPatches = c.prepareStatement("DELETE FROM file_index_patch WHERE part = ?");
        PreparedStatement drop = c.prepareStatement("DELETE FROM file_index WHERE part = ?")) {
      if (whole) {
        st.executeUpdate("DELETE FROM file_index");
        st.executeUpdate("DELETE FROM file_index_patch");
      } else {
        st.executeUpdate("DELETE FROM file_index WHERE shape <> " + ModelShape.fingerprint());
      }
      st.executeUpdate("UPDATE meta SET value = value + 1 WHERE key = 'fileIndexVersion'");
      next.version(version(c));
      for (Map.Entry<String, List<FileIndex.Entry>> e : next.parts().entrySet()) {
        String part = e.getKey();
        List<FileIndex.Entry> now = e.getValue();
        List<FileIndex.Entry> before = whole ? null : old.parts().get(part);
        if (before != null && before.size() == now.size()) {
          List<Integer> changed = changedPositions(before, now);
          int patched = old.patched(part) + changed.size();
          if (changed.isEmpty() || patched <= now.size() / 4) {
            if (!changed.isEmpty()) {
              patch.setString(1, part);
              patch.setBytes(2, encodePatch(now, changed));
              patch.setString(3, part);
              patch.executeUpdate();
            }
            next.patched(part, patched);
            continue;
          }
        }
        put.setString(1, part);
        put.setLong(2, ModelShape.fingerprint());
        put.setBytes(3, FileIndex.encode(now));
        put.executeUpdate();
        dropPatches.setString(1, part);
        dropPatches.executeUpdate();
      }
      for (String part : old.parts().keySet()) {
        if (!next.parts().containsKey(part)) {
          drop.setString(1, part);
          drop.executeUpdate();
          dropPatches.setString(1, part);
          dropPatches.executeUpdate();
        }
      }
      st.executeUpdate("DELETE FROM file_index_patch WHERE part NOT IN (SELECT part FROM file_index)");
    }
  }

  private static List<Integer> changedPositions(List<FileIndex.Entry> before, List<FileIndex.Entry> now) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < now.size(); i++) {
      FileIndex.Entry a = before.get(i);
      FileIndex.Entry b = now.get(i);
      if (a != b && !a.equals(b)) {
        out.add(i);
      }
    }
    return out;
  }

  // A patch: the number of entries, then per entry its position and the entry as FileIndex writes it

  private static byte[] encodePatch(List<FileIndex.Entry> entries, List<Integer> positions) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(positions.size() * 64 + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(positions.size());
      for (int at : positions) {
        out.writeInt(at);
        byte[] one = FileIndex.encode(List.of(entries.get(at)));
        out.writeInt(one.length);
        out.write(one);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return bytes.toByteArray();
  }

  /** Applies a patch in place; returns how many entries it set. */
  private static int applyPatch(List<FileIndex.Entry> entries, byte[] data) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int n = in.readInt();
      if (n < 0 || n > data.length / 8) {
        throw new IOException("damaged file index patch");
      }
      for (int i = 0; i < n; i++) {
        int at = in.readInt();
        int length = in.readInt();
        if (at < 0 || at >= entries.size() || length < 0 || length > data.length) {
          throw new IOException("damaged file index patch");
        }
        byte[] one = new byte[length];
        in.readFully(one);
        List<FileIndex.Entry> decoded = FileIndex.decode(one);
        if (decoded.size() != 1) {
          throw new IOException("damaged file index patch");
        }
        entries.set(at, decoded.get(0));
      }
      return n;
    } catch (java.io.EOFException e) {
      throw new IOException("damaged file index patch", e);
    }
  }
}
