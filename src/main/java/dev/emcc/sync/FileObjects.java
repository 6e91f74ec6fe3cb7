package dev.emcc.sync;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Workspace;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * One cluster of a workspace file as objects with their digests, reading only what changed since
 * the last sync from this file: each list element's bytes are hashed as they stand in the file,
 * and an element whose bytes the sync base's index of the file ({@link FileIndex}) knows is taken
 * with the name and digest it had then, unparsed; only new or changed elements are read (strictly,
 * as the workspace format reads them). A push of 100 edited phones out of a 28 MB file reads 100
 * phones, not 50,000 objects. The file's structure (the clusters, each cluster's fields) is read
 * as a stream every time; the cluster's own fields (its settings and single objects) are read
 * every time too, they are small.
 *
 * <p>Every cluster of the file is scanned the same way, so an element of another cluster that
 * changed is still read strictly: a broken file is refused as before. Anything the scan does not
 * expect (a cluster whose {@code clusterId} is not its first key, a repeated key, an element that
 * does not read) makes it give up: the caller then reads the whole file the usual way, which
 * reports the problem with its line and column.
 */
final class FileObjects {
  /**
   * What a scan found: the cluster's objects, the index of the file to keep for next time, how
   * many elements (of every cluster) it had to read, and the cluster's keys that may differ from
   * the index it was scanned against ({@code changed}: read, gone, or the cluster's own objects).
   */
  record Scan(Map<ObjectKey, LocalObjects.Local> objects, FileIndex index, int read, Set<ObjectKey> changed,
      long sinceIndex) {}

  /** A scan's objects once its index is kept, with what changed since the index before. */
  record Kept(Map<ObjectKey, LocalObjects.Local> objects, LocalChanges changes) {}

  /** An element of a list in the file: its bytes, and once hashed their digest. */
  private static final class Element {
    final int cluster;
    final ClusterCollection<?> collection;
    /** The index's part of its list ({@link FileIndex#part}). */
    final String part;
    final int from;
    final int to;
    long rawHi;
    long rawLo;
    String name;
    ObjectDigest digest;
    Object record;
    /** Its entry in the index, when its bytes were found there. */
    FileIndex.Entry known;

    Element(int cluster, ClusterCollection<?> collection, String part, int from, int to) {
      this.cluster = cluster;
      this.collection = collection;
      this.part = part;
      this.from = from;
      this.to = to;
    }
  }

  /** The structure gave up on: the caller reads the file the usual way. */
  private static final class Unexpected extends Exception {
    Unexpected(String why) {
      super(why, null, false, false);
    }
  }

  private FileObjects() {}

  /** The scan's objects, its index kept in the base for the next one; null when there was no scan. */
  static Kept kept(Scan scan, SyncBase base) throws IOException {
    if (scan == null) {
      return null;
    }
    base.saveFileIndex(scan.index());
    return new Kept(scan.objects(), new LocalChanges(scan.sinceIndex(), scan.index().version(), scan.changed()));
  }

  /**
   * The keys of {@code clusterId} whose index entries no element was found as (changed or gone
   * since), each list's matcher having been asked for every element of the file.
   */
  static void notFound(FileIndex known, String clusterId, Map<String, FileIndex.Matcher> matchers,
      Set<ObjectKey> into) {
    String prefix = FileIndex.part(clusterId, "");
    for (String part : known.parts().keySet()) {
      if (!part.startsWith(prefix)) {
        continue;
      }
      ClusterCollection<?> kind = ClusterCollection.byKey(part.substring(prefix.length())).orElse(null);
      if (kind == null || !kind.onNodes()) {
        continue;
      }
      FileIndex.Matcher m = matchers.computeIfAbsent(part, known::matcher);
      for (FileIndex.Entry e : m.notFound()) {
        into.add(ClusterObjects.keyOf(kind, e.name()));
      }
    }
  }

  /**
   * The objects of {@code clusterId} in the file's bytes ({@code known}: the index of the file
   * as last seen); null when the scan gave up or the file has no such cluster.
   */
  static Scan scan(byte[] bytes, String clusterId, FileIndex known) {
    try {
      return new FileObjects.Run(bytes, known).scan(clusterId);
    } catch (Unexpected | IOException | RuntimeException e) {
      return null;
    }
  }

