package dev.emcc.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the elements of a workspace file's lists were when the sync base last saw the file: per
 * part (a cluster's list, such as TOKYO's phones), in file order, each element's SHA-256 of its
 * bytes as they stood in the file (128 bits), its name and the digest of its canonical JSON. The
 * same bytes in the same list are the same object: an element found here need not be read again
 * ({@link FileObjects}). Kept in the base file by {@link FileIndexStore}.
 */
final class FileIndex {
  /** One element: the digest of its bytes in the file, its name and its object's digest. */
  record Entry(long rawHi, long rawLo, String name, ObjectDigest digest) {}

  private final Map<String, List<Entry>> parts = new LinkedHashMap<>();
  /** Which saved index this is (sync sections tell which one they were reconciled with); -1: never saved. */
  private long version = -1;
  /** Per part, how many of its entries are kept as patches ({@link FileIndexStore}). */
  private final Map<String, Integer> patched = new HashMap<>();

  static String part(String clusterId, String collection) {
    return clusterId + "\n" + collection;
  }

  void add(String part, Entry e) {
    parts.computeIfAbsent(part, p -> new ArrayList<>()).add(e);
  }

  Map<String, List<Entry>> parts() {
    return parts;
  }

  long version() {
    return version;
  }

  void put(String part, List<Entry> entries) {
    parts.put(part, new ArrayList<>(entries));
  }

  int patched(String part) {
    return patched.getOrDefault(part, 0);
  }

  void patched(String part, int count) {
    patched.put(part, count);
  }

  void version(long v) {
    version = v;
  }

  /**
   * Finds the elements of one part: in file order first (the usual case), else by their bytes;
   * an entry is found once (the same bytes twice in a list are read, and their name refused).
   */
  Matcher matcher(String part) {
    return new Matcher(parts.getOrDefault(part, List.of()));
  }

  static final class Matcher {
    private final List<Entry> entries;
    /** The entries found so far: the others were changed or removed in the file. */
    private final boolean[] found;
    private int next;
    /** Positions of the entries by the high half of their raw digest, made at the first miss. */
    private Map<Long, int[]> byRaw;

    Matcher(List<Entry> entries) {
      this.entries = entries;
      this.found = new boolean[entries.size()];
    }

    /** The entries no element was found as (changed or removed since). */
    List<Entry> notFound() {
      List<Entry> out = new ArrayList<>();
      for (int i = 0; i < found.length; i++) {
        if (!found[i]) {
          out.add(entries.get(i));
        }
      }
      return out;
    }

    Entry find(long rawHi, long rawLo) {
      if (next < entries.size()) {
        Entry e = entries.get(next);
        if (!found[next] && e.rawHi() == rawHi && e.rawLo() == rawLo) {
          found[next++] = true;
          return e;
        }
      }
      if (byRaw == null) {
        byRaw = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
          int[] at = byRaw.get(entries.get(i).rawHi());
          int[] more = at == null ? new int[1] : Arrays.copyOf(at, at.length + 1);
          more[more.length - 1] = i;
          byRaw.put(entries.get(i).rawHi(), more);
        }
      }
      for (int i : byRaw.getOrDefault(rawHi, new int[0])) {
        if (!found[i] && entries.get(i).rawLo() == rawLo) {
          found[i] = true;
          next = i + 1;
          return entries.get(i);
        }
      }
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // As stored: a part's entries one after another (raw digest, name, object digest)

  static byte[] encode(List<Entry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 56 + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(entries.size());
      for (Entry e : entries) {
        out.writeLong(e.rawHi());
        out.writeLong(e.rawLo());
        byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeLong(e.digest().hi());
        out.writeLong(e.digest().lo());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return bytes.toByteArray();
  }

  static List<Entry> decode(byte[] data) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int n = in.readInt();
      if (n < 0 || n > data.length / 36) {
        throw new IOException("damaged file index");
      }
      List<Entry> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long hi = in.readLong();
        long lo = in.readLong();
        int length = in.readInt();
        if (length < 0 || length > data.length) {
          throw new IOException("damaged file index");
        }
        byte[] name = new byte[length];
        in.readFully(name);
        out.add(new Entry(hi, lo, new String(name, StandardCharsets.UTF_8), new ObjectDigest(in.readLong(), in.readLong())));
      }
      return out;
    }
  }

  @Override
  public String toString() {
    return "FileIndex" + Arrays.toString(parts.keySet().toArray());
  }
}
