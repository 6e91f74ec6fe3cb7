package dev.emcc.store;

/**
 * One object's change as the history keeps it: what it was before (JSON as UTF-8, null where it
 * did not exist; its place) and its place after. The state after is the next change's before or
 * the current row, so a change set never stores a second copy of what it wrote.
 */
record ChangeRecord(RowKey key, ChangeKind kind, byte[] beforeJson, Integer beforePosition,
    Integer afterPosition) {

  /** About what a row of this record costs in the file: its JSON, its key and a row's overhead. */
  long bytes() {
    return 48L + utf8(key.clusterId()) + utf8(key.collection()) + utf8(key.name())
        + (beforeJson == null ? 0 : beforeJson.length);
  }

  private static int utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
