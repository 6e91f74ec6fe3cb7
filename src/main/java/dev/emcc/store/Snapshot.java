package dev.emcc.store;

import dev.emcc.format.ModelShape;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Workspace;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The loaded workspace kept beside its rows in a compact binary form ({@link SnapshotCodec}), so
 * that opening the store reads one short sequential run of BLOBs instead of parsing 100,000 JSON
 * rows. The rows stay the source of truth: the snapshot is only read when it is known to hold
 * exactly what they hold, and anything else (stale, damaged, cut short, written by a console of
 * another model) makes the store load the rows and write a new one.
 *
 * <p>Tables ({@code V5__snapshot.sql}): {@code snapshot_meta} holds one row (token, ready) while
 * the snapshot may still be valid, {@code snapshot_chunk(seq, data)} the snapshot: seq 0 a header
 * (format, the model's fingerprint, the token, the cluster ids and per chunk its cluster,
 * collection, count, sizes and CRC-32C), then one chunk of at most {@value #CHUNK_ITEMS} objects
 * of one collection of one cluster each, deflated. Triggers on {@code object} and {@code cluster}
 * delete both at the first row any writer changes, this store or any other program, so a change
 * behind the store's back can never be hidden by an old snapshot.
 *
 * <p>Writing one is two steps: a token is placed in {@code snapshot_meta} (not ready) inside the
 * transaction whose rows the workspace in memory is known to equal (a save of that workspace), or
 * before the read of the rows it was loaded from; later the chunks are written in a transaction
 * that first checks the token is still there (no row changed since). Chunks are decoded and
 * encoded on the common pool, a chunk at a time.
 */
final class Snapshot {
  /** Objects in one chunk: enough chunks to keep both cores busy, few enough to cost nothing to list. */
  static final int CHUNK_ITEMS = 4_096;
  /** The schema version that has the snapshot's tables. */
  static final int SCHEMA = 5;
  private static final long MAGIC = 0x454d43435f534e50L; // "EMCC_SNP"
  private static final int FORMAT = 1;
  /** The collections' record types, each of which needs a codec. */
  private static final List<Class<?>> TYPES = ClusterCollection.ALL.stream().<Class<?>>map(ClusterCollection::type).toList();

  /** A workspace waiting to be written as the snapshot of the rows its token was placed for. */
  record Pending(long token, Workspace workspace) {}

  /** One chunk's place: cluster, collection, object count, stored and raw size, CRC-32C of the stored bytes. */
  private record Chunk(int cluster, int kind, int count, int stored, int raw, int crc) {}

  private static volatile Long fingerprint;

  private Snapshot() {}

  /** The model's fingerprint; null when a type cannot be written (then there are no snapshots). */
  static Long fingerprint() {
    Long f = fingerprint;
    if (f == null) {
      try {
        for (Class<?> type : TYPES) {
          SnapshotCodec.of(type);
        }
        f = ModelShape.fingerprint();
      } catch (IllegalArgumentException e) {
        f = 0L;
      }
      fingerprint = f;
    }
    return f == 0L ? null : f;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * The snapshot's workspace when it is ready and reads whole (inside the caller's read
   * transaction); null when there is none, it is stale or it does not read (then the rows are loaded).
   */
  static Workspace read(Connection conn) throws SQLException {
    Long model = fingerprint();
    if (model == null) {
      return null;
    }
    Long token = readyToken(conn);
    if (token == null) {
      return null;
    }
    List<byte[]> blobs = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, data FROM snapshot_chunk ORDER BY seq")) {
      while (rs.next()) {
        if (rs.getInt(1) != blobs.size()) {
          return null; // a chunk is missing
        }
        blobs.add(rs.getBytes(2));
      }
    }
    try {
      return decode(blobs, model, token);
    } catch (RuntimeException e) {
      return null; // damaged, cut short or not ours: the rows are the truth
    }
  }

  private static Long readyToken(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT token, ready FROM snapshot_meta")) {
      return rs.next() && rs.getInt(2) == 1 ? rs.getLong(1) : null;
    }
  }

  private static Workspace decode(List<byte[]> blobs, long model, long token) {
    if (blobs.isEmpty()) {
      throw new SnapshotCodec.Damaged("no header");
    }
    SnapshotCodec.In header = new SnapshotCodec.In(blobs.get(0));
    if (header.readSigned() != MAGIC || header.readVarLong() != FORMAT) {
      throw new SnapshotCodec.Damaged("not a snapshot of this format");
    }
    if (header.readSigned() != model || header.readSigned() != token) {
      throw new SnapshotCodec.Damaged("another model's or another token's snapshot");
    }
    int formatVersion = (int) header.readSigned();
    int clusterCount = header.readCount();
    List<String> ids = new ArrayList<>(clusterCount);
    for (int i = 0; i < clusterCount; i++) {
      ids.add(header.readString());
    }
    int chunkCount = header.readUpTo(blobs.size());
    if (chunkCount != blobs.size() - 1) {
      throw new SnapshotCodec.Damaged(chunkCount + " chunks listed, " + (blobs.size() - 1) + " stored");
    }
    List<Chunk> chunks = new ArrayList<>(chunkCount);
    for (int i = 0; i < chunkCount; i++) {
      int cluster = header.readUpTo(clusterCount - 1L);
      int kind = header.readUpTo(ClusterCollection.ALL.size() - 1L);
      int count = header.readUpTo(CHUNK_ITEMS);
      int stored = header.readUpTo(Integer.MAX_VALUE);
      // deflate shrinks at most about 1,000 times
      int raw = header.readUpTo(Math.min(Integer.MAX_VALUE - 16L, 1100L * stored + 64));
      Chunk c = new Chunk(cluster, kind, count, stored, raw, (int) header.readSigned());
      if (c.stored != blobs.get(i + 1).length) {
        throw new SnapshotCodec.Damaged("chunk " + i + " does not match its header");
      }
      chunks.add(c);
    }
    if (!header.atEnd()) {
      throw new SnapshotCodec.Damaged("trailing bytes in the header");
    }
    // decoded on the other cores from now on; this thread takes the chunks no worker has begun
    List<Ahead<List<Object>>> decoded = new ArrayList<>(chunkCount);
    for (int i = 0; i < chunkCount; i++) {
      Chunk c = chunks.get(i);
      byte[] data = blobs.get(i + 1);
      blobs.set(i + 1, null);
      decoded.add(Ahead.start(() -> decodeChunk(c, data)));
    }
    List<List<List<Object>>> parts = new ArrayList<>(clusterCount);
    for (int i = 0; i < clusterCount; i++) {
      List<List<Object>> kinds = new ArrayList<>(ClusterCollection.ALL.size());
      for (int k = 0; k < ClusterCollection.ALL.size(); k++) {
        kinds.add(new ArrayList<>());
      }
      parts.add(kinds);
    }
    for (int i = 0; i < chunkCount; i++) {
      Chunk c = chunks.get(i);
      parts.get(c.cluster).get(c.kind).addAll(decoded.get(i).get());
    }
    List<Cluster> clusters = new ArrayList<>(clusterCount);
    for (int i = 0; i < clusterCount; i++) {
      Cluster cluster = Cluster.empty(ids.get(i), null);
      for (int k = 0; k < ClusterCollection.ALL.size(); k++) {
        cluster = with(cluster, ClusterCollection.ALL.get(k), parts.get(i).get(k));
      }
      clusters.add(cluster);
    }
    return new Workspace(formatVersion, clusters);
  }

  private static List<Object> decodeChunk(Chunk c, byte[] stored) {
    CRC32C crc = new CRC32C();
    crc.update(stored);
    if ((int) crc.getValue() != c.crc) {
      throw new SnapshotCodec.Damaged("a chunk's checksum does not match");
    }
    byte[] raw = inflate(stored, c.raw);
    SnapshotCodec codec = SnapshotCodec.of(ClusterCollection.ALL.get(c.kind).type());
    SnapshotCodec.In in = new SnapshotCodec.In(raw);
    List<Object> out = new ArrayList<>(c.count);
    for (int i = 0; i < c.count; i++) {
      Object value = codec.read(in);
      if (value == null) {
        throw new SnapshotCodec.Damaged("a chunk holds a null object");
      }
      out.add(value);
    }
    if (!in.atEnd()) {
      throw new SnapshotCodec.Damaged("trailing bytes in a chunk");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> Cluster with(Cluster c, ClusterCollection<T> collection, List<Object> objects) {
    return collection.with(c, (List<T>) (List<?>) objects);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Marks the rows as they are now as the ones a snapshot may be written for (inside the caller's
   * write transaction, after its last row change); returns the token to write it under.
   */
  static long placeToken(Connection conn) throws SQLException {
    long token = ThreadLocalRandom.current().nextLong();
    try (PreparedStatement ps = conn.prepareStatement("INSERT OR REPLACE INTO snapshot_meta (id, token, ready) VALUES (0, ?, 0)")) {
      ps.setLong(1, token);
      ps.executeUpdate();
    }
    return token;
  }

  /** The chunks of a workspace, encoded on the common pool as soon as this is made. */
  static final class Encoded {
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<Ahead<byte[]>> data = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final int formatVersion;

    Encoded(Workspace ws) {
      formatVersion = ws.formatVersion();
      for (int ci = 0; ci < ws.clusters().size(); ci++) {
        Cluster c = ws.clusters().get(ci);
        ids.add(c.clusterId());
        for (int k = 0; k < ClusterCollection.ALL.size(); k++) {
          ClusterCollection<?> kind = ClusterCollection.ALL.get(k);
          List<?> items = kind.items(c);
          for (int from = 0; from < items.size(); from += CHUNK_ITEMS) {
            List<?> slice = items.subList(from, Math.min(items.size(), from + CHUNK_ITEMS));
            chunks.add(new Chunk(ci, k, slice.size(), 0, 0, 0));
            data.add(Ahead.start(() -> encodeChunk(kind, slice)));
          }
        }
      }
    }

    /** Header and chunks, in seq order (waiting for, or doing, the encoding). */
    List<byte[]> blobs(long token) {
      List<byte[]> out = new ArrayList<>(chunks.size() + 1);
      out.add(null);
      SnapshotCodec.Out header = new SnapshotCodec.Out();
      header.writeSigned(MAGIC);
      header.writeVarLong(FORMAT);
      header.writeSigned(fingerprint());
      header.writeSigned(token);
      header.writeSigned(formatVersion);
      header.writeVarLong(ids.size());
      ids.forEach(header::writeString);
      header.writeVarLong(chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        byte[] packed = data.get(i).get();
        // the raw size leads the packed bytes (see encodeChunk)
        int raw = ((packed[0] & 0xFF) << 24) | ((packed[1] & 0xFF) << 16) | ((packed[2] & 0xFF) << 8) | (packed[3] & 0xFF);
        byte[] stored = java.util.Arrays.copyOfRange(packed, 4, packed.length);
        CRC32C crc = new CRC32C();
        crc.update(stored);
        Chunk c = chunks.get(i);
        header.writeVarLong(c.cluster);
        header.writeVarLong(c.kind);
        header.writeVarLong(c.count);
        header.writeVarLong(stored.length);
        header.writeVarLong(raw);
        header.writeSigned((int) crc.getValue());
        out.add(stored);
      }
      out.set(0, header.toByteArray());
      return out;
    }
  }

  private static byte[] encodeChunk(ClusterCollection<?> kind, List<?> items) {
    SnapshotCodec codec = SnapshotCodec.of(kind.type());
    SnapshotCodec.Out out = new SnapshotCodec.Out();
    for (Object item : items) {
      codec.write(out, item);
    }
    byte[] raw = out.toByteArray();
    byte[] packed = deflate(raw);
    byte[] withSize = new byte[packed.length + 4];
    withSize[0] = (byte) (raw.length >>> 24);
    withSize[1] = (byte) (raw.length >>> 16);
    withSize[2] = (byte) (raw.length >>> 8);
    withSize[3] = (byte) raw.length;
    System.arraycopy(packed, 0, withSize, 4, packed.length);
    return withSize;
  }

  /**
   * Writes the snapshot when the token placed for it is still there (no row changed since), in
   * the caller's write transaction; false when it is not (the snapshot stays absent).
   */
  static boolean write(Connection conn, long token, Encoded encoded) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM snapshot_meta WHERE token = ? AND ready = 0")) {
      ps.setLong(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
      }
    }
    List<byte[]> blobs = encoded.blobs(token);
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("DELETE FROM snapshot_chunk");
    }
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO snapshot_chunk (seq, data) VALUES (?, ?)")) {
      for (int i = 0; i < blobs.size(); i++) {
        ps.setInt(1, i);
        ps.setBytes(2, blobs.get(i));
        ps.executeUpdate();
      }
    }
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("UPDATE snapshot_meta SET ready = 1");
    }
    return true;
  }

  /** Bytes the snapshot takes (not the workspace's, not the history's: left out of the history's budget). */
  static long bytes(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT coalesce(sum(length(data)), 0) FROM snapshot_chunk")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static byte[] deflate(byte[] raw) {
    Deflater d = new Deflater(Deflater.BEST_SPEED);
    try {
      d.setInput(raw);
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 3));
      byte[] buf = new byte[64 * 1024];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  private static byte[] inflate(byte[] stored, int rawLength) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(stored);
      byte[] raw = new byte[rawLength];
      int n = 0;
      while (n < rawLength) {
        int got = inf.inflate(raw, n, rawLength - n);
        if (got == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != rawLength || !inf.finished()) {
        throw new SnapshotCodec.Damaged("a chunk does not inflate to its size");
      }
      return raw;
    } catch (DataFormatException e) {
      throw new SnapshotCodec.Damaged("a chunk does not inflate: " + e.getMessage());
    } finally {
      inf.end();
    }
  }
}
