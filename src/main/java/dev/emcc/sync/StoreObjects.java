package dev.emcc.sync;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.wire.ClusterObjects;
import dev.emcc.wire.ObjectKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One cluster of the console's SQLite workspace as objects with their digests, reading only the
 * rows that changed since the last sync from this database: the rows' JSON is hashed as stored,
 * and a row whose bytes the sync base's index ({@link FileIndex}, the same as for a workspace
 * file) knows is taken with the name and digest it had then, unparsed; only new or changed rows
 * are read strictly and written canonical to be digested. A push of 100 edited phones reads 100
 * phones, not the whole workspace; no record of the other objects is made. Content, not
 * revisions, decides: a row changed behind the store's back is read again too.
 */
final class StoreObjects {
  private StoreObjects() {}

  /** The cluster's objects and the index to keep; null when the store has no such cluster. */
  static FileObjects.Scan scan(WorkspaceStore store, String clusterId, FileIndex known) throws IOException {
    List<WorkspaceStore.StoredObjectRow> rows = store.objects(clusterId);
    if (rows.isEmpty()) {
      return null;
    }
    int n = rows.size();
    byte[][] json = new byte[n][];
    long[] hi = new long[n];
    long[] lo = new long[n];
    IntStream.range(0, n).parallel().forEach(i -> {
      json[i] = rows.get(i).json().getBytes(StandardCharsets.UTF_8);
      ByteBuffer d = ByteBuffer.wrap(FileObjects.SHA256.get().digest(json[i]));
      hi[i] = d.getLong();
      lo[i] = d.getLong();
    });
    Cluster singles = Cluster.empty(clusterId, null);
    String[] names = new String[n];
    ObjectDigest[] digests = new ObjectDigest[n];
    Object[] records = new Object[n];
    List<Integer> unknown = new ArrayList<>();
    Set<ObjectKey> changed = new HashSet<>();
    Map<String, FileIndex.Matcher> matchers = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ClusterCollection<?> kind = ClusterCollection.byKey(rows.get(i).collection())
          .orElseThrow(() -> new IOException("the store holds objects of a collection this console does not know"));
      if (kind.singleton()) {
        singles = with(singles, kind, read(kind, json[i]));
        continue;
      }
      FileIndex.Entry hit = matchers.computeIfAbsent(FileIndex.part(clusterId, kind.key()), known::matcher)
          .find(hi[i], lo[i]);
      if (hit != null && hit.name().equals(rows.get(i).name())) {
        names[i] = hit.name();
        digests[i] = hit.digest();
      } else {
        if (hit != null && kind.onNodes()) {
          changed.add(ClusterObjects.keyOf(kind, hit.name())); // its bytes now stand under another name
        }
        unknown.add(i);
      }
    }
    IntStream.range(0, unknown.size()).parallel().forEach(u -> {
      int i = unknown.get(u);
      ClusterCollection<?> kind = ClusterCollection.byKey(rows.get(i).collection()).orElseThrow();
      records[i] = read(kind, json[i]);
      names[i] = rows.get(i).name();
      digests[i] = ObjectDigest.of(LocalObjects.compact(records[i]));
    });
    Map<ObjectKey, LocalObjects.Local> own = LocalObjects.uncached(singles);
    Map<ObjectKey, LocalObjects.Local> out = new HashMap<>(own);
    changed.addAll(own.keySet());
    FileObjects.notFound(known, clusterId, matchers, changed);
    FileIndex next = new FileIndex();
    for (int i = 0; i < n; i++) {
      ClusterCollection<?> kind = ClusterCollection.byKey(rows.get(i).collection()).orElseThrow();
      if (kind.singleton()) {
        continue;
      }
      next.add(FileIndex.part(clusterId, kind.key()), new FileIndex.Entry(hi[i], lo[i], names[i], digests[i]));
      if (kind.onNodes()) {
        Object source = records[i] != null ? records[i] : new FileObjects.Deferred(json[i], 0, json[i].length, kind);
        ObjectKey key = ClusterObjects.keyOf(kind, names[i]);
        out.put(key, LocalObjects.Local.of(digests[i], source));
        if (records[i] != null) {
          changed.add(key);
        }
      }
    }
    return new FileObjects.Scan(out, next, unknown.size(), changed, known.version());
  }

  private static Object read(ClusterCollection<?> kind, byte[] json) {
    try {
      return FileObjects.reader(kind).readValue(json);
    } catch (IOException e) {
      throw new IllegalStateException("a stored " + kind.key() + " object does not read: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Cluster with(Cluster c, ClusterCollection<T> kind, Object value) {
    return kind.with(c, List.of((T) value));
  }
}
