package dev.emcc.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbered schema migrations, {@code migrations/V<n>__<what>.sql} beside this class, applied
 * in order, each in its own transaction together with its {@code schema_version} row.
 */
final class Migrations {
  /** In order: V1, V2, ... A new migration is a new file here, never an edit of an old one. */
  static final List<String> FILES = List.of("V1__init.sql", "V2__history.sql", "V3__history_bytes.sql",
      "V4__bat_columns.sql");

  private Migrations() {}

  static int latest() {
    return FILES.size();
  }

  /** The schema version of the database: 0 for a new, empty file. */
  static int currentVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
      rs.next();
      if (rs.getInt(1) == 0) {
        return 0;
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void migrate(Connection c) throws SQLException {
    migrate(c, latest());
  }

  /** Brings the schema up to {@code target}; refuses a database written by a newer console. */
  static void migrate(Connection c, int target) throws SQLException {
    int current = currentVersion(c);
    if (current > latest()) {
      throw new StoreException(Messages.format("store.newerSchema", current, latest()));
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (int v = current + 1; v <= target; v++) {
        String file = FILES.get(v - 1);
        try (Statement st = c.createStatement()) {
          for (String sql : statements(read(file))) {
            st.execute(sql);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
          ps.setInt(1, v);
          ps.setString(2, file);
          ps.setString(3, Instant.now().toString());
          ps.executeUpdate();
        }
        c.commit();
      }
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the build: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + file, e);
    }
  }

  /** The statements of a migration: comment lines dropped, split at a ';' ending a line. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