  private static final class Run {
    private final byte[] bytes;
    private final FileIndex known;
    private final List<String> clusterIds = new ArrayList<>();
    /** Per cluster, the bytes of its own fields (all but its lists) as one JSON object. */
    private final List<byte[]> settings = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();

    Run(byte[] bytes, FileIndex known) {
      this.bytes = bytes;
      this.known = known;
    }

    Scan scan(String clusterId) throws Unexpected, IOException {
      structure();
      int wanted = clusterIds.indexOf(clusterId);
      if (wanted < 0) {
        return null;
      }
      // the rest hashed on every core; then each element is known from the index or read now
      IntStream.range(hashedUpTo, elements.size()).parallel().forEach(i -> hash(elements.get(i)));
      hashing.forEach(ForkJoinTask::join);
      List<Element> unknown = new ArrayList<>();
      Map<String, FileIndex.Matcher> matchers = new HashMap<>();
      for (Element e : elements) {
        FileIndex.Entry hit = matchers.computeIfAbsent(e.part, known::matcher).find(e.rawHi, e.rawLo);
        if (hit != null) {
          e.known = hit;
          e.name = hit.name();
          e.digest = hit.digest();
        } else {
          unknown.add(e);
        }
      }
      IntStream.range(0, unknown.size()).parallel().forEach(i -> read(unknown.get(i)));
      for (Element e : unknown) {
        if (e.record == null) {
          throw new Unexpected("an element does not read");
        }
      }
      // the clusters' own fields, read strictly as a cluster without its lists
      Cluster wantedSettings = null;
      for (int i = 0; i < clusterIds.size(); i++) {
        Cluster c = Json.mapper().readValue(settings.get(i), Cluster.class);
        if (c == null || !clusterIds.get(i).equals(c.clusterId())) {
          throw new Unexpected("a cluster's own fields do not read");
        }
        if (i == wanted) {
          wantedSettings = c;
        }
      }
      Map<ObjectKey, LocalObjects.Local> own = LocalObjects.uncached(wantedSettings);
      Map<ObjectKey, LocalObjects.Local> out = new HashMap<>(Math.max(16, elements.size() * 4 / 3 + own.size() * 2));
      out.putAll(own);
      Set<ObjectKey> changed = new HashSet<>(own.keySet());
      notFound(known, clusterIds.get(wanted), matchers, changed);
      FileIndex next = new FileIndex();
      // names repeated in a list are refused (the usual reading says where): the wanted cluster's
      // objects by their keys, the other lists by their names
      Map<String, Set<String>> names = new HashMap<>();
      for (Element e : elements) {
        String part = e.part;
        if (e.name == null || e.name.isEmpty()) {
          throw new Unexpected("a missing name");
        }
        next.add(part, e.known != null ? e.known : new FileIndex.Entry(e.rawHi, e.rawLo, e.name, e.digest));
        if (e.cluster == wanted && e.collection.onNodes()) {
          Object source = e.record != null ? e.record : new Deferred(bytes, e.from, e.to, e.collection);
          ObjectKey key = ClusterObjects.keyOf(e.collection, e.name);
          if (out.put(key, LocalObjects.Local.of(e.digest, source)) != null) {
            throw new Unexpected("a repeated name");
          }
          if (e.record != null) {
            changed.add(key);
          }
        } else if (!names.computeIfAbsent(part, p -> new HashSet<>()).add(e.name)) {
          throw new Unexpected("a repeated name");
        }
      }
      return new Scan(out, next, unknown.size(), changed, known.version());
    }

    /**
     * Finds the clusters, their fields and every list element, without reading the elements: a
     * strict scan of the document's skeleton (objects, arrays, keys, commas; only whitespace
     * between them). The values it does not read are checked elsewhere: an element by its bytes
     * being known, or by the strict reader; a cluster's own fields by reading them as a cluster.
     */
    private void structure() throws Unexpected, IOException {
      pos = 0;
      space();
      expect(take('{'));
      Set<String> keys = new HashSet<>();
      members('}', false, () -> {
        String key = key();
        expect(keys.add(key));
        space();
        expect(take(':'));
        space();
        if (key.equals("formatVersion")) {
          int from = pos;
          while (pos < bytes.length && bytes[pos] >= '0' && bytes[pos] <= '9') {
            pos++;
          }
          expect(pos > from && pos - from < 10
              && Integer.parseInt(new String(bytes, from, pos - from, StandardCharsets.US_ASCII)) == Workspace.FORMAT_VERSION);
        } else if (key.equals("clusters")) {
          expect(take('['));
          members(']', false, this::cluster);
        } else {
          throw new Unexpected("unknown key " + key);
        }
      });
      space();
      expect(keys.contains("formatVersion") && pos == bytes.length);
    }

