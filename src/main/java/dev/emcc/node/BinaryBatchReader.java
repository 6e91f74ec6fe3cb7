package dev.emcc.node;

import dev.emcc.format.DocumentException;
import dev.emcc.wire.BinaryBatch;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Reads our binary batch ({@link BinaryBatch}, a full push's bulk path) into the same changes as
 * {@link BatchReader}: every record made by its canonical constructor, then checked as a JSON
 * object is (form limits, name as in its address, no cluster id in the cluster's settings) and kept
 * as its canonical JSON. Chunks are read on every core; the first change (in batch order) that does
 * not read refuses the whole batch with its index, its object and the byte where reading stopped.
 */
final class BinaryBatchReader {
  private static final String SOURCE = "request";

  private BinaryBatchReader() {}

  static BatchReader.Batch read(byte[] body) throws DocumentException {
    BinaryBatch.Head head;
    try {
      head = BinaryBatch.head(body);
    } catch (BinaryBatch.Refused r) {
      throw refused(r);
    }
    if (head.clusterId().isBlank()) {
      throw new DocumentException(SOURCE, "$.clusterId", 0, 0, "missing key \"clusterId\"");
    }
    ClusterState.Change[] changes = new ClusterState.Change[head.count()];
    // the problem of the lowest change wins, as reading in order would report it
    AtomicReference<Problem> first = new AtomicReference<>();
    IntStream.range(0, head.chunks().size()).parallel().forEach(c -> {
      Problem p = readChunk(body, head, c, changes);
      if (p != null) {
        first.accumulateAndGet(p, (a, b) -> a == null || b.change < a.change ? b : a);
      }
    });
    if (first.get() != null) {
      throw first.get().error;
    }
    return new BatchReader.Batch(head.clusterId(), List.of(changes));
  }

  private record Problem(int change, DocumentException error) {}

  private static Problem readChunk(byte[] body, BinaryBatch.Head head, int chunk, ClusterState.Change[] into) {
    List<BinaryBatch.Item> items;
    try {
      items = BinaryBatch.readChunk(body, head, chunk);
    } catch (BinaryBatch.Refused r) {
      return new Problem(r.change(), refused(r));
    }
    int at = chunk * BinaryBatch.PER_CHUNK;
    for (int i = 0; i < items.size(); i++) {
      BinaryBatch.Item item = items.get(i);
      int index = at + i;
      if (item.record() == null) {
        into[index] = new ClusterState.Change(item.key(), item.baseRevision(), null);
        continue;
      }
      try {
        String path = "$.changes[" + index + "].value";
        Object value = ObjectReader.checked(item.key(), item.record(), SOURCE, path);
        into[index] = ClusterState.Change.ofCompact(item.key(), item.baseRevision(),
            ObjectReader.canonical(item.key(), value));
      } catch (DocumentException e) {
        return new Problem(index, new DocumentException(SOURCE, e.path(), 0, 0,
            item.key().collection() + "/" + item.key().name() + ": " + e.problem()));
      }
    }
    return null;
  }

  private static DocumentException refused(BinaryBatch.Refused r) {
    if (r.otherModel()) {
      throw new HttpProblem(415, r.getMessage());
    }
    String path = r.change() < 0 ? "$" : "$.changes[" + r.change() + "]";
    return new DocumentException(SOURCE, path, 0, 0, "the binary batch does not read at byte " + r.offset() + ": "
        + r.getMessage() + "; nothing was stored");
  }
}
