package dev.emcc.store;

/**
 * One object's change in a write: its state before (for the history and undo) and after (to
 * write), JSON as UTF-8 throughout. For a save of the whole workspace the JSON after is the
 * {@link DesiredRow} it serialises, bound as those bytes (a save of 100,000 objects would
 * otherwise decode them into strings for the driver to encode again).
 */
record RowChange(RowKey key, ChangeKind kind, byte[] beforeJson, Integer beforePosition, byte[] afterJson,
    Integer afterPosition, DesiredRow afterRow) {

  RowChange(RowKey key, ChangeKind kind, byte[] beforeJson, Integer beforePosition, byte[] afterJson,
      Integer afterPosition) {
    this(key, kind, beforeJson, beforePosition, afterJson, afterPosition, null);
  }

  static RowChange added(RowKey key, byte[] json, int position) {
    return new RowChange(key, ChangeKind.ADDED, null, null, json, position);
  }

  static RowChange removed(RowKey key, StoredRow was) {
    return new RowChange(key, ChangeKind.REMOVED, was.json(), was.position(), null, null);
  }

  /** The JSON after as UTF-8, bound as a blob and stored as TEXT by the statement's CAST. */
  byte[] afterUtf8() {
    return afterRow != null ? afterRow.json() : afterJson;
  }

  /** The history's record of this change: the before-image and places, no second copy of what is written. */
  ChangeRecord record() {
    return new ChangeRecord(key, kind, beforeJson, beforePosition, afterPosition);
  }
}