    private void cluster() throws Unexpected, IOException {
      int index = clusterIds.size();
      expect(take('{'));
      space();
      expect(key().equals("clusterId"));
      space();
      expect(take(':'));
      space();
      int idFrom = pos;
      skipValue();
      String id = Json.mapper().readValue(bytes, idFrom, pos - idFrom, String.class);
      expect(id != null && !clusterIds.contains(id));
      clusterIds.add(id);
      ByteArrayOutputStream own = new ByteArrayOutputStream(64);
      own.writeBytes("{\"clusterId\":".getBytes(StandardCharsets.UTF_8));
      own.write(bytes, idFrom, pos - idFrom);
      Set<String> keys = new HashSet<>();
      members('}', true, () -> {
        String key = key();
        expect(keys.add(key) && !key.equals("clusterId"));
        space();
        expect(take(':'));
        space();
        ClusterCollection<?> list = ClusterCollection.byKey(key).filter(c -> !c.singleton()).orElse(null);
        if (list != null && pos < bytes.length && bytes[pos] == '[') {
          pos++;
          String part = FileIndex.part(id, list.key());
          members(']', false, () -> {
            expect(pos < bytes.length && bytes[pos] == '{');
            int from = pos;
            skipValue();
            elements.add(new Element(index, list, part, from, pos));
            hashAhead();
          });
        } else {
          // one of the cluster's own fields: its bytes join the cluster's settings object
          int from = pos;
          skipValue();
          own.writeBytes((",\"" + key + "\":").getBytes(StandardCharsets.UTF_8));
          own.write(bytes, from, pos - from);
        }
      });
      own.write('}');
      settings.add(own.toByteArray());
    }

    private int pos;
    /** Elements found by the skeleton's scan are hashed on the other cores meanwhile, a chunk at a time. */
    private static final int HASH_CHUNK = 2_048;
    private final List<ForkJoinTask<?>> hashing = new ArrayList<>();
    private int hashedUpTo;

    private void hashAhead() {
      if (elements.size() - hashedUpTo >= HASH_CHUNK) {
        Element[] chunk = elements.subList(hashedUpTo, elements.size()).toArray(new Element[0]);
        hashing.add(ForkJoinPool.commonPool().submit(() -> {
          for (Element e : chunk) {
            hash(e);
          }
        }));
        hashedUpTo = elements.size();
      }
    }

    private void space() {
      while (pos < bytes.length) {
        byte b = bytes[pos];
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return;
        }
        pos++;
      }
    }

    /** What {@link #members} reads for each member of an object or element of an array. */
    private interface Member {
      void read() throws Unexpected, IOException;
    }

    /**
     * The members up to {@code close}, separated by commas ({@code afterFirst}: one member was
     * read already, so every further one follows a comma).
     */
    private void members(char close, boolean afterFirst, Member member) throws Unexpected, IOException {
      boolean first = !afterFirst;
      while (true) {
        space();
        if (take(close)) {
          return;
        }
        if (!first) {
          expect(take(','));
          space();
        }
        first = false;
        member.read();
      }
    }

