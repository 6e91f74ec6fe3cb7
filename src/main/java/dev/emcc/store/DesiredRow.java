package dev.emcc.store;

/** A row a save of the whole workspace wants: its key, place and JSON (serialised by {@link SerialisedJson}, maybe still under way). */
record DesiredRow(RowKey key, int position, SerialisedJson source, int index) {
  byte[] json() {
    return source.bytes(index);
  }
}
