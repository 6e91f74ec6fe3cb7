package dev.emcc.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.CertificateExport;
import dev.emcc.model.Cluster;
import dev.emcc.model.CommonDeviceConfig;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.EndUser;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationFilter;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import dev.emcc.model.PhoneService;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrustStores;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConfig;

/**
 * The console's own storage: a workspace in one SQLite file (WAL, foreign keys, busy timeout).
 *
 * <p>Every object of a cluster is one row holding its JSON text as the workspace format writes it,
 * keyed by (cluster, collection, name); singletons such as {@code trustStores} use the name "" and
 * the cluster window's fields are the singleton {@code cluster}. Every write is one transaction
 * that writes only what changed, records a change set in the history and stamps each object and
 * cluster it wrote with the change set's id as its new revision (so revisions only grow, and
 * only on change). A process killed during a write leaves the previous state whole.
 *
 * <p>One instance is one connection; use it from one thread at a time.
 */
public final class WorkspaceStore implements AutoCloseable {
  /** Writes with more rows than this are followed by a WAL checkpoint. */
  static final int CHECKPOINT_AFTER_ROWS = 5_000;
  /** Change sets with more changes than this keep their history packed ({@link History}). */
  static final int BULK_HISTORY_ROWS = History.PACK_ABOVE;
  /** Rows of an insert batch run at once when the batch may run early (see apply). */
  private static final int INSERT_SLICE = 1_024;
  static final String SAVE_SUMMARY = "save";
  /**
   * Change sets the history keeps unless told otherwise: the newest ones; older ones are pruned by
   * the next write. The system property {@code emcc.historyChangeSets} sets another number.
   */
  public static final int DEFAULT_HISTORY_CHANGE_SETS = 500;
  /**
   * The history's byte budget when the system property {@code emcc.historyBytes} sets one (bytes);
   * without it, half of what the workspace takes, at least 16 MiB ({@link History#budget}).
   */
  private static final long HISTORY_BYTES = Long.getLong("emcc.historyBytes", 0L);
  /** Rows whose JSON one task of a load reads. */
  private static final int LOAD_CHUNK = 1024;

  private final Path file;
  private final Connection conn;
  private Runnable beforeCommit = () -> {};
  private int bulkHistoryRows = BULK_HISTORY_ROWS;
  private int historyChangeSets = Math.max(1, Integer.getInteger("emcc.historyChangeSets", DEFAULT_HISTORY_CHANGE_SETS));
  private long historyBytes = HISTORY_BYTES;
  private final History history;

  private WorkspaceStore(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
    this.history = new History(conn);
  }

  /**
   * Opens (creating when missing) the store in {@code file} and brings its schema up to date. The
   * file and its WAL and shared-memory files are owner-only ({@link SqliteFiles}).
   */
  public static WorkspaceStore open(Path file) {
    return open(file, Migrations.latest());
  }