    private boolean take(char c) {
      if (pos < bytes.length && bytes[pos] == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** A key without escapes (the workspace's keys are plain words); anything else gives up. */
    private String key() throws Unexpected {
      expect(take('"'));
      int from = pos;
      while (pos < bytes.length && bytes[pos] != '"') {
        expect(bytes[pos] >= 0x20 && bytes[pos] != '\\');
        pos++;
      }
      expect(pos < bytes.length);
      String key = new String(bytes, from, pos - from, StandardCharsets.UTF_8);
      pos++;
      return key;
    }

    /** Moves past one value: an object or array to its matching end, a string, or a bare word or number. */
    private void skipValue() throws Unexpected {
      expect(pos < bytes.length);
      byte b = bytes[pos];
      if (b == '"') {
        skipString();
      } else if (b == '{' || b == '[') {
        int depth = 0;
        do {
          skipToStructure();
          expect(pos < bytes.length);
          byte c = bytes[pos];
          if (c == '"') {
            skipString();
            continue;
          }
          if (c == '{' || c == '[') {
            depth++;
          } else {
            depth--;
          }
          pos++;
        } while (depth > 0);
      } else {
        int from = pos;
        while (pos < bytes.length && (Character.isLetterOrDigit(bytes[pos]) || bytes[pos] == '-' || bytes[pos] == '+'
            || bytes[pos] == '.')) {
          pos++;
        }
        expect(pos > from);
      }
    }

    private void skipString() throws Unexpected {
      pos++; // the opening quote
      while (true) {
        // eight bytes at a time while none is a quote, a backslash or a control character
        while (pos <= bytes.length - 8) {
          long w = (long) LONGS.get(bytes, pos);
          if ((zeroByte(w ^ QUOTES) | zeroByte(w ^ BACKSLASHES) | ((w - SPACES) & ~w & HIGHS)) != 0) {
            break;
          }
          pos += 8;
        }
        if (pos >= bytes.length) {
          throw new Unexpected("a string runs to the end of the file");
        }
        byte c = bytes[pos];
        if (c == '"') {
          pos++;
          return;
        }
        expect(c >= 0x20 || c < 0); // a control character is not allowed in a string
        pos += c == '\\' ? 2 : 1;
      }
    }

    /** Moves to the next quote, brace or bracket (or the end): inside a list element nothing else matters here. */
    private void skipToStructure() {
      while (pos <= bytes.length - 8) {
        long w = (long) LONGS.get(bytes, pos);
        long folded = w | CASE; // '[' and ']' folded onto '{' and '}'
        if ((zeroByte(w ^ QUOTES) | zeroByte(folded ^ OPENS) | zeroByte(folded ^ CLOSES)) != 0) {
          break;
        }
        pos += 8;
      }
      while (pos < bytes.length) {
        byte c = bytes[pos];
        if (c == '"' || c == '{' || c == '}' || c == '[' || c == ']') {
          return;
        }
        pos++;
      }
    }

    private void hash(Element e) {
      MessageDigest md = SHA256.get();
      md.update(bytes, e.from, e.to - e.from);
      ByteBuffer d = ByteBuffer.wrap(md.digest());
      e.rawHi = d.getLong();
      e.rawLo = d.getLong();
    }

    /** Reads an element strictly as its record; leaves it unread when it does not read. */
    private void read(Element e) {
      try {
        Object record = reader(e.collection).readValue(bytes, e.from, e.to - e.from);
        if (record != null) {
          e.name = name(e.collection, record);
          e.digest = ObjectDigest.of(LocalObjects.compact(record));
          e.record = record;
        }
      } catch (IOException | RuntimeException ignored) {
        // e.record stays null: the usual reading reports it
      }
    }
  }

  /** An element known from the index: read from the file's bytes only when its value is needed. */
  record Deferred(byte[] bytes, int from, int to, ClusterCollection<?> collection) implements LocalObjects.Source {
    @Override
    public Object record() {
      try {
        return reader(collection).readValue(bytes, from, to - from);
      } catch (IOException e) {
        throw new IllegalStateException("an element of the workspace file no longer reads: " + e.getMessage(), e);
      }
    }
  }

  // Eight bytes at a time: a word has a byte equal to b when zeroByte(word ^ (ONES * b)) != 0, and
  // a byte below 0x20 (ASCII; UTF-8's bytes are above 0x7F) when (word - SPACES) & ~word & HIGHS
  // != 0; both exact for "any byte" (the classic bit tricks)
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;
  private static final long CASE = ONES * 0x20;
  private static final long OPENS = ONES * '{';
  private static final long CLOSES = ONES * '}';

  private static long zeroByte(long w) {
    return (w - ONES) & ~w & HIGHS;
  }

  /** One SHA-256 per thread (elements are hashed on every core). */
  static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  });

  private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return Json.mapper().readerFor(type);
    }
  };

  /** The strict reader of a collection's records (as the workspace format reads them). */
  static ObjectReader reader(ClusterCollection<?> c) {
    return READERS.get(c.type());
  }

  @SuppressWarnings("unchecked")
  private static <T> String name(ClusterCollection<T> c, Object record) {
    return c.nameOf((T) record);
  }

  private static void expect(boolean ok) throws Unexpected {
    if (!ok) {
      throw new Unexpected("not the structure of a workspace file");
    }
  }
}
