package dev.emcc.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JSON of a save's objects, serialised in chunks on the common pool from the moment it is made,
 * so that the thread writing the rows into SQLite finds most of them ready: serialising and
 * inserting overlap instead of following each other. A chunk no worker has started yet when it is
 * needed is serialised by the thread that needs it, so a busy pool never makes the writer wait.
 */
final class SerialisedJson {
  /** Objects per task: big enough that a task costs more than its scheduling, small enough to start writing soon. */
  static final int CHUNK = 512;

  private final List<? extends ObjectKind<?>> kinds;
  private final List<?> values;
  private final byte[][] json;
  private final Chunk[] chunks;

  /** {@code kinds.get(i)} serialises {@code values.get(i)}; both lists are read, never changed. */
  SerialisedJson(List<? extends ObjectKind<?>> kinds, List<?> values) {
    this.kinds = kinds;
    this.values = values;
    this.json = new byte[values.size()][];
    this.chunks = new Chunk[(values.size() + CHUNK - 1) / CHUNK];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = new Chunk(c * CHUNK, Math.min(values.size(), (c + 1) * CHUNK));
    }
    // Submitted after every chunk exists: a worker only ever touches its own chunk.
    for (Chunk chunk : chunks) {
      ForkJoinPool.commonPool().execute(chunk::claimAndRun);
    }
  }

  int size() {
    return json.length;
  }

  /** The UTF-8 JSON of object {@code i}, waiting for (or doing) its chunk's work. */
  byte[] bytes(int i) {
    Chunk chunk = chunks[i / CHUNK];
    if (!chunk.claimAndRun()) {
      chunk.await();
    }
    if (chunk.failure != null) {
      throw chunk.failure;
    }
    return json[i];
  }

  private final class Chunk {
    private final int from;
    private final int to;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException failure;

    Chunk(int from, int to) {
      this.from = from;
      this.to = to;
    }

    /** Serialises the chunk unless another thread claimed it first; false then. */
    boolean claimAndRun() {
      if (!claimed.compareAndSet(false, true)) {
        return false;
      }
      try {
        for (int i = from; i < to; i++) {
          json[i] = serialise(kinds.get(i), values.get(i));
        }
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        done.countDown(); // publishes json[from..to) to the threads that await it
      }
      return true;
    }

    void await() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the save goes on: its transaction is already open
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static byte[] serialise(ObjectKind<?> kind, Object value) {
    try {
      return kind.writer().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a " + kind.key() + " object", e);
    }
  }
}
