package dev.emcc.sync;

import dev.emcc.wire.BinaryBatch;
import dev.emcc.wire.ObjectKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The agreed values of a bulk push in the sync base: up to {@value #PER_PACK} objects' compact
 * JSON one after another, deflated, one BLOB each, instead of a text column per row (50,000 rows
 * of JSON cost the base as much as the node's own insert). Deflated on the common pool from the
 * moment they are made, so that the packs are ready when the node answers.
 *
 * <p>A pack: the format version (1), the number of objects, then per object its collection, name
 * and JSON, each length-prefixed UTF-8.
 */
final class AgreedPacks {
  /**
   * Objects a pack holds: small enough that reading back the agreed values of a delta's few
   * objects inflates little (a pack is read whole), large enough that deflate still finds the
   * repeated keys and values of its objects.
   */
  static final int PER_PACK = 64;
  private static final int VERSION = 1;

  private final List<List<ObjectKey>> keys = new ArrayList<>();
  private final List<CompletableFuture<byte[]>> data = new ArrayList<>();

  private AgreedPacks() {}

  /** The objects in key order, packed on the common pool. */
  static AgreedPacks start(Map<ObjectKey, byte[]> json) {
    AgreedPacks packs = new AgreedPacks();
    List<ObjectKey> all = new ArrayList<>(json.keySet());
    Collections.sort(all);
    for (int from = 0; from < all.size(); from += PER_PACK) {
      List<ObjectKey> slice = all.subList(from, Math.min(all.size(), from + PER_PACK));
      List<byte[]> values = new ArrayList<>(slice.size());
      slice.forEach(k -> values.add(json.get(k)));
      packs.keys.add(slice);
      packs.data.add(CompletableFuture.supplyAsync(() -> pack(slice, values)));
    }
    return packs;
  }

  /**
   * The chunks of a binary batch as packs, kept as they are (not deflated): a first byte 0 (never
   * the first byte of a deflated pack, whose zlib header says method 8), the model's fingerprint
   * and the chunk ({@link BinaryBatch#kept}). Its objects' JSON is made when a value is asked for.
   */
  static AgreedPacks kept(BinaryBatch.Encoded batch) {
    AgreedPacks packs = new AgreedPacks();
    for (int i = 0; i < batch.chunks().size(); i++) {
      byte[] kept = BinaryBatch.kept(batch.chunks().get(i));
      byte[] data = new byte[kept.length + 1];
      System.arraycopy(kept, 0, data, 1, kept.length);
      packs.keys.add(batch.keys().get(i));
      packs.data.add(CompletableFuture.completedFuture(data));
    }
    return packs;
  }

  int count() {
    return keys.size();
  }

  List<ObjectKey> keys(int pack) {
    return keys.get(pack);
  }

  /** Pack {@code pack}'s bytes, waiting for them. */
  byte[] data(int pack) {
    try {
      return data.get(pack).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while packing agreed values", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot pack agreed values: " + e.getCause(), e.getCause());
    }
  }

  private static byte[] pack(List<ObjectKey> keys, List<byte[]> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 64 * 1024))) {
      out.writeByte(VERSION);
      out.writeInt(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        text(out, keys.get(i).collection().getBytes(StandardCharsets.UTF_8));
        text(out, keys.get(i).name().getBytes(StandardCharsets.UTF_8));
        text(out, values.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static void text(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /** The objects of one pack and their JSON; a pack that does not read whole is an error. */
  static Map<ObjectKey, byte[]> unpack(byte[] pack) throws IOException {
    return unpack(pack, null);
  }

  /**
   * The JSON of the {@code wanted} objects of one pack (all of them when null): inflated only as
   * far as the last one wanted (a delta's plan wants one or two objects of a pack).
   */
  static Map<ObjectKey, byte[]> unpack(byte[] pack, java.util.Set<ObjectKey> wanted) throws IOException {
    if (pack.length > 0 && pack[0] == 0) {
      return unpackKept(pack, wanted);
    }
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(pack)))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("agreed values pack of version " + version + " (this console reads " + VERSION + ")");
      }
      int count = in.readInt();
      if (count < 0 || count > PER_PACK) {
        throw new IOException("agreed values pack of " + count + " objects");
      }
      Map<ObjectKey, byte[]> out = new HashMap<>(wanted == null ? count * 2 : 16);
      for (int i = 0; i < count && (wanted == null || out.size() < wanted.size()); i++) {
        String collection = new String(text(in), StandardCharsets.UTF_8);
        String name = new String(text(in), StandardCharsets.UTF_8);
        ObjectKey key = new ObjectKey(collection, name);
        if (wanted == null || wanted.contains(key)) {
          out.put(key, text(in));
        } else {
          int n = in.readInt();
          if (n < 0 || n > (64 << 20)) {
            throw new IOException("damaged agreed values pack");
          }
          in.skipNBytes(n);
        }
      }
      return out;
    }
  }

  /** A kept chunk's objects as their compact JSON; none when it is of another model than this console's. */
  private static Map<ObjectKey, byte[]> unpackKept(byte[] pack, java.util.Set<ObjectKey> wanted) throws IOException {
    List<BinaryBatch.Item> items;
    try {
      items = BinaryBatch.readKept(java.util.Arrays.copyOfRange(pack, 1, pack.length));
    } catch (BinaryBatch.Refused e) {
      throw new IOException("damaged agreed values pack: " + e.getMessage(), e);
    }
    Map<ObjectKey, byte[]> out = new HashMap<>();
    if (items != null) {
      for (BinaryBatch.Item i : items) {
        if (i.record() != null && (wanted == null || wanted.contains(i.key()))) {
          out.put(i.key(), LocalObjects.compact(i.record()));
        }
      }
    }
    return out;
  }

  private static byte[] text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (64 << 20)) {
      throw new IOException("damaged agreed values pack");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
