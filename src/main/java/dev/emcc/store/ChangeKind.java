package dev.emcc.store;

import java.util.Locale;

/** What a change did to one stored object. */
public enum ChangeKind {
  ADDED,
  CHANGED,
  REMOVED,
  /** Only its place in the list changed (kept for undo; the history view leaves these out). */
  MOVED;

  String sql() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ChangeKind ofSql(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
