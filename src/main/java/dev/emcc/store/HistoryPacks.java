package dev.emcc.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The history of a big change set (an import, a full push) in packs: up to
 * {@value #CHANGES_PER_PACK} {@link ChangeRecord}s serialised one after another and deflated, one
 * BLOB each. Before-images of a replace-all are the previous workspace: as rows of their own they
 * were a second full copy of it (about 69 MB for the 40,000-phone workspace); deflated together
 * their repeated keys and values shrink them about twentyfold. Deflate is the JDK's: no library.
 *
 * <p>A pack: the format version (1), the number of records, then per record its kind (one byte),
 * cluster, collection and name (length-prefixed UTF-8), before and after position
 * ({@link Integer#MIN_VALUE} for none) and the JSON before (length-prefixed, -1 for none).
 */
final class HistoryPacks {
  static final int CHANGES_PER_PACK = 4_096;
  private static final int VERSION = 1;
  private static final int NONE = Integer.MIN_VALUE;

  private HistoryPacks() {}

  /** One pack of at most {@value #CHANGES_PER_PACK} records, in their order. */
  static byte[] pack(List<ChangeRecord> records) {
    if (records.size() > CHANGES_PER_PACK) {
      throw new IllegalArgumentException(records.size() + " records for one pack");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 64 * 1024))) {
      out.writeByte(VERSION);
      out.writeInt(records.size());
      for (ChangeRecord r : records) {
        out.writeByte(r.kind().ordinal());
        text(out, r.key().clusterId());
        text(out, r.key().collection());
        text(out, r.key().name());
        out.writeInt(r.beforePosition() == null ? NONE : r.beforePosition());
        out.writeInt(r.afterPosition() == null ? NONE : r.afterPosition());
        if (r.beforeJson() == null) {
          out.writeInt(-1);
        } else {
          out.writeInt(r.beforeJson().length);
          out.write(r.beforeJson());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** The records of one pack, in their order; a pack that does not read whole is an error. */
  static List<ChangeRecord> unpack(byte[] pack) {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(pack)))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IOException("history pack of version " + version + " (this console reads " + VERSION + ")");
      }
      int count = in.readInt();
      List<ChangeRecord> out = new ArrayList<>(count);
      ChangeKind[] kinds = ChangeKind.values();
      for (int i = 0; i < count; i++) {
        ChangeKind kind = kinds[in.readUnsignedByte()];
        RowKey key = new RowKey(text(in), text(in), text(in));
        int before = in.readInt();
        int after = in.readInt();
        int length = in.readInt();
        byte[] json = null;
        if (length >= 0) {
          json = new byte[length];
          in.readFully(json);
        }
        out.add(new ChangeRecord(key, kind, json, before == NONE ? null : before, after == NONE ? null : after));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new StoreException(Messages.format("store.damagedHistory", e.getMessage()), e);
    }
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
