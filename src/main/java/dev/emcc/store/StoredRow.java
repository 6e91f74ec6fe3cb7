package dev.emcc.store;

/**
 * A stored object as a write compares it: its position (a cluster's place for the {@code cluster}
 * singleton) and its JSON as UTF-8 (compared as bytes, decoded only when needed).
 */
record StoredRow(int position, byte[] json) {}
