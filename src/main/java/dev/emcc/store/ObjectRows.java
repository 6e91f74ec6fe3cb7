package dev.emcc.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.ClusterSettings;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Objects one by one and a cluster node's batches: read, save or delete single objects, write
 * many objects of one cluster in one change set, list a cluster's rows with their revisions. New
 * objects go at the end of their collection; unchanged ones are not written.
 */
final class ObjectRows {
  /** Compact JSON of a canonical tree: the same text as {@link RowCodecs#writer} gives for the record. */
  private static final ObjectWriter CANONICAL_TREE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
  /** A batch larger than this reads the stored rows once instead of one query per object. */
  private static final int READ_ALL_ABOVE = 200;

  private final Transactions tx;
  private final StoredRows stored;

  ObjectRows(Transactions tx, StoredRows stored) {
    this.tx = tx;
    this.stored = stored;
  }

  Optional<byte[]> json(String clusterId, ClusterCollection<?> kind, String name) {
    RowKey key = new RowKey(clusterId, kind.key(), StoreKeys.nameFor(kind, name));
    return tx.read(() -> Optional.ofNullable(stored.get(key)).map(StoredRow::json));
  }

  <T> SaveResult save(String clusterId, ClusterCollection<T> kind, T value) {
    Objects.requireNonNull(value, "value");
    String name = kind.nameOf(value);
    if (name == null) {
      throw new InvalidWorkspaceException("$", Messages.format("store.missingKey", kind.idField(), kind.key()));
    }
    checkClusterId(clusterId, kind, value);
    byte[] json = SerialisedJson.serialise(kind, value);
    RowKey key = new RowKey(clusterId, kind.key(), name);
    return tx.write("save " + kind.key() + (kind.singleton() ? "" : " " + name) + " of " + clusterId, () -> {
      boolean clusterExists = stored.clusterPosition(clusterId) != null;
      if (!clusterExists && kind != ClusterCollection.CLUSTER) {
        throw new IllegalArgumentException(Messages.format("store.noCluster", clusterId));
      }
      StoredRow s = stored.get(key);
      if (s == null) {
        int position = kind == ClusterCollection.CLUSTER ? stored.nextClusterPosition()
            : kind.singleton() ? 0 : stored.nextPosition(clusterId, kind.key());
        return List.of(RowChange.added(key, json, position));
      }
      if (Arrays.equals(s.json(), json)) {
        return List.of();
      }
      return List.of(new RowChange(key, ChangeKind.CHANGED, s.json(), s.position(), json, s.position()));
    });
  }

  /** Saves one object given as workspace-format JSON, read as strictly as an imported document. */
  SaveResult save(String clusterId, ClusterCollection<?> kind, JsonNode json) throws DocumentException {
    return saveRead(clusterId, kind, json);
  }

  private <T> SaveResult saveRead(String clusterId, ClusterCollection<T> kind, JsonNode json) throws DocumentException {
    T value = kind.type().cast(strictly(kind, json));
    if (value == null) {
      throw new DocumentException(null, "$", 0, 0, "expected a " + kind.key() + " object");
    }
    return save(clusterId, kind, value);
  }

  SaveResult delete(String clusterId, ClusterCollection<?> kind, String name) {
    if (kind.singleton() && kind != ClusterCollection.CLUSTER) {
      throw new IllegalArgumentException(Messages.format("store.singletonDelete", kind.key()));
    }
    String objectName = StoreKeys.nameFor(kind, name);
    return tx.write("delete " + kind.key() + (kind.singleton() ? "" : " " + objectName) + " of " + clusterId, () -> {
      if (kind == ClusterCollection.CLUSTER) {
        return stored.removalOf(clusterId);
      }
      RowKey key = new RowKey(clusterId, kind.key(), objectName);
      StoredRow s = stored.get(key);
      return s == null ? List.of() : List.of(RowChange.removed(key, s));
    });
  }

  /** An object of a batch, read: its kind, name and compact JSON (null: delete it). */
  private record Parsed(ClusterCollection<?> kind, String name, byte[] json) {}

