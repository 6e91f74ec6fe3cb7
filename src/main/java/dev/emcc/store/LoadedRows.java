package dev.emcc.store;

import com.fasterxml.jackson.core.JsonParser;
import dev.emcc.format.Json;
import dev.emcc.model.ClusterCollection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows a load scans, their JSON read into model records in chunks on the other cores while
 * the scan goes on ({@link Ahead}): reading the JSON is most of a load's time.
 */
final class LoadedRows {
  /** Rows whose JSON one task reads. */
  private static final int CHUNK = 1024;

  /** A scanned row: where it goes, and its value once its JSON is read. */
  static final class Row {
    static final Comparator<Row> ORDER = Comparator.<Row>comparingInt(r -> r.clusterIndex)
        .thenComparingInt(r -> r.kindIndex).thenComparingInt(r -> r.position);
    final long rowid;
    final int clusterIndex;
    final int kindIndex;
    final int position;
    /** The row's JSON until it is read (then dropped: the bytes need not outlive the chunk). */
    private byte[] json;
    Object value;

    Row(long rowid, int clusterIndex, int kindIndex, int position, byte[] json) {
      this.rowid = rowid;
      this.clusterIndex = clusterIndex;
      this.kindIndex = kindIndex;
      this.position = position;
      this.json = json;
    }

    ClusterCollection<?> kind() {
      return ClusterCollection.ALL.get(kindIndex);
    }
  }

  /** A row whose JSON cannot be read; its names are looked up on the connection's thread. */
  static final class Unreadable extends RuntimeException {
    final transient Row row;

    Unreadable(Row row, IOException cause) {
      super(cause.getMessage(), cause, false, false);
      this.row = row;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<Ahead<Void>> reads = new ArrayList<>();
  private List<Row> chunk = new ArrayList<>(CHUNK);

  void add(Row row) {
    rows.add(row);
    chunk.add(row);
    if (chunk.size() == CHUNK) {
      startChunk();
    }
  }

  /**
   * Every row with its value, in workspace order (cluster, collection, place), once each chunk is
   * read (a chunk no worker has begun is read on this thread).
   *
   * @throws Unreadable for the first row whose JSON cannot be read
   */
  List<Row> finish() {
    startChunk();
    for (Ahead<Void> read : reads) {
      read.get();
    }
    rows.sort(Row.ORDER);
    return rows;
  }

  private void startChunk() {
    List<Row> mine = chunk;
    chunk = new ArrayList<>(CHUNK);
    if (!mine.isEmpty()) {
      reads.add(Ahead.start(() -> {
        read(mine);
        return null;
      }));
    }
  }

  private static void read(List<Row> rows) {
    if (!readTogether(rows)) {
      for (Row row : rows) {
        try {
          row.value = RowCodecs.reader(row.kind()).readValue(row.json);
        } catch (IOException e) {
          throw new Unreadable(row, e);
        }
      }
    }
    for (Row row : rows) {
      row.json = null;
    }
  }

  /**
   * Reads the rows' JSON one after another with one parser: a parser per row costs as much as
   * a small row's values. Taken only when every value spans exactly its own row's bytes; any
   * doubt (a damaged row) and the rows are read one by one, strictly.
   */
  private static boolean readTogether(List<Row> rows) {
    int length = 0;
    for (Row row : rows) {
      length += row.json.length + 1;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (Row row : rows) {
      System.arraycopy(row.json, 0, all, at, row.json.length);
      at += row.json.length;
      all[at++] = '\n';
    }
    Object[] values = new Object[rows.size()];
    try (JsonParser p = Json.ownOutputMapper().createParser(all)) {
      long start = 0;
      for (int i = 0; i < values.length; i++) {
        Row row = rows.get(i);
        if (p.nextToken() == null || p.currentTokenLocation().getByteOffset() != start) {
          return false;
        }
        values[i] = RowCodecs.rowReader(row.kind()).readValue(p);
        start += row.json.length;
        if (p.currentLocation().getByteOffset() != start) {
          return false;
        }
        start++;
      }
      if (p.nextToken() != null) {
        return false;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      rows.get(i).value = values[i];
    }
    return true;
  }
}
