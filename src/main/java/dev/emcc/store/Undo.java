package dev.emcc.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The history's undo: a change set reverted as a new change set that names it ({@code undo_of}),
 * so an undo is never undone again and undoing again walks further back. Works out the reverting
 * changes inside the caller's write transaction.
 */
final class Undo {
  /** A change set this big is undone against one read of every row, a smaller one row by row. */
  private static final int READ_ALL_ABOVE = 1_000;

  private final History history;
  private final StoredRows stored;

  Undo(History history, StoredRows stored) {
    this.history = history;
    this.stored = stored;
  }

  /** The plan that reverts {@code target}; no changes when there is no target. */
  Transactions.Plan plan(History.Undoable target) throws SQLException {
    if (target == null) {
      return new Transactions.Plan("undo", null, List.of());
    }
    return new Transactions.Plan("undo #" + target.id() + " (" + target.summary() + ")", target.id(),
        reverting(target.id()));
  }

  private List<RowChange> reverting(long set) throws SQLException {
    List<ChangeRecord> recorded = history.records(set);
    Map<RowKey, StoredRow> all = recorded.size() > READ_ALL_ABOVE ? stored.all() : null;
    List<RowChange> out = new ArrayList<>(recorded.size());
    for (ChangeRecord r : recorded) {
      RowKey key = r.key();
      StoredRow now = all != null ? all.get(key) : stored.get(key);
      if ((now == null) != (r.kind() == ChangeKind.REMOVED)) {
        throw new StoreException(Messages.format("store.historyMismatch", key.clusterId(), key.collection(), key.name()));
      }
      out.add(switch (r.kind()) {
        case ADDED -> RowChange.removed(key, now);
        case CHANGED -> new RowChange(key, ChangeKind.CHANGED, now.json(), now.position(), r.beforeJson(), r.beforePosition());
        case REMOVED -> new RowChange(key, ChangeKind.ADDED, null, null, r.beforeJson(), r.beforePosition());
        case MOVED -> new RowChange(key, ChangeKind.MOVED, null, now.position(), null, r.beforePosition());
      });
    }
    return out;
  }
}
