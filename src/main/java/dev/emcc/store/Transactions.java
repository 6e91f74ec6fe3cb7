package dev.emcc.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The store's one connection and its transactions. A read is one deferred transaction (one
 * consistent snapshot of the file). A write is one change set: BEGIN IMMEDIATE (the write lock at
 * once: no upgrade deadlocks), the caller works out its {@link RowChange}s inside it, the
 * {@link ChangeWriter} writes them, the {@link History} records them and prunes, COMMIT; after a
 * bulk write or a prune the space is given back or the WAL checkpointed. A process killed during
 * a write leaves the previous state whole.
 */
final class Transactions implements AutoCloseable {
  /** Writes with more rows than this are followed by a WAL checkpoint. */
  static final int CHECKPOINT_AFTER_ROWS = 5_000;
  /**
   * The history's byte budget when the system property {@code emcc.historyBytes} sets one (bytes);
   * without it, half of what the workspace takes, at least 16 MiB ({@link History#budget}).
   */
  private static final long HISTORY_BYTES = Long.getLong("emcc.historyBytes", 0L);

  /** Work on the connection inside a transaction. */
  interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Rows of a side table written in a change's transaction, under its change set's id (0: no change set). */
  interface SideRows {
    void write(long changeSetId) throws SQLException;
  }

  /**
   * A write worked out inside its transaction: what the history calls it, what it undoes (or null),
   * the changes, and side rows written with them (or null).
   */
  record Plan(String summary, Long undoOf, List<RowChange> changes, SideRows side) {
    Plan(String summary, Long undoOf, List<RowChange> changes) {
      this(summary, undoOf, changes, null);
    }
  }

  private final Path file;
  private final Connection conn;
  private final History history;
  private final ChangeWriter writer;
  private Runnable beforeCommit = () -> {};
  private int bulkHistoryRows = History.PACK_ABOVE;
  private int historyChangeSets;
  private long historyBytes = HISTORY_BYTES;

  private Transactions(Path file, Connection conn, int historyChangeSets) {
    this.file = file;
    this.conn = conn;
    this.history = new History(conn);
    this.writer = new ChangeWriter(conn);
    this.historyChangeSets = historyChangeSets;
  }

  /**
   * Opens (creating when missing) the SQLite file (WAL, foreign keys, busy timeout; owner-only,
   * {@link SqliteFiles}) and migrates its schema to {@code schemaVersion}.
   */
  static Transactions open(Path file, int schemaVersion, int historyChangeSets) {
    Connection conn = null;
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(10_000);
      conn = SqliteFiles.connect(file, config);
      Migrations.migrate(conn, schemaVersion);
      return new Transactions(file, conn, historyChangeSets);
    } catch (SQLException | IOException e) {
      closeQuietly(conn);
      throw new StoreException(Messages.format("store.cannotOpen", file, e.getMessage()), e);
    } catch (RuntimeException e) {
      closeQuietly(conn);
      throw e;
    }
  }

  Path file() {
    return file;
  }

  Connection connection() {
    return conn;
  }

  History history() {
    return history;
  }

  void keepHistory(int changeSets) {
    this.historyChangeSets = changeSets;
  }

  void keepHistoryBytes(long bytes) {
    this.historyBytes = bytes;
  }

  /** A test seam: runs inside every write transaction, after the rows are written, before COMMIT. */
  void beforeCommit(Runnable hook) {
    this.beforeCommit = hook == null ? () -> {} : hook;
  }

  /** A test seam: the number of changes above which a change set's history is packed. */
  void bulkHistoryRows(int rows) {
    this.bulkHistoryRows = rows;
  }

  /** Runs reads in one (deferred) transaction: one consistent snapshot of the file. */
  <T> T read(SqlWork<T> work) {
    return inTransaction("BEGIN DEFERRED", work);
  }

  /** {@code work} between {@code begin} and COMMIT; rolled back when it throws. */
  private <T> T inTransaction(String begin, SqlWork<T> work) {
    try {
      exec(begin);
      try {
        T result = work.run();
        exec("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** One write named {@code summary}: the changes are worked out inside the transaction. */
  SaveResult write(String summary, SqlWork<List<RowChange>> changes) {
    return write(() -> new Plan(summary, null, changes.run()));
  }

  /**
   * As {@link #write(String, SqlWork)}, then {@code last} runs inside the same transaction after
   * every row and the history are written, before COMMIT (only when something changed).
   */
  SaveResult write(String summary, SqlWork<List<RowChange>> changes, SqlWork<?> last) {
    return write(() -> new Plan(summary, null, changes.run()), last);
  }

  /**
   * One write: the plan is worked out inside the transaction; nothing to change, no change set
   * (its side rows, if any, are still written, under change set 0).
   */
  SaveResult write(SqlWork<Plan> planner) {
    return write(planner, null);
  }

  /**
   * Work on the file that is not a change of the workspace (no change set, no history): one
   * IMMEDIATE transaction, committed when the work returns, rolled back when it throws.
   */
  <T> T maintain(SqlWork<T> work) {
    return inTransaction("BEGIN IMMEDIATE", work);
  }

  /** As {@link #write(SqlWork)}, then {@code last} runs before COMMIT when something changed. */
  SaveResult write(SqlWork<Plan> planner, SqlWork<?> last) {
    SaveResult result;
    boolean pruned;
    try {
      exec("BEGIN IMMEDIATE");
      try {
        Plan plan = planner.run();
        if (plan.changes().isEmpty()) {
          if (plan.side() != null) {
            plan.side().write(0);
            beforeCommit.run();
          }
          exec(plan.side() != null ? "COMMIT" : "ROLLBACK");
          return SaveResult.UNCHANGED;
        }
        // packing a big change set's history starts now, on the other cores, while the rows are written
        History.Pending pending = History.prepare(records(plan.changes()), bulkHistoryRows);
        result = writer.apply(plan.changes(), plan.summary(), plan.undoOf());
        history.write(result.changeSetId(), pending);
        if (plan.side() != null) {
          plan.side().write(result.changeSetId());
        }
        pruned = history.prune(historyChangeSets, history.budget(historyBytes));
        if (last != null) {
          last.run();
        }
        beforeCommit.run();
        exec("COMMIT");
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
      boolean bulk = result.changes().size() > CHECKPOINT_AFTER_ROWS;
      // space a prune or a bulk write freed goes back to the file system when it is worth it
      boolean vacuumed = (pruned || bulk) && history.reclaim();
      if (bulk && !vacuumed) {
        exec("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return result;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private static List<ChangeRecord> records(List<RowChange> changes) {
    List<ChangeRecord> out = new ArrayList<>(changes.size());
    for (RowChange c : changes) {
      out.add(c.record());
    }
    return out;
  }

  private void exec(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }

  private void rollbackQuietly() {
    try {
      exec("ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction left to roll back, or the original failure is the one worth reporting.
    }
  }

  private StoreException failed(SQLException e) {
    return new StoreException(Messages.format("store.failed", file, e.getMessage()), e);
  }

  /** Closes the connection; the WAL is checkpointed into the file as SQLite closes it. */
  @Override
  public void close() {
    closeQuietly(conn);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Nothing left to save: every write committed or rolled back before this.
      }
    }
  }
}
