package dev.emcc.wire;

import dev.emcc.format.ModelShape;
import dev.emcc.format.SnapshotCodec;
import dev.emcc.model.ClusterCollection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Our own binary form of a batch of changes ({@value #CONTENT_TYPE}), for the bulk path of a full
 * push: the records without field names, in the store's snapshot codec ({@link SnapshotCodec}), so
 * that a node reads 50,000 objects through their canonical constructors instead of parsing 28 MB of
 * JSON. The JSON batch stays the API for everyone else (docs/nodes.md).
 *
 * <p>The body: the magic {@code EMCCBAT1}, the model's fingerprint (8 bytes, big-endian: a batch of
 * another model is not read), the cluster id (length-prefixed UTF-8), the number of changes, then
 * chunks of at most {@value #PER_CHUNK} changes, each its byte length and its bytes. A chunk: its
 * number of changes, then per change its collection, name, base revision and record (the codec's
 * 0 for none: a deletion); strings repeat as back references within a chunk. Chunks are written
 * and read on every core, and a chunk is what the sync base keeps as a pack of agreed values.
 */
public final class BinaryBatch {
  /** The content type of the binary batch (ours). */
  public static final String CONTENT_TYPE = "application/vnd.emcc.batch";
  /** Changes in one chunk. */
  public static final int PER_CHUNK = 64;
  private static final byte[] MAGIC = "EMCCBAT1".getBytes(StandardCharsets.US_ASCII);

  private BinaryBatch() {}

  /** One change: its object, the revision it was based on, and its record (null: a deletion). */
  public record Item(ObjectKey key, long baseRevision, Object record) {}

  /** A batch made: the head, and per chunk its keys and bytes (without their length). */
  public record Encoded(byte[] head, List<List<ObjectKey>> keys, List<byte[]> chunks) {
    /** The body as sent, in pieces: the head, then each chunk's length and its bytes. */
    public List<byte[]> pieces() {
      List<byte[]> out = new ArrayList<>(1 + 2 * chunks.size());
      out.add(head);
      for (byte[] c : chunks) {
        SnapshotCodec.Out length = new SnapshotCodec.Out(16);
        length.writeVarLong(c.length);
        out.add(length.toByteArray());
        out.add(c);
      }
      return out;
    }

    /** The whole body in one array. */
    public byte[] body() {
      List<byte[]> pieces = pieces();
      byte[] all = new byte[Math.toIntExact(pieces.stream().mapToLong(p -> p.length).sum())];
      int at = 0;
      for (byte[] p : pieces) {
        System.arraycopy(p, 0, all, at, p.length);
        at += p.length;
      }
      return all;
    }
  }

  /** Writes the changes, chunks on every core; a record of the wrong type for its key is a bug. */
  public static Encoded encode(String clusterId, List<Item> items) {
    int chunks = (items.size() + PER_CHUNK - 1) / PER_CHUNK;
    byte[][] bytes = new byte[chunks][];
    IntStream.range(0, chunks).parallel().forEach(c -> {
      SnapshotCodec.Out out = new SnapshotCodec.Out(PER_CHUNK * 256);
      List<Item> slice = items.subList(c * PER_CHUNK, Math.min(items.size(), (c + 1) * PER_CHUNK));
      out.writeVarLong(slice.size());
      for (Item i : slice) {
        out.writeString(i.key().collection());
        out.writeString(i.key().name());
        out.writeVarLong(i.baseRevision());
        codecOf(i.key()).write(out, i.record());
      }
      bytes[c] = out.toByteArray();
    });
    List<List<ObjectKey>> keys = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      keys.add(items.subList(c * PER_CHUNK, Math.min(items.size(), (c + 1) * PER_CHUNK)).stream()
          .map(Item::key).toList());
    }
    SnapshotCodec.Out head = new SnapshotCodec.Out(64);
    byte[] start = Arrays.copyOf(MAGIC, MAGIC.length + 8);
    putFingerprint(start, MAGIC.length);
    for (byte b : start) {
      head.writeByte(b);
    }
    byte[] id = clusterId.getBytes(StandardCharsets.UTF_8);
    head.writeVarLong(id.length);
    for (byte b : id) {
      head.writeByte(b);
    }
    head.writeVarLong(items.size());
    return new Encoded(head.toByteArray(), keys, Arrays.asList(bytes));
  }

  private static SnapshotCodec codecOf(ObjectKey key) {
    ClusterCollection<?> c = ClusterObjects.collectionOf(key)
        .orElseThrow(() -> new IllegalArgumentException("unknown object " + key));
    return SnapshotCodec.of(c.type());
  }

  /** A batch that does not read: what is wrong, and where (the change's index, or -1, and the byte). */
  public static final class Refused extends Exception {
    private final int change;
    private final int offset;
    private final boolean otherModel;

    Refused(int change, int offset, String message, boolean otherModel) {
      super(message, null, false, false);
      this.change = change;
      this.offset = offset;
      this.otherModel = otherModel;
    }

    /** The index of the change in the batch that does not read; -1 when the batch's head does not. */
    public int change() {
      return change;
    }

    /** The byte of the body at which it stopped reading. */
    public int offset() {
      return offset;
    }

    /** The batch is of another format or model (the sender should send JSON), not damaged. */
    public boolean otherModel() {
      return otherModel;
    }
  }

  /** A batch's head read, and where its chunks are. */
  public record Head(String clusterId, int count, List<int[]> chunks) {}

  /** Reads the head and finds the chunks; the chunks' contents are read by {@link #readChunk}. */
  public static Head head(byte[] body) throws Refused {
    if (body.length < MAGIC.length + 8 || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new Refused(-1, 0, "not a binary batch (it starts with EMCCBAT1)", true);
    }
    if (!ofThisModel(body, MAGIC.length)) {
      throw new Refused(-1, MAGIC.length, "a binary batch of another model (send the JSON batch)", true);
    }
    SnapshotCodec.In in = new SnapshotCodec.In(body, MAGIC.length + 8, body.length);
    try {
      int idLength = in.readCount();
      int at = in.position();
      if (idLength > body.length - at) {
        throw new SnapshotCodec.Damaged("the cluster id runs past the end");
      }
      String clusterId = new String(body, at, idLength, StandardCharsets.UTF_8);
      in.skip(idLength);
      int count = in.readCount();
      List<int[]> chunks = new ArrayList<>();
      long listed = 0;
      while (!in.atEnd()) {
        int length = in.readCount();
        int from = in.position();
        if (length > body.length - from) {
          throw new Refused(Math.toIntExact(Math.min(listed, count)), from,
              "the batch ends inside chunk " + chunks.size() + " (" + length + " bytes announced, "
                  + (body.length - from) + " left)", false);
        }
        chunks.add(new int[] {from, from + length});
        listed += PER_CHUNK;
        in.skip(length);
      }
      long expected = ((long) count + PER_CHUNK - 1) / PER_CHUNK;
      if (chunks.size() != expected) {
        throw new Refused(-1, body.length, "the batch announces " + count + " changes in " + expected
            + " chunks but holds " + chunks.size() + " chunks (cut short?)", false);
      }
      return new Head(clusterId, count, chunks);
    } catch (SnapshotCodec.Damaged e) {
      throw new Refused(-1, in.position(), "the batch's head does not read: " + e.getMessage(), false);
    }
  }

  /**
   * The changes of chunk {@code index} (the first of which is change {@code index * PER_CHUNK}),
   * each record made by its canonical constructor. A collection or name this wire does not know, a
   * value of the wrong shape, a record its constructor refuses or bytes left over: refused, saying
   * which change and which byte.
   */
  public static List<Item> readChunk(byte[] body, Head head, int index) throws Refused {
    int[] range = head.chunks().get(index);
    int first = index * PER_CHUNK;
    int expected = Math.min(PER_CHUNK, head.count() - first);
    SnapshotCodec.In in = new SnapshotCodec.In(body, range[0], range[1]);
    int current = first;
    ObjectKey key = null;
    try {
      int n = in.readCount();
      if (n != expected) {
        throw new SnapshotCodec.Damaged("chunk " + index + " holds " + n + " changes, expected " + expected);
      }
      List<Item> items = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        current = first + i;
        key = null;
        String collection = in.readString();
        String name = in.readString();
        if (collection == null || !ClusterObjects.isCollection(collection)) {
          throw new SnapshotCodec.Damaged("unknown collection \"" + collection + "\"");
        }
        if (name == null || name.isEmpty() || !ClusterObjects.isKnown(new ObjectKey(collection, name))) {
          throw new SnapshotCodec.Damaged("unknown setting \"" + name + "\" of " + collection);
        }
        key = new ObjectKey(collection, name);
        long base = in.readVarLong();
        if (base < 0) {
          throw new SnapshotCodec.Damaged("the base revision must be 0 (new object) or a revision");
        }
        items.add(new Item(key, base, codecOf(key).read(in)));
      }
      if (!in.atEnd()) {
        throw new SnapshotCodec.Damaged("bytes left over after the chunk's " + n + " changes");
      }
      return items;
    } catch (SnapshotCodec.Damaged e) {
      String what = key == null ? "" : key.collection() + "/" + key.name() + ": ";
      throw new Refused(current, in.position(), what + e.getMessage(), false);
    }
  }

  /**
   * One chunk alone (as the sync base keeps it): its changes, read as {@link #readChunk} reads
   * them. Null when the chunk is of another model than this console's.
   */
  public static List<Item> readKept(byte[] kept) throws Refused {
    if (kept.length < 8) {
      throw new Refused(-1, 0, "a kept chunk too short to read", false);
    }
    if (!ofThisModel(kept, 0)) {
      return null;
    }
    SnapshotCodec.In in = new SnapshotCodec.In(kept, 8, kept.length);
    int n;
    try {
      n = in.readCount();
    } catch (SnapshotCodec.Damaged e) {
      throw new Refused(-1, 8, "a kept chunk does not read: " + e.getMessage(), false);
    }
    Head head = new Head("", n, List.of(new int[] {8, kept.length}));
    if (n > PER_CHUNK) {
      throw new Refused(-1, 8, "a kept chunk of " + n + " changes", false);
    }
    return readChunk(kept, head, 0);
  }

  /** A chunk as the sync base keeps it: the model's fingerprint, then the chunk. */
  public static byte[] kept(byte[] chunk) {
    byte[] out = new byte[8 + chunk.length];
    putFingerprint(out, 0);
    System.arraycopy(chunk, 0, out, 8, chunk.length);
    return out;
  }

  /** The model's fingerprint, 8 bytes big-endian at {@code at}. */
  private static void putFingerprint(byte[] out, int at) {
    long f = ModelShape.fingerprint();
    for (int i = 0; i < 8; i++) {
      out[at + i] = (byte) (f >>> (56 - 8 * i));
    }
  }

  /** Whether the 8 bytes at {@code at} are this model's fingerprint. */
  private static boolean ofThisModel(byte[] in, int at) {
    long f = 0;
    for (int i = 0; i < 8; i++) {
      f = (f << 8) | (in[at + i] & 0xFF);
    }
    return f == ModelShape.fingerprint();
  }
}
