package dev.emcc.store;

import dev.emcc.format.ModelShape;
import dev.emcc.format.SnapshotCodec;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Workspace;
import dev.emcc.format.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * that opening the store reads one short file instead of parsing 100,000 JSON rows. The rows stay
 * the source of truth: the snapshot is only used when it is known to hold exactly what they hold,
 * and anything else (stale, damaged, cut short, written by a console of another model) makes the
 * store load the rows and write a new one.
 *
 * <p>The snapshot is the file {@code NAME.snapshot} beside the database (owner-only, written whole
 * and moved in place): a header (format, the model's fingerprint, a token, the cluster ids and per
 * chunk its cluster, collection, count, sizes and CRC-32C), then chunks of at most
 * {@value #CHUNK_ITEMS} objects of one collection of one cluster, deflated. Whether it is valid is
 * the database's to say: {@code snapshot_meta} ({@code V5__snapshot.sql}) holds one row (token,
 * ready), and triggers on {@code object} and {@code cluster} delete it at the first row any writer
 * changes, this store or any other program, so a change behind the store's back can never be
 * hidden by an old snapshot. The file is used only when its token is the ready row's.
 *
 * <p>Writing one is two steps: a token is placed in {@code snapshot_meta} (not ready) inside the
 * transaction whose rows the workspace in memory is known to equal (a save of that workspace), or
 * before the read of the rows it was loaded from; later the file is written, in a transaction that
 * first checks the token is still there (no row changed since) and then marks it ready. Being a
 * file, it can be read and decoded while the database is still being opened ({@link Speculation}:
 * opening SQLite in a fresh process costs about as much as decoding the snapshot). Chunks are
 * decoded and encoded on the common pool, a chunk at a time.
 */
final class Snapshot {
  /** Objects in one chunk: enough chunks to keep both cores busy, few enough to cost nothing to list. */
  static final int CHUNK_ITEMS = 4_096;
  /** The schema version that has the snapshot's table. */
  static final int SCHEMA = 5;
  private static final long MAGIC = 0x454d43435f534e50L; // "EMCC_SNP"
  private static final int FORMAT = 1;
  /** The collections' record types, each of which needs a codec. */
  private static final List<Class<?>> TYPES = ClusterCollection.ALL.stream().<Class<?>>map(ClusterCollection::type).toList();

  /** A workspace waiting to be written as the snapshot of the rows its token was placed for. */
  record Pending(long token, Workspace workspace) {}

  /**
   * One chunk's place: cluster, collection, object count, stored and raw size, CRC-32C of the
   * stored bytes, and where they start in the file.
   */
  private record Chunk(int cluster, int kind, int count, int stored, int raw, int crc, int at) {}

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

  /** The snapshot file of a database file. */
  static Path fileOf(Path db) {
    return db.resolveSibling(db.getFileName() + ".snapshot");
  }

  /** A snapshot file and the token it was written under, decoded. */
  record Decoded(long token, Workspace workspace) {}

  /**
   * The snapshot file read and decoded on the common pool from the moment the store is opened, so
   * that decoding goes on while SQLite opens; the store decides afterwards whether it is valid.
   */
  static final class Speculation {
    private final java.util.concurrent.CompletableFuture<Decoded> decoded;

    private Speculation(Path db) {
      decoded = java.util.concurrent.CompletableFuture.supplyAsync(() -> readFile(db));
    }

    static Speculation start(Path db) {
      return fingerprint() == null || !Files.exists(fileOf(db)) ? null : new Speculation(db);
    }