  /** Opens the store migrated to {@code schemaVersion} only: for tests of the migrations. */
  static WorkspaceStore open(Path file, int schemaVersion) {
    Connection conn = null;
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(10_000);
      conn = SqliteFiles.connect(file, config);
      Migrations.migrate(conn, schemaVersion);
      return new WorkspaceStore(file, conn);
    } catch (SQLException | IOException e) {
      closeQuietly(conn);
      throw new StoreException(Messages.format("store.cannotOpen", file, e.getMessage()), e);
    } catch (RuntimeException e) {
      closeQuietly(conn);
      throw e;
    }
  }

  /**
   * Opens the store and, when it has never held a workspace ({@link #isEmpty()}), saves the one
   * {@code firstRun} supplies (the console passes the demo workspace).
   */
  public static WorkspaceStore openDefault(Path file, Supplier<Workspace> firstRun) {
    WorkspaceStore store = open(file);
    try {
      if (store.isEmpty()) {
        store.seed(firstRun);
      }
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * {@code workspace.db} in the user's data directory: $XDG_DATA_HOME or ~/.local/share on Linux,
   * %APPDATA% on Windows, ~/Library/Application Support on macOS; in a folder {@code emcc-console}.
   */
  public static Path defaultPath() {
    return StorePaths.defaultPath();
  }

  public Path file() {
    return file;
  }

  /**
   * Keeps the newest {@code changeSets} change sets of the history (at least one, so the last
   * change can always be undone); the next write prunes the older ones.
   */
  public WorkspaceStore keepHistory(int changeSets) {
    if (changeSets < 1) {
      throw new IllegalArgumentException("the history keeps at least one change set, not " + changeSets);
    }
    this.historyChangeSets = changeSets;
    return this;
  }

  /**
   * Keeps the newest change sets whose history fits in {@code bytes} (the newest one always, so
   * the last change can be undone); 0 restores the default budget ({@link History#budget}).
   */
  public WorkspaceStore keepHistoryBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a history budget is not negative: " + bytes);
    }
    this.historyBytes = bytes;
    return this;
  }

  /** True when the store has never held a workspace: no cluster and no history. */
  public boolean isEmpty() {
    return read(() -> {
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM cluster)"
              + " AND NOT EXISTS (SELECT 1 FROM change_set)")) {
        rs.next();
        return rs.getBoolean(1);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Whole workspace

  /** The whole workspace, clusters and objects in their saved order. */
  public Workspace load() {
    return read(this::loadInTransaction);
  }

  private Workspace loadInTransaction() throws SQLException {
    List<String> clusterIds = new ArrayList<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT cluster_id FROM cluster ORDER BY position, cluster_id")) {
      while (rs.next()) {
        clusterIds.add(rs.getString(1));
      }
    }
    // A plain scan (rows come back about in document order), sorted here. Cluster and collection
    // come back as numbers and the name not at all (only an unreadable row needs it): a text
    // column costs the driver a buffer and a string per row. Reading the JSON is most of a load's
    // time: chunks of rows are read on another core while the scan goes on.
    List<LoadedRow> rows = new ArrayList<>();
    List<Future<?>> jobs = new ArrayList<>();
    List<Chunk> chunks = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT rowid, " + caseOf("cluster_id", clusterIds.size())
        + ", " + KIND_INDEX + ", position, json FROM object")) {
      for (int i = 0; i < clusterIds.size(); i++) {
        ps.setString(i + 1, clusterIds.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<LoadedRow> chunk = new ArrayList<>(LOAD_CHUNK);
        while (rs.next()) {
          long rowid = rs.getLong(1);
          int clusterIndex = rs.getInt(2);
          int kindIndex = rs.getInt(3);
          if (clusterIndex < 0 || kindIndex < 0) {
            throw strayRow(rowid);
          }
          LoadedRow row = new LoadedRow(rowid, clusterIndex, kindIndex, rs.getInt(4), rs.getBytes(5));
          rows.add(row);
          chunk.add(row);
          if (chunk.size() == LOAD_CHUNK) {
            submit(chunk, chunks, jobs);
            chunk = new ArrayList<>(LOAD_CHUNK);
          }
        }
        submit(chunk, chunks, jobs);
      }
    }
    try {
      finish(chunks, jobs);
    } catch (UnreadableRow e) {
      throw unreadable(e);
    }
    rows.sort(LoadedRow.ORDER);
    List<Map<ObjectKind<?>, List<Object>>> parts = new ArrayList<>(clusterIds.size());
    clusterIds.forEach(id -> parts.add(new HashMap<>()));
    for (LoadedRow row : rows) {
      parts.get(row.clusterIndex).computeIfAbsent(ObjectKind.ALL.get(row.kindIndex), k -> new ArrayList<>())
          .add(row.value);
    }
    List<Cluster> clusters = new ArrayList<>(clusterIds.size());
    for (int i = 0; i < clusterIds.size(); i++) {
      clusters.add(assemble(clusterIds.get(i), parts.get(i)));
    }
    return Workspace.of(clusters);
  }

  /** {@code CASE column WHEN ?1 THEN 0 WHEN ?2 THEN 1 ... ELSE -1 END}: a value's place in a list. */
  private static String caseOf(String column, int count) {
    if (count == 0) {
      return "-1";
    }
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    for (int i = 0; i < count; i++) {
      sql.append(" WHEN ? THEN ").append(i);
    }
    return sql.append(" ELSE -1 END").toString();
  }

  /** The collection's place in {@link ObjectKind#ALL}; the keys are constants of ours. */
  private static final String KIND_INDEX = kindIndex();

  private static String kindIndex() {
    StringBuilder sql = new StringBuilder("CASE collection");
    for (int i = 0; i < ObjectKind.ALL.size(); i++) {
      sql.append(" WHEN '").append(ObjectKind.ALL.get(i).key()).append("' THEN ").append(i);
    }
    return sql.append(" ELSE -1 END").toString();
  }

  /** A row of a collection this version does not know (or of no cluster): refused as before. */
  private RuntimeException strayRow(long rowid) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT cluster_id, collection FROM object WHERE rowid = ?")) {
      ps.setLong(1, rowid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        ObjectKind.require(rs.getString(2));
        return new StoreException(Messages.format("store.noCluster", rs.getString(1)));
      }
    }
  }

  /** The message of {@link #readObject}, with the names looked up now (the scan does not read them). */
  private StoreException unreadable(UnreadableRow e) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT cluster_id, name FROM object WHERE rowid = ?")) {
      ps.setLong(1, e.row.rowid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new StoreException(Messages.format("store.unreadableObject", rs.getString(1), e.kind.key(),
            rs.getString(2), e.getCause().getMessage()), e.getCause());
      }
    }
  }

  private static void submit(List<LoadedRow> rows, List<Chunk> chunks, List<Future<?>> jobs) {
    Chunk chunk = new Chunk(rows);
    chunks.add(chunk);
    jobs.add(ForkJoinPool.commonPool().submit(chunk::claimAndRead));
  }

  /** Waits for the chunks; one no worker has claimed yet is read on this thread instead. */
  private static void finish(List<Chunk> chunks, List<Future<?>> jobs) {
    for (int i = 0; i < jobs.size(); i++) {
      if (chunks.get(i).claimAndRead()) {
        continue;
      }
      try {
        jobs.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException(e.toString(), e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new StoreException(e.getCause().toString(), e.getCause());
      }
    }
  }

  /** Rows whose JSON is read by whichever thread claims them first. */
  private static final class Chunk {
    private final List<LoadedRow> rows;
    private final AtomicBoolean claimed = new AtomicBoolean();

    Chunk(List<LoadedRow> rows) {
      this.rows = rows;
    }

    boolean claimAndRead() {
      if (!claimed.compareAndSet(false, true)) {
        return false;
      }
      if (!readTogether()) {
        for (LoadedRow row : rows) {
          ObjectKind<?> kind = ObjectKind.ALL.get(row.kindIndex);
          try {
            row.value = kind.reader().readValue(row.json);
          } catch (IOException e) {
            throw new UnreadableRow(row, kind, e);
          }
        }
      }
      for (LoadedRow row : rows) {
        row.json = null;
      }
      return true;
    }

    /**
     * Reads the rows' JSON one after another with one parser: a parser per row costs as much as
     * a small row's values. Taken only when every value spans exactly its own row's bytes; any
     * doubt (a damaged row) and the rows are read one by one, strictly, as before.
     */
    private boolean readTogether() {
      int length = 0;
      for (LoadedRow row : rows) {
        length += row.json.length + 1;
      }
      byte[] all = new byte[length];
      int at = 0;
      for (LoadedRow row : rows) {
        System.arraycopy(row.json, 0, all, at, row.json.length);
        at += row.json.length;
        all[at++] = '\n';
      }
      Object[] values = new Object[rows.size()];
      try (JsonParser p = Json.ownOutputMapper().createParser(all)) {
        long start = 0;
        for (int i = 0; i < values.length; i++) {
          LoadedRow row = rows.get(i);
          if (p.nextToken() == null || p.currentTokenLocation().getByteOffset() != start) {
            return false;
          }
          values[i] = ObjectKind.ALL.get(row.kindIndex).rowReader().readValue(p);
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

  /** A stored row whose JSON cannot be read; its names are looked up on the connection's thread. */
  private static final class UnreadableRow extends RuntimeException {
    final transient LoadedRow row;
    final transient ObjectKind<?> kind;

    UnreadableRow(LoadedRow row, ObjectKind<?> kind, IOException cause) {
      super(cause.getMessage(), cause, false, false);
      this.row = row;
      this.kind = kind;
    }
  }

  /** A row read by {@link #load()}: where it goes, and its value once its JSON is read. */
  private static final class LoadedRow {
    static final Comparator<LoadedRow> ORDER = Comparator.<LoadedRow>comparingInt(r -> r.clusterIndex)
        .thenComparingInt(r -> r.kindIndex).thenComparingInt(r -> r.position);
    final long rowid;
    final int clusterIndex;
    final int kindIndex;
    final int position;
    /** The row's JSON until it is read (then dropped: the bytes need not outlive the chunk). */
    byte[] json;
    Object value;

    LoadedRow(long rowid, int clusterIndex, int kindIndex, int position, byte[] json) {
      this.rowid = rowid;
      this.clusterIndex = clusterIndex;
      this.kindIndex = kindIndex;
      this.position = position;
      this.json = json;
    }
  }

  private static Object readObject(ObjectKind<?> kind, String clusterId, String name, byte[] json) {
    try {
      return kind.reader().readValue(json);
    } catch (IOException e) {
      throw new StoreException(Messages.format("store.unreadableObject", clusterId, kind.key(), name, e.getMessage()), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Cluster assemble(String clusterId, Map<ObjectKind<?>, List<Object>> p) {
    ClusterSettings s = (ClusterSettings) one(p, ObjectKind.CLUSTER);
    if (s == null) {
      s = new ClusterSettings(clusterId, null, null, null);
    }
    return new Cluster(s.clusterId(), s.version(), s.securityMode(), s.maxPhones(),
        many(p, ObjectKind.NODES),
        (TrustStores) one(p, ObjectKind.TRUST_STORES),
        (EmServiceParameters) one(p, ObjectKind.EM_SERVICE_PARAMETERS),
        many(p, ObjectKind.DEVICE_MODELS),
        many(p, ObjectKind.PHONE_SERVICES),
        many(p, ObjectKind.DEVICE_PROFILES),
        many(p, ObjectKind.END_USERS),
        many(p, ObjectKind.PHONES),
        many(p, ObjectKind.COMMON_DEVICE_CONFIGS),
        many(p, ObjectKind.EMCC_TEMPLATES),
        (EmccDevices) one(p, ObjectKind.EMCC_DEVICES),
        many(p, ObjectKind.GEOLOCATIONS),
        many(p, ObjectKind.GEOLOCATION_FILTERS),
        many(p, ObjectKind.DEVICE_POOLS),
        (EmccFeatureConfig) one(p, ObjectKind.EMCC_FEATURE_CONFIG),
        many(p, ObjectKind.SIP_TRUNKS),
        (InterclusterServiceProfile) one(p, ObjectKind.INTERCLUSTER_SERVICE_PROFILE),
        many(p, ObjectKind.REMOTE_CLUSTERS),
        (CertificateExport) one(p, ObjectKind.CERTIFICATE_EXPORT));
  }

  private static Object one(Map<ObjectKind<?>, List<Object>> p, ObjectKind<?> kind) {
    List<Object> items = p.get(kind);
    return items == null || items.isEmpty() ? null : items.get(0);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> many(Map<ObjectKind<?>, List<Object>> p, ObjectKind<T> kind) {
    return (List<T>) p.getOrDefault(kind, List.of());
  }

  /** Saves the whole workspace in one transaction, writing only what changed. */
  public SaveResult save(Workspace workspace) {
    return save(workspace, SAVE_SUMMARY);
  }

  /** As {@link #save(Workspace)}, with the summary the history shows (such as "import x.json"). */
  public SaveResult save(Workspace workspace, String summary) {
    List<Row> desired = rowsOf(workspace);
    return write(summary, null, () -> diff(desired));
  }

  /**
   * Saves the first-run workspace unless the store holds one by the time it has the write lock:
   * two consoles started at once on a new file seed it once.
   */
  private void seed(Supplier<Workspace> firstRun) {
    write("first run", null, () -> {
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM cluster) OR EXISTS (SELECT 1 FROM change_set)")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return List.of();
        }
      }
      return diff(rowsOf(firstRun.get()));
    });
  }

  /** The operations that turn the stored rows into {@code desired}; runs inside the write transaction. */
  private List<Op> diff(List<Row> desired) throws SQLException {
    Map<Key, Stored> existing = readAllStored();
    List<Op> ops = new ArrayList<>();
    for (Row row : desired) {
      Stored s = existing.remove(row.key);
      if (s == null) {
        ops.add(new Op(row.key, ChangeKind.ADDED, null, null, null, row.position, row));
      } else if (!Arrays.equals(s.json, row.json())) {
        ops.add(new Op(row.key, ChangeKind.CHANGED, s.json, s.position, null, row.position, row));
      } else if (s.position != row.position) {
        ops.add(new Op(row.key, ChangeKind.MOVED, null, s.position, null, row.position));
      }
    }
    // What is left was removed; reported in a stable order (cluster, collection, place).
    List<Map.Entry<Key, Stored>> gone = new ArrayList<>(existing.entrySet());
    gone.sort(Comparator.<Map.Entry<Key, Stored>, String>comparing(e -> e.getKey().clusterId)
        .thenComparingInt(e -> ObjectKind.ALL.indexOf(ObjectKind.require(e.getKey().collection)))
        .thenComparingInt(e -> e.getValue().position));
    for (Map.Entry<Key, Stored> e : gone) {
      ops.add(new Op(e.getKey(), ChangeKind.REMOVED, e.getValue().json, e.getValue().position, null, null));
    }
    return ops;
  }

  /** The workspace as rows: serialised once per object, checked for missing and duplicate keys. */
  private static List<Row> rowsOf(Workspace ws) {
    List<Pending> rows = new ArrayList<>();
    Map<String, Integer> clusterAt = new HashMap<>();
    for (int ci = 0; ci < ws.clusters().size(); ci++) {
      Cluster c = ws.clusters().get(ci);
      String clusterPath = "$.clusters[" + ci + "]";
      if (c.clusterId() == null) {
        throw new InvalidWorkspaceException(clusterPath + ".clusterId",
            Messages.format("store.missingKey", "clusterId", "clusters"));
      }
      Integer previous = clusterAt.putIfAbsent(c.clusterId(), ci);
      if (previous != null) {
        throw new InvalidWorkspaceException(clusterPath + ".clusterId",
            Messages.format("store.duplicateCluster", c.clusterId(), "$.clusters[" + previous + "]"));
      }
      for (ObjectKind<?> kind : ObjectKind.ALL) {
        addRows(rows, c, ci, kind, clusterPath);
      }
    }
    // Serialised on the other cores from now on (the writers are thread-safe), while this thread
    // diffs and inserts; a row's JSON is waited for only where it is needed.
    SerialisedJson json = new SerialisedJson(rows.stream().map(Pending::kind).toList(),
        rows.stream().map(Pending::value).toList());
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new Row(rows.get(i).key, rows.get(i).position, json, i));
    }
    return out;
  }

  private record Pending(Key key, int position, ObjectKind<?> kind, Object value) {}

  private static <T> void addRows(List<Pending> rows, Cluster c, int clusterIndex, ObjectKind<T> kind, String clusterPath) {
    if (kind.singleton()) {
      if (kind != ObjectKind.CLUSTER && kind.itemsOf(c).isEmpty()) {
        return;
      }
      int position = kind == ObjectKind.CLUSTER ? clusterIndex : 0;
      T value = kind == ObjectKind.CLUSTER ? kind.type().cast(ClusterSettings.of(c)) : kind.itemsOf(c).get(0);
      rows.add(new Pending(new Key(c.clusterId(), kind.key(), ObjectKind.SINGLETON_NAME), position, kind, value));
      return;
    }
    List<T> items = kind.itemsOf(c);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      String name = kind.nameOf(item);
      String itemPath = clusterPath + "." + kind.key() + "[" + i + "]";
      String keyField = kind == ObjectKind.END_USERS ? "userId" : kind == ObjectKind.REMOTE_CLUSTERS ? "clusterId" : "name";
      if (name == null) {
        throw new InvalidWorkspaceException(itemPath + "." + keyField,
            Messages.format("store.missingKey", keyField, kind.key()));
      }
      Integer previous = seen.putIfAbsent(name, i);
      if (previous != null) {
        throw new InvalidWorkspaceException(itemPath + "." + keyField, Messages.format("store.duplicateKey",
            keyField, name, kind.key(), clusterPath + "." + kind.key() + "[" + previous + "]"));
      }
      rows.add(new Pending(new Key(c.clusterId(), kind.key(), name), i, kind, item));
    }
  }

  private static byte[] json(ObjectKind<?> kind, Object value) {
    return SerialisedJson.serialise(kind, value);
  }

  /** Every stored object with its position (a cluster's place for the {@code cluster} singleton). */
  private Map<Key, Stored> readAllStored() throws SQLException {
    Map<Key, Stored> out = new HashMap<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT o.cluster_id, o.collection, o.name,"
            + " CASE WHEN o.collection = 'cluster' THEN c.position ELSE o.position END, o.json"
            + " FROM object o JOIN cluster c ON c.cluster_id = o.cluster_id")) {
      while (rs.next()) {
        out.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), new Stored(rs.getInt(4), rs.getBytes(5)));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Single objects

  /** One object's JSON; {@code name} is ignored (may be null) for singletons. */
  public Optional<JsonNode> loadObject(String clusterId, String collection, String name) {
    ObjectKind<?> kind = ObjectKind.require(collection);
    return storedJson(new Key(clusterId, kind.key(), nameFor(kind, name))).map(json -> {
      try {
        return Json.mapper().readTree(json);
      } catch (IOException e) {
        throw new StoreException(Messages.format("store.unreadableObject", clusterId, collection, name, e.getMessage()), e);
      }
    });
  }

  /** One object as its model record; {@code name} is ignored (may be null) for singletons. */
  public <T> Optional<T> loadObject(String clusterId, ObjectKind<T> kind, String name) {
    return storedJson(new Key(clusterId, kind.key(), nameFor(kind, name)))
        .map(json -> kind.type().cast(readObject(kind, clusterId, name, json)));
  }

  private Optional<byte[]> storedJson(Key key) {
    return read(() -> Optional.ofNullable(stored(key)).map(Stored::json));
  }

  /**
   * Saves one object (its name is its key field): added at the end of its collection when new,
   * written only when its JSON differs. The cluster must exist, except when {@code kind} is
   * {@link ObjectKind#CLUSTER}, which adds a new cluster at the end of the workspace.
   */
  public <T> SaveResult saveObject(String clusterId, ObjectKind<T> kind, T value) {
    Objects.requireNonNull(value, "value");
    String name = kind.nameOf(value);
    if (name == null) {
      throw new InvalidWorkspaceException("$", Messages.format("store.missingKey",
          kind == ObjectKind.END_USERS ? "userId" : kind == ObjectKind.REMOTE_CLUSTERS ? "clusterId" : "name", kind.key()));
    }
    if (kind == ObjectKind.CLUSTER && !clusterId.equals(((ClusterSettings) value).clusterId())) {
      throw new IllegalArgumentException(
          Messages.format("store.renameCluster", clusterId, ((ClusterSettings) value).clusterId()));
    }
    byte[] json = json(kind, value);
    Key key = new Key(clusterId, kind.key(), name);
    return write("save " + kind.key() + (kind.singleton() ? "" : " " + name) + " of " + clusterId, null, () -> {
      boolean clusterExists = clusterPosition(clusterId) != null;
      if (!clusterExists && kind != ObjectKind.CLUSTER) {
        throw new IllegalArgumentException(Messages.format("store.noCluster", clusterId));
      }
      Stored s = stored(key);
      if (s == null) {
        int position = kind == ObjectKind.CLUSTER ? nextPosition("SELECT max(position) FROM cluster")
            : kind.singleton() ? 0 : nextPosition(clusterId, kind.key());
        return List.of(new Op(key, ChangeKind.ADDED, null, null, json, position));
      }
      if (Arrays.equals(s.json, json)) {
        return List.of();
      }
      return List.of(new Op(key, ChangeKind.CHANGED, s.json, s.position, json, s.position));
    });
  }

  /**
   * Saves one object given as workspace-format JSON, read as strictly as an imported document.
   *
   * @throws DocumentException when the JSON is not a valid object of that collection
   */
  public SaveResult saveObject(String clusterId, String collection, JsonNode json) throws DocumentException {
    ObjectKind<?> kind = ObjectKind.require(collection);
    return saveParsed(clusterId, kind, json);
  }

  private <T> SaveResult saveParsed(String clusterId, ObjectKind<T> kind, JsonNode json) throws DocumentException {
    T value;
    try {
      value = kind.reader().readValue(Json.mapper().treeAsTokens(json));
    } catch (JsonProcessingException e) {
      throw Json.problem(null, e);
    } catch (IOException e) {
      throw new DocumentException(null, "$", 0, 0, e.getMessage());
    }
    if (value == null) {
      throw new DocumentException(null, "$", 0, 0, "expected a " + kind.key() + " object");
    }
    return saveObject(clusterId, kind, value);
  }

  /**
   * Deletes one object of a collection. Deleting the {@code cluster} singleton deletes the whole
   * cluster; other singletons cannot be deleted. Nothing happens when the object does not exist.
   */
  public SaveResult deleteObject(String clusterId, String collection, String name) {
    ObjectKind<?> kind = ObjectKind.require(collection);
    if (kind.singleton() && kind != ObjectKind.CLUSTER) {
      throw new IllegalArgumentException(Messages.format("store.singletonDelete", kind.key()));
    }
    String objectName = nameFor(kind, name);
    return write("delete " + collection + (kind.singleton() ? "" : " " + objectName) + " of " + clusterId, null, () -> {
      if (kind == ObjectKind.CLUSTER) {
        return removeClusterOps(clusterId);
      }
      Key key = new Key(clusterId, kind.key(), objectName);
      Stored s = stored(key);
      if (s == null) {
        return List.of();
      }
      return List.of(new Op(key, ChangeKind.REMOVED, s.json, s.position, null, null));
    });
  }

  private List<Op> removeClusterOps(String clusterId) throws SQLException {
    List<Op> ops = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT o.collection, o.name,"
        + " CASE WHEN o.collection = 'cluster' THEN c.position ELSE o.position END, o.json"
        + " FROM object o JOIN cluster c ON c.cluster_id = o.cluster_id WHERE o.cluster_id = ?"
        + " ORDER BY o.collection, o.position")) {
      ps.setString(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ops.add(new Op(new Key(clusterId, rs.getString(1), rs.getString(2)), ChangeKind.REMOVED,
              rs.getBytes(4), rs.getInt(3), null, null));
        }
      }
    }
    return ops;
  }

  private static String nameFor(ObjectKind<?> kind, String name) {
    return kind.singleton() ? ObjectKind.SINGLETON_NAME : Objects.requireNonNull(name, "name");
  }

  private Stored stored(Key key) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT"
        + " CASE WHEN o.collection = 'cluster' THEN c.position ELSE o.position END, o.json"
        + " FROM object o JOIN cluster c ON c.cluster_id = o.cluster_id"
        + " WHERE o.cluster_id = ? AND o.collection = ? AND o.name = ?")) {
      ps.setString(1, key.clusterId);
      ps.setString(2, key.collection);
      ps.setString(3, key.name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Stored(rs.getInt(1), rs.getBytes(2)) : null;
      }
    }
  }

  private Integer clusterPosition(String clusterId) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT position FROM cluster WHERE cluster_id = ?")) {
      ps.setString(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private int nextPosition(String clusterId, String collection) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(
        "SELECT max(position) FROM object WHERE cluster_id = ? AND collection = ?")) {
      ps.setString(1, clusterId);
      ps.setString(2, collection);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int max = rs.getInt(1);
        return rs.wasNull() ? 0 : max + 1;
      }
    }
  }

  private int nextPosition(String sql) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      int max = rs.getInt(1);
      return rs.wasNull() ? 0 : max + 1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Batches of one cluster (a cluster node's writes)

  /**
   * One object of a batch: collection key, name ("" for singletons) and JSON, or null JSON to
   * delete it. {@code canonical}: the JSON is already the canonical tree of the model's object
   * (the caller read it strictly through the model, as a cluster node does with every object of a
   * request, and took the tree of the record), so the store need not read it a second time.
   */
  public record ObjectWrite(String collection, String name, JsonNode json, boolean canonical) {
    public ObjectWrite(String collection, String name, JsonNode json) {
      this(collection, name, json, false);
    }
  }

  /** Compact JSON of a canonical tree: the same text as {@link ObjectKind#writer()} gives for the record. */
  private static final com.fasterxml.jackson.databind.ObjectWriter CANONICAL_TREE =
      Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  /** One stored object with its revision, as {@link #objects(String)} lists them. */
  public record StoredObjectRow(String collection, String name, long revision, String json) {}

  /**
   * Writes many objects of one cluster in ONE transaction: each JSON is read as strictly as an
   * imported object, unchanged ones are skipped, new ones go at the end of their collection. A
   * missing cluster is created (with its {@code cluster} singleton from the batch, or an empty one).
   * Either every write is saved or, on any failure, none.
   */
  public SaveResult saveObjects(String clusterId, List<ObjectWrite> writes, String summary) throws DocumentException {
    List<Object[]> parsed = new ArrayList<>(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      ObjectWrite w = writes.get(i);
      ObjectKind<?> kind = ObjectKind.require(w.collection());
      String name = nameFor(kind, w.name());
      if (w.json() == null) {
        if (kind.singleton()) {
          throw new IllegalArgumentException(Messages.format("store.singletonDelete", kind.key()));
        }
        parsed.add(new Object[] {kind, name, null});
        continue;
      }
      if (w.canonical() && !kind.singleton()) {
        // read strictly by the caller already: only the text is needed (singletons, among them
        // the cluster whose id is checked below, are few and still read here)
        try {
          parsed.add(new Object[] {kind, name, CANONICAL_TREE.writeValueAsString(w.json())});
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot serialise a " + kind.key() + " object", e);
        }
        continue;
      }
      Object value;
      try {
        value = kind.reader().readValue(Json.mapper().treeAsTokens(w.json()));
      } catch (JsonProcessingException e) {
        throw Json.problem(null, e);
      } catch (IOException e) {
        throw new DocumentException(null, "$", 0, 0, e.getMessage());
      }
      if (kind == ObjectKind.CLUSTER && !clusterId.equals(((ClusterSettings) value).clusterId())) {
        throw new IllegalArgumentException(
            Messages.format("store.renameCluster", clusterId, ((ClusterSettings) value).clusterId()));
      }
      parsed.add(new Object[] {kind, name, jsonOf(kind, value)});
    }
    return write(summary, null, () -> {
      List<Op> ops = new ArrayList<>();
      Key clusterKey = new Key(clusterId, ObjectKind.CLUSTER.key(), ObjectKind.SINGLETON_NAME);
      boolean clusterExists = clusterPosition(clusterId) != null;
      boolean batchHasCluster = parsed.stream().anyMatch(p -> p[0] == ObjectKind.CLUSTER);
      if (!clusterExists && !batchHasCluster) {
        ops.add(new Op(clusterKey, ChangeKind.ADDED, null, null,
            json(ObjectKind.CLUSTER, new ClusterSettings(clusterId, null, null, null)),
            nextPosition("SELECT max(position) FROM cluster")));
      }
      Map<String, Integer> next = new HashMap<>();
      // a large batch reads the stored rows once instead of one query per object
      Map<Key, Stored> all = clusterExists && parsed.size() > 200 ? readAllStored() : null;
      for (Object[] p : parsed) {
        ObjectKind<?> kind = (ObjectKind<?>) p[0];
        Key key = new Key(clusterId, kind.key(), (String) p[1]);
        byte[] json = p[2] == null ? null : ((String) p[2]).getBytes(StandardCharsets.UTF_8);
        Stored s = !clusterExists ? null : all != null ? all.get(key) : stored(key);
        if (json == null) {
          if (s != null) {
            ops.add(new Op(key, ChangeKind.REMOVED, s.json, s.position, null, null));
          }
        } else if (s == null) {
          int position;
          if (kind == ObjectKind.CLUSTER) {
            position = nextPosition("SELECT max(position) FROM cluster");
          } else if (kind.singleton()) {
            position = 0;
          } else {
            Integer n = next.get(kind.key());
            position = n != null ? n : clusterExists ? nextPosition(clusterId, kind.key()) : 0;
            next.put(kind.key(), position + 1);
          }
          ops.add(new Op(key, ChangeKind.ADDED, null, null, json, position));
        } else if (!Arrays.equals(s.json, json)) {
          ops.add(new Op(key, ChangeKind.CHANGED, s.json, s.position, json, s.position));
        }
      }
      // the cluster row must exist before its objects are inserted
      ops.sort((a, b) -> Boolean.compare(!a.key.equals(clusterKey), !b.key.equals(clusterKey)));
      return ops;
    });
  }

  private static String jsonOf(ObjectKind<?> kind, Object value) {
    try {
      return kind.writer().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a " + kind.key() + " object", e);
    }
  }

  /** Every object of one cluster with its revision, in one consistent read (collection, position order). */
  public List<StoredObjectRow> objects(String clusterId) {
    return read(() -> {
      List<StoredObjectRow> out = new ArrayList<>();
      try (PreparedStatement ps = conn.prepareStatement("SELECT collection, name, revision, json FROM object"
          + " WHERE cluster_id = ? ORDER BY collection, position")) {
        ps.setString(1, clusterId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StoredObjectRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
          }
        }
      }
      return out;
    });
  }

  /** The ids of the clusters in the store, in workspace order. */
  public List<String> clusterIds() {
    return read(() -> {
      List<String> out = new ArrayList<>();
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT cluster_id FROM cluster ORDER BY position, cluster_id")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Revisions and history

  /** The cluster's revision: the id of the last change set that changed it; 0 when there is no such cluster. */
  public long revision(String clusterId) {
    return read(() -> {
      try (PreparedStatement ps = conn.prepareStatement("SELECT revision FROM cluster WHERE cluster_id = ?")) {
        ps.setString(1, clusterId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /** The object's revision: the id of the change set that last changed its JSON; 0 when it does not exist. */
  public long revision(String clusterId, String collection, String name) {
    ObjectKind<?> kind = ObjectKind.require(collection);
    return read(() -> {
      try (PreparedStatement ps = conn.prepareStatement(
          "SELECT revision FROM object WHERE cluster_id = ? AND collection = ? AND name = ?")) {
        ps.setString(1, clusterId);
        ps.setString(2, kind.key());
        ps.setString(3, nameFor(kind, name));
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  /**
   * The latest {@code limit} object changes, newest first (moves within a list are left out),
   * each with the object's JSON before and after.
   */
  public List<HistoryEntry> history(int limit) {
    return read(() -> history.entries(limit, key -> {
      Stored now = stored(key);
      return now == null ? null : now.json;
    }));
  }

  /**
   * Reverts the latest change set that is not an undo and not yet undone, as a new change set
   * (so undoing again walks further back). Returns the workspace after the undo, or empty when
   * there is nothing to undo.
   */
  public Optional<Workspace> undoLast() {
    SaveResult result = write(() -> {
      History.Undoable target = history.latestUndoable();
      if (target == null) {
        return new Plan("undo", null, List.of());
      }
      return new Plan("undo #" + target.id() + " (" + target.summary() + ")", target.id(), inverseOps(target.id()));
    });
    return result.changed() ? Optional.of(load()) : Optional.empty();
  }

  private List<Op> inverseOps(long set) throws SQLException {
    List<ChangeRecord> recorded = history.records(set);
    // A big change set (an import) is undone against one read of every row, a small one row by row.
    Map<Key, Stored> all = recorded.size() > 1_000 ? readAllStored() : null;
    List<Op> ops = new ArrayList<>(recorded.size());
    for (ChangeRecord r : recorded) {
      Key key = r.key();
      Stored now = all != null ? all.get(key) : stored(key);
      if ((now == null) != (r.kind() == ChangeKind.REMOVED)) {
        throw new StoreException(Messages.format("store.historyMismatch", key.clusterId, key.collection, key.name));
      }
      ops.add(switch (r.kind()) {
        case ADDED -> new Op(key, ChangeKind.REMOVED, now.json, now.position, null, null);
        case CHANGED -> new Op(key, ChangeKind.CHANGED, now.json, now.position, r.beforeJson(), r.beforePosition());
        case REMOVED -> new Op(key, ChangeKind.ADDED, null, null, r.beforeJson(), r.beforePosition());
        case MOVED -> new Op(key, ChangeKind.MOVED, null, now.position, null, r.beforePosition());
      });
    }
    return ops;
  }

  // ---------------------------------------------------------------------------------------------
  // Transactions

  /** A test seam: runs inside every write transaction, after the rows are written, before COMMIT. */
  void beforeCommit(Runnable hook) {
    this.beforeCommit = hook == null ? () -> {} : hook;
  }

  /** A test seam: the number of changes above which a change set's history is packed. */
  void bulkHistoryRows(int rows) {
    this.bulkHistoryRows = rows;
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /** Runs reads in one (deferred) transaction: one consistent snapshot of the file. */
  private <T> T read(SqlWork<T> work) {
    try {
      exec("BEGIN DEFERRED");
      try {
        T result = work.run();
        exec("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Runs one write: BEGIN IMMEDIATE (the write lock at once: no upgrade deadlocks), works out the
   * operations, applies them with a change set, COMMIT; a checkpoint after a bulk write.
   */
  private SaveResult write(String summary, Long undoOf, SqlWork<List<Op>> ops) {
    return write(() -> new Plan(summary, undoOf, ops.run()));
  }

  private SaveResult write(SqlWork<Plan> planner) {
    SaveResult result;
    boolean pruned;
    try {
      exec("BEGIN IMMEDIATE");
      try {
        Plan plan = planner.run();
        if (plan.ops.isEmpty()) {
          exec("ROLLBACK");
          return SaveResult.UNCHANGED;
        }
        // packing a big change set's history starts now, on the other cores, while apply writes the rows
        History.Pending pending = History.prepare(records(plan.ops), bulkHistoryRows);
        result = apply(plan.ops, plan.summary, plan.undoOf);
        history.write(result.changeSetId(), pending);
        pruned = history.prune(historyChangeSets, history.budget(historyBytes));
        beforeCommit.run();
        exec("COMMIT");
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
      boolean bulk = result.changes().size() > CHECKPOINT_AFTER_ROWS;
      // space a prune or a bulk write freed goes back to the file system when it is worth it
      boolean vacuumed = (pruned || bulk) && history.reclaim();
      if (bulk && !vacuumed) {
        exec("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return result;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** The history's records of the operations: before-images and places, no second copy of what is written. */
  private static List<ChangeRecord> records(List<Op> ops) {
    List<ChangeRecord> out = new ArrayList<>(ops.size());
    for (Op op : ops) {
      out.add(new ChangeRecord(op.key, op.kind, op.beforeJson, op.beforePosition, op.afterPosition));
    }
    return out;
  }

  /** Writes the operations under a new change set (its history is the caller's); returns what changed. */
  private SaveResult apply(List<Op> ops, String summary, Long undoOf) throws SQLException {
    long set;
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO change_set (at, summary, undo_of) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, Instant.now().toString());
      ps.setString(2, summary);
      if (undoOf == null) {
        ps.setNull(3, java.sql.Types.INTEGER);
      } else {
        ps.setLong(3, undoOf);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        set = keys.getLong(1);
      }
    }
    Set<String> touched = new HashSet<>();
    Set<String> removedClusters = new HashSet<>();
    // Inserts run in slices while a save's JSON is still being serialised on other cores; only
    // when nothing is deleted, as a delete must precede an insert of the same key.
    boolean insertEarly = ops.stream().noneMatch(op -> op.kind == ChangeKind.REMOVED);
    int inserts = 0;
    try (PreparedStatement addCluster = conn.prepareStatement(
            "INSERT INTO cluster (cluster_id, position, revision) VALUES (?, ?, ?)");
        PreparedStatement delete = conn.prepareStatement(
            "DELETE FROM object WHERE cluster_id = ? AND collection = ? AND name = ?");
        PreparedStatement insert = conn.prepareStatement(
            "INSERT INTO object (cluster_id, collection, name, position, revision, json)"
            + " VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT))");
        PreparedStatement update = conn.prepareStatement("UPDATE object SET json = CAST(? AS TEXT), position = ?,"
            + " revision = ? WHERE cluster_id = ? AND collection = ? AND name = ?");
        PreparedStatement move = conn.prepareStatement(
            "UPDATE object SET position = ? WHERE cluster_id = ? AND collection = ? AND name = ?");
        PreparedStatement moveCluster = conn.prepareStatement("UPDATE cluster SET position = ? WHERE cluster_id = ?")) {
      for (Op op : ops) {
        touched.add(op.key.clusterId);
        boolean clusterRow = op.key.collection.equals(ObjectKind.CLUSTER.key());
        if (clusterRow && op.kind == ChangeKind.ADDED) {
          addCluster.setString(1, op.key.clusterId);
          addCluster.setInt(2, op.afterPosition);
          addCluster.setLong(3, set);
          addCluster.executeUpdate();
        } else if (clusterRow && op.kind == ChangeKind.REMOVED) {
          removedClusters.add(op.key.clusterId);
        } else if (clusterRow && !Objects.equals(op.beforePosition, op.afterPosition)) {
          moveCluster.setInt(1, op.afterPosition);
          moveCluster.setString(2, op.key.clusterId);
          moveCluster.addBatch();
        }
        // Objects of the cluster singleton stay at position 0: the cluster's place is the cluster row's.
        int position = clusterRow || op.afterPosition == null ? 0 : op.afterPosition;
        switch (op.kind) {
          case REMOVED -> bindKey(delete, 1, op.key).addBatch();
          case ADDED -> {
            bindKey(insert, 1, op.key);
            insert.setInt(4, position);
            insert.setLong(5, set);
            insert.setBytes(6, op.afterUtf8());
            insert.addBatch();
            if (insertEarly && ++inserts % INSERT_SLICE == 0) {
              insert.executeBatch();
            }
          }
          case CHANGED -> {
            update.setBytes(1, op.afterUtf8());
            update.setInt(2, position);
            update.setLong(3, set);
            bindKey(update, 4, op.key).addBatch();
          }
          case MOVED -> {
            if (!clusterRow) {
              move.setInt(1, position);
              bindKey(move, 2, op.key).addBatch();
            }
          }
        }
      }
      delete.executeBatch();
      insert.executeBatch();
      update.executeBatch();
      move.executeBatch();
      moveCluster.executeBatch();
    }
    try (PreparedStatement dropCluster = conn.prepareStatement("DELETE FROM cluster WHERE cluster_id = ?");
        PreparedStatement revise = conn.prepareStatement("UPDATE cluster SET revision = ? WHERE cluster_id = ?")) {
      for (String id : touched) {
        if (removedClusters.contains(id)) {
          dropCluster.setString(1, id);
          dropCluster.addBatch();
        } else {
          revise.setLong(1, set);
          revise.setString(2, id);
          revise.addBatch();
        }
      }
      dropCluster.executeBatch();
      revise.executeBatch();
    }
    List<Change> changes = new ArrayList<>(ops.size());
    for (Op op : ops) {
      changes.add(new Change(op.key.clusterId, op.key.collection, op.key.name, op.kind));
    }
    return new SaveResult(set, changes);
  }

  private static PreparedStatement bindKey(PreparedStatement ps, int from, Key key) throws SQLException {
    ps.setString(from, key.clusterId);
    ps.setString(from + 1, key.collection);
    ps.setString(from + 2, key.name);
    return ps;
  }

  private void exec(String sql) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(sql);
    }
  }

  private void rollbackQuietly() {
    try {
      exec("ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction left to roll back, or the original failure is the one worth reporting.
    }
  }

  private StoreException failed(SQLException e) {
    return new StoreException(Messages.format("store.failed", file, e.getMessage()), e);
  }

  /** Closes the connection; the WAL is checkpointed into the file as SQLite closes it. */
  @Override
  public void close() {
    closeQuietly(conn);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Nothing left to save: every write committed or rolled back before this.
      }
    }
  }

  /** Package access for tests that inspect the file directly. */
  Connection connection() {
    return conn;
  }

  record Key(String clusterId, String collection, String name) {}

  /** A stored row: position and JSON as UTF-8 bytes (compared as bytes, decoded only when written). */
  private record Stored(int position, byte[] json) {}

  /** A write worked out inside its transaction: what to record and the operations. */
  private record Plan(String summary, Long undoOf, List<Op> ops) {}

  /** A row a save wants: its key, place and JSON (serialised by {@link SerialisedJson}, maybe still under way). */
  private record Row(Key key, int position, SerialisedJson source, int index) {
    byte[] json() {
      return source.bytes(index);
    }
  }

  /**
   * One object's change: its state before (for the history and undo) and after (to write), JSON as
   * UTF-8 throughout. For a save, the JSON after is the row it serialises: those bytes are bound as
   * they are (a save of 100,000 objects would otherwise decode them into strings for the driver to
   * encode again).
   */
  private record Op(Key key, ChangeKind kind, byte[] beforeJson, Integer beforePosition, byte[] afterJson,
      Integer afterPosition, Row afterRow) {
    Op(Key key, ChangeKind kind, byte[] beforeJson, Integer beforePosition, byte[] afterJson, Integer afterPosition) {
      this(key, kind, beforeJson, beforePosition, afterJson, afterPosition, null);
    }

    /** The JSON after as UTF-8, bound as a blob and stored as TEXT by the statement's CAST. */
    byte[] afterUtf8() {
      return afterRow != null ? afterRow.json() : afterJson;
    }
  }
}