  /** See {@link WorkspaceStore#saveObjects}. */
  SaveResult saveBatch(String clusterId, List<WorkspaceStore.ObjectWrite> writes, String summary)
      throws DocumentException {
    List<Parsed> parsed = new ArrayList<>(writes.size());
    for (WorkspaceStore.ObjectWrite w : writes) {
      parsed.add(parse(clusterId, w));
    }
    RowKey clusterKey = new RowKey(clusterId, ClusterCollection.CLUSTER.key(), StoreKeys.SINGLETON_NAME);
    return tx.write(summary, () -> {
      List<RowChange> changes = new ArrayList<>();
      boolean clusterExists = stored.clusterPosition(clusterId) != null;
      if (!clusterExists && parsed.stream().noneMatch(p -> p.kind == ClusterCollection.CLUSTER)) {
        changes.add(RowChange.added(clusterKey, SerialisedJson.serialise(ClusterCollection.CLUSTER,
            new ClusterSettings(clusterId, null, null, null)), stored.nextClusterPosition()));
      }
      Map<String, Integer> next = new HashMap<>();
      Map<RowKey, StoredRow> all = clusterExists && parsed.size() > READ_ALL_ABOVE ? stored.all() : null;
      for (Parsed p : parsed) {
        RowKey key = new RowKey(clusterId, p.kind.key(), p.name);
        StoredRow s = !clusterExists ? null : all != null ? all.get(key) : stored.get(key);
        if (p.json == null) {
          if (s != null) {
            changes.add(RowChange.removed(key, s));
          }
        } else if (s == null) {
          changes.add(RowChange.added(key, p.json, placeOfNew(clusterId, p.kind, clusterExists, next)));
        } else if (!Arrays.equals(s.json(), p.json)) {
          changes.add(new RowChange(key, ChangeKind.CHANGED, s.json(), s.position(), p.json, s.position()));
        }
      }
      // the cluster row must exist before its objects are inserted
      changes.sort((a, b) -> Boolean.compare(!a.key().equals(clusterKey), !b.key().equals(clusterKey)));
      return changes;
    });
  }

  /** Reads one write of a batch before the transaction: strictly, unless the caller already did. */
  private static Parsed parse(String clusterId, WorkspaceStore.ObjectWrite w) throws DocumentException {
    ClusterCollection<?> kind = StoreKeys.require(w.collection());
    String name = StoreKeys.nameFor(kind, w.name());
    if (w.json() == null) {
      if (kind.singleton()) {
        throw new IllegalArgumentException(Messages.format("store.singletonDelete", kind.key()));
      }
      return new Parsed(kind, name, null);
    }
    if (w.canonical() && !kind.singleton()) {
      // read strictly by the caller already: only the text is needed (singletons, among them
      // the cluster whose id is checked below, are few and still read here)
      try {
        return new Parsed(kind, name, CANONICAL_TREE.writeValueAsBytes(w.json()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot serialise a " + kind.key() + " object", e);
      }
    }
    Object value = strictly(kind, w.json());
    checkClusterId(clusterId, kind, value);
    return new Parsed(kind, name, SerialisedJson.serialise(kind, value));
  }

  private int placeOfNew(String clusterId, ClusterCollection<?> kind, boolean clusterExists, Map<String, Integer> next)
      throws java.sql.SQLException {
    if (kind == ClusterCollection.CLUSTER) {
      return stored.nextClusterPosition();
    }
    if (kind.singleton()) {
      return 0;
    }
    Integer n = next.get(kind.key());
    int position = n != null ? n : clusterExists ? stored.nextPosition(clusterId, kind.key()) : 0;
    next.put(kind.key(), position + 1);
    return position;
  }

  /** The cluster's own settings cannot name another cluster: a rename is a save of the workspace. */
  private static void checkClusterId(String clusterId, ClusterCollection<?> kind, Object value) {
    if (kind == ClusterCollection.CLUSTER && !clusterId.equals(((ClusterSettings) value).clusterId())) {
      throw new IllegalArgumentException(
          Messages.format("store.renameCluster", clusterId, ((ClusterSettings) value).clusterId()));
    }
  }

  private static Object strictly(ClusterCollection<?> kind, JsonNode json) throws DocumentException {
    try {
      return RowCodecs.reader(kind).readValue(Json.mapper().treeAsTokens(json));
    } catch (JsonProcessingException e) {
      throw Json.problem(null, e);
    } catch (IOException e) {
      throw new DocumentException(null, "$", 0, 0, e.getMessage());
    }
  }

  /** Every object of one cluster with its revision, in one consistent read (collection, position order). */
  List<WorkspaceStore.StoredObjectRow> of(String clusterId) {
    return tx.read(() -> {
      List<WorkspaceStore.StoredObjectRow> out = new ArrayList<>();
      try (PreparedStatement ps = tx.connection().prepareStatement("SELECT collection, name, revision, json"
          + " FROM object WHERE cluster_id = ? ORDER BY collection, position")) {
        ps.setString(1, clusterId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new WorkspaceStore.StoredObjectRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
          }
        }
      }
      return out;
    });
  }
}
