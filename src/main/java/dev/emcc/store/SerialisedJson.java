package dev.emcc.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.model.ClusterCollection;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a save's objects, serialised in chunks on the common pool from the moment it is made,
 * so that the thread writing the rows into SQLite finds most of them ready: serialising and
 * inserting overlap instead of following each other. A chunk no worker has started yet when it is
 * needed is serialised by the thread that needs it ({@link Ahead}), so a busy pool never makes the
 * writer wait.
 */
final class SerialisedJson {
  /** Objects per task: big enough that a task costs more than its scheduling, small enough to start writing soon. */
  static final int CHUNK = 512;

  private final byte[][] json;
  private final List<Ahead<Void>> chunks;

  /** {@code kinds.get(i)} serialises {@code values.get(i)}; both lists are read, never changed. */
  SerialisedJson(List<? extends ClusterCollection<?>> kinds, List<?> values) {
    this.json = new byte[values.size()][];
    this.chunks = new ArrayList<>((values.size() + CHUNK - 1) / CHUNK);
    for (int from = 0; from < values.size(); from += CHUNK) {
      int start = from;
      int end = Math.min(values.size(), from + CHUNK);
      // a chunk only ever writes its own slots of json
      chunks.add(Ahead.start(() -> {
        for (int i = start; i < end; i++) {
          json[i] = serialise(kinds.get(i), values.get(i));
        }
        return null;
      }));
    }
  }

  int size() {
    return json.length;
  }

  /** The UTF-8 JSON of object {@code i}, waiting for (or doing) its chunk's work. */
  byte[] bytes(int i) {
    chunks.get(i / CHUNK).get();
    return json[i];
  }

  static byte[] serialise(ClusterCollection<?> kind, Object value) {
    try {
      return RowCodecs.writer(kind).writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a " + kind.key() + " object", e);
    }
  }
}