    Decoded get() {
      try {
        return decoded.join();
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /**
   * The snapshot's workspace when it is ready and reads whole (inside the caller's read
   * transaction); null when there is none, it is stale or it does not read (then the rows are
   * loaded). {@code ahead}: the file already being decoded (or null).
   */
  static Workspace read(Connection conn, Path db, Speculation ahead) throws SQLException {
    Long token = readyToken(conn);
    if (token == null || fingerprint() == null) {
      return null;
    }
    Decoded d = ahead != null ? ahead.get() : readFile(db);
    return d != null && d.token() == token ? d.workspace() : null;
  }

  private static Long readyToken(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT token, ready FROM snapshot_meta")) {
      return rs.next() && rs.getInt(2) == 1 ? rs.getLong(1) : null;
    }
  }

  /** The snapshot file of {@code db} decoded; null when it is missing or does not read. */
  static Decoded readFile(Path db) {
    try {
      Long model = fingerprint();
      return model == null ? null : decode(Files.readAllBytes(fileOf(db)), model);
    } catch (IOException | RuntimeException e) {
      return null; // missing, damaged, cut short or not ours: the rows are the truth
    }
  }

  private static Decoded decode(byte[] file, long model) {
    if (file.length < 12 || readLong(file, 0) != MAGIC) {
      throw new SnapshotCodec.Damaged("not a snapshot");
    }
    int headerLength = readInt(file, 8);
    if (headerLength < 0 || headerLength > file.length - 12) {
      throw new SnapshotCodec.Damaged("a header longer than the file");
    }
    SnapshotCodec.In header = new SnapshotCodec.In(file, 12, 12 + headerLength);
    if (header.readVarLong() != FORMAT || header.readSigned() != model) {
      throw new SnapshotCodec.Damaged("another format's or another model's snapshot");
    }
    long token = header.readSigned();
    int formatVersion = (int) header.readSigned();
    int clusterCount = header.readCount();
    List<String> ids = new ArrayList<>(clusterCount);
    for (int i = 0; i < clusterCount; i++) {
      ids.add(header.readString());
    }
    int chunkCount = header.readUpTo(file.length);
    List<Chunk> chunks = new ArrayList<>(chunkCount);
    int at = 12 + headerLength;
    for (int i = 0; i < chunkCount; i++) {
      int cluster = header.readUpTo(clusterCount - 1L);
      int kind = header.readUpTo(ClusterCollection.ALL.size() - 1L);
      int count = header.readUpTo(CHUNK_ITEMS);
      int stored = header.readUpTo(Integer.MAX_VALUE);
      // deflate shrinks at most about 1,000 times
      int raw = header.readUpTo(Math.min(Integer.MAX_VALUE - 16L, 1100L * stored + 64));
      Chunk c = new Chunk(cluster, kind, count, stored, raw, (int) header.readSigned(), at);
      if (stored > file.length - at) {
        throw new SnapshotCodec.Damaged("chunk " + i + " runs past the file's end");
      }
      at += stored;
      chunks.add(c);
    }
    if (at != file.length) {
      throw new SnapshotCodec.Damaged("the file does not end with its last chunk");
    }
    if (!header.atEnd()) {
      throw new SnapshotCodec.Damaged("trailing bytes in the header");
    }
    // decoded on the other cores from now on; this thread takes the chunks no worker has begun
    List<Ahead<List<Object>>> decoded = new ArrayList<>(chunkCount);
    for (Chunk c : chunks) {
      decoded.add(Ahead.start(() -> decodeChunk(c, file)));
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
    return new Decoded(token, new Workspace(formatVersion, clusters));
  }

  private static List<Object> decodeChunk(Chunk c, byte[] file) {
    CRC32C crc = new CRC32C();
    crc.update(file, c.at, c.stored);
    if ((int) crc.getValue() != c.crc) {
      throw new SnapshotCodec.Damaged("a chunk's checksum does not match");
    }
    byte[] raw = inflate(file, c.at, c.stored, c.raw);
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
            chunks.add(new Chunk(ci, k, slice.size(), 0, 0, 0, 0));
            data.add(Ahead.start(() -> encodeChunk(kind, slice)));
          }
        }
      }
    }

    /** The snapshot file's bytes under {@code token} (waiting for, or doing, the encoding). */
    byte[] file(long token) {
      SnapshotCodec.Out header = new SnapshotCodec.Out();
      header.writeVarLong(FORMAT);
      header.writeSigned(fingerprint());
      header.writeSigned(token);
      header.writeSigned(formatVersion);
      header.writeVarLong(ids.size());
      ids.forEach(header::writeString);
      header.writeVarLong(chunks.size());
      List<byte[]> stored = new ArrayList<>(chunks.size());
      long total = 12;
      for (int i = 0; i < chunks.size(); i++) {
        byte[] packed = data.get(i).get();
        // the raw size leads the packed bytes (see encodeChunk)
        int raw = readInt(packed, 0);
        CRC32C crc = new CRC32C();
        crc.update(packed, 4, packed.length - 4);
        Chunk c = chunks.get(i);
        header.writeVarLong(c.cluster);
        header.writeVarLong(c.kind);
        header.writeVarLong(c.count);
        header.writeVarLong(packed.length - 4);
        header.writeVarLong(raw);
        header.writeSigned((int) crc.getValue());
        stored.add(packed);
        total += packed.length - 4;
      }
      byte[] head = header.toByteArray();
      byte[] out = new byte[Math.toIntExact(total + head.length)];
      writeLong(out, 0, MAGIC);
      writeInt(out, 8, head.length);
      System.arraycopy(head, 0, out, 12, head.length);
      int at = 12 + head.length;
      for (byte[] packed : stored) {
        System.arraycopy(packed, 4, out, at, packed.length - 4);
        at += packed.length - 4;
      }
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
   * Writes the snapshot file of {@code db} when the token placed for it is still there (no row
   * changed since) and marks it ready, in the caller's write transaction (which holds the
   * database's write lock meanwhile); false when the token is gone (the snapshot stays unused).
   */
  static boolean write(Connection conn, Path db, long token, Encoded encoded) throws SQLException, IOException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM snapshot_meta WHERE token = ? AND ready = 0")) {
      ps.setLong(1, token);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
      }
    }
    AtomicFiles.writeOwnerOnly(fileOf(db), encoded.file(token));
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("UPDATE snapshot_meta SET ready = 1");
    }
    return true;
  }

  private static long readLong(byte[] b, int at) {
    return ((long) readInt(b, at) << 32) | (readInt(b, at + 4) & 0xFFFFFFFFL);
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
  }

  private static void writeLong(byte[] b, int at, long v) {
    writeInt(b, at, (int) (v >>> 32));
    writeInt(b, at + 4, (int) v);
  }

  private static void writeInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
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

  private static byte[] inflate(byte[] file, int from, int length, int rawLength) {
    Inflater inf = new Inflater();
    try {
      inf.setInput(file, from, length);
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
