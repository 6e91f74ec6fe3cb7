package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.store.SqliteFiles;
import dev.emcc.wire.BinaryBatch;
import dev.emcc.wire.ObjectKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.sqlite.SQLiteConfig;

/**
 * What the console knows of each node, per cluster: the node's revision when last seen, and per
 * object the node's revision and digest then and the digest (and JSON) both sides last agreed on:
 * the "base" that tells who changed an object since. Kept beside the console's workspace file or
 * database as the SQLite file {@code NAME.sync.db}, one section per node and cluster; a sync
 * writes only the rows that changed. Digests, not values, are compared; an agreed value is read
 * back only when a plan shows it.
 *
 * <p>A base of the first format ({@code NAME.sync.json}, every object's full JSON) is migrated on
 * first use and kept as {@code NAME.sync.json.migrated}.
 *
 * <p>Loaded bases are cached per file in this process and reused while no other process wrote to
 * the file (a generation number in the file tells).
 */
public final class SyncBase {
  /**
   * One object: the node's revision and digest when last seen ({@code node} null: the node did
   * not hold it), and the digest both sides agreed on ({@code agreed} null: never agreed).
   */
  public record Entry(long nodeRevision, ObjectDigest node, ObjectDigest agreed) {}

  /** An agreed value to store with its row. */
  public record Agreed(ObjectKey key, byte[] compactJson) {}

  /**
   * One node and cluster: the revision last seen (-1: not known) and the objects; and the file
   * index this section was last reconciled with ({@code indexVersion}, -1: none) with the keys
   * that were not in sync then ({@code unsynced}: different on the two sides, or their row not
   * yet agreed). Every other object of the cluster was equal in that index and on the node as
   * recorded, so a push against that index need compare only what changed since on either side
   * and these ({@link LocalChanges}).
   */
  public record Section(long seenRevision, Map<ObjectKey, Entry> entries, long indexVersion, Set<ObjectKey> unsynced) {
    public Section(long seenRevision, Map<ObjectKey, Entry> entries) {
      this(seenRevision, entries, -1, Set.of());
    }

    public boolean isEmpty() {
      return seenRevision < 0 && entries.isEmpty();
    }
  }

  /** The sync left so many objects unsynced that the next plan might as well compare them all. */
  static final int UNSYNCED_KEPT_UP_TO = 10_000;

  private static final Section EMPTY = new Section(-1, Map.of());
  /** A sync that rewrites more rows than this looks for agreed-value packs no row refers to. */
  private static final int CLEAN_PACKS_ABOVE = 64 * AgreedPacks.PER_PACK;
  private static final Map<Path, SyncBase> CACHE = new HashMap<>();

  private final Path file;
  private long generation;
  private boolean schemaReady;
  private final Map<String, Section> sections = new HashMap<>();
  /** The workspace file's index, once read (see {@link FileIndex}). */
  private FileIndex fileIndex;

  private SyncBase(Path file) {
    this.file = file;
  }

  /** The base file that belongs to a workspace file or database. */
  public static Path fileFor(Path local) {
    return local.resolveSibling(local.getFileName() + ".sync.db");
  }

  /** The first format's file beside {@code base}, migrated when found. */
  static Path legacyFileFor(Path base) {
    String name = base.getFileName().toString();
    String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return base.resolveSibling(stem + ".json");
  }

  public static SyncBase load(Path file) throws IOException {
    return load(file, false);
  }

  /**
   * As {@link #load(Path)}; with {@code fileIndex} (a push from a workspace file or database) the
   * file's index is read in the same pass as the sections.
   */
  static SyncBase load(Path file, boolean fileIndex) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    synchronized (CACHE) {
      SyncBase cached = CACHE.get(key);
      if (cached != null && Files.exists(key)) {
        synchronized (cached) {
          try (Connection c = cached.connect()) {
            if (generation(c) == cached.generation) {
              return cached;
            }
          } catch (SQLException e) {
            throw new IOException("cannot read the sync state " + file + ": " + e.getMessage(), e);
          }
        }
      }
      SyncBase base = new SyncBase(key);
      base.read(fileIndex);
      CACHE.put(key, base);
      return base;
    }
  }

  private Connection connect() throws SQLException, IOException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    // owner-only like every store of the product: the agreed JSON holds PIN hashes
    Connection c = SqliteFiles.connect(file, config);
    if (schemaReady) {
      return c;
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
      st.executeUpdate("CREATE TABLE IF NOT EXISTS section (node TEXT NOT NULL, cluster_id TEXT NOT NULL,"
          + " seen_revision INTEGER NOT NULL, PRIMARY KEY (node, cluster_id))");
      st.executeUpdate("CREATE TABLE IF NOT EXISTS object (node TEXT NOT NULL, cluster_id TEXT NOT NULL,"
          + " collection TEXT NOT NULL, name TEXT NOT NULL, node_revision INTEGER NOT NULL, node_digest BLOB,"
          + " agreed_digest BLOB, agreed_json TEXT, PRIMARY KEY (node, cluster_id, collection, name))");
      st.executeUpdate("INSERT OR IGNORE INTO meta (key, value) VALUES ('formatVersion', 2), ('generation', 0)");
      // when each node and cluster was last synced (epoch ms; added after format 2: older files get the column)
      boolean hasSyncedAt = false;
      try (ResultSet rs = st.executeQuery("PRAGMA table_info(section)")) {
        while (rs.next()) {
          hasSyncedAt |= "synced_at".equals(rs.getString("name"));
        }
      }
      if (!hasSyncedAt) {
        st.executeUpdate("ALTER TABLE section ADD COLUMN synced_at INTEGER");
      }
      // agreed values of a bulk push, deflated in packs (added after format 2: older files get them)
      boolean hasPacks = false;
      try (ResultSet rs = st.executeQuery("PRAGMA table_info(object)")) {
        while (rs.next()) {
          hasPacks |= "agreed_pack".equals(rs.getString("name"));
        }
      }
      if (!hasPacks) {
        st.executeUpdate("ALTER TABLE object ADD COLUMN agreed_pack INTEGER");
      }
      st.executeUpdate("CREATE TABLE IF NOT EXISTS agreed_pack (node TEXT NOT NULL, cluster_id TEXT NOT NULL,"
          + " id INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (node, cluster_id, id))");
      // the index of the workspace file's elements (FileIndex), per part, with the model's shape
      FileIndexStore.createTables(st);
      // the file index each section was reconciled with, and its unsynced keys (added later: older files get them)
      boolean hasIndexVersion = false;
      try (ResultSet rs = st.executeQuery("PRAGMA table_info(section)")) {
        while (rs.next()) {
          hasIndexVersion |= "index_version".equals(rs.getString("name"));
        }
      }
      if (!hasIndexVersion) {
        st.executeUpdate("ALTER TABLE section ADD COLUMN index_version INTEGER NOT NULL DEFAULT -1");
        st.executeUpdate("ALTER TABLE section ADD COLUMN unsynced BLOB");
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    schemaReady = true;
    return c;
  }

  private static long generation(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM meta WHERE key = 'generation'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private synchronized void read(boolean withFileIndex) throws IOException {
    Path legacy = legacyFileFor(file);
    boolean migrate = !Files.exists(file) && Files.exists(legacy);
    try (Connection c = connect()) {
      if (migrate) {
        migrate(c, legacy);
      }
      generation = generation(c);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT node, cluster_id, seen_revision, index_version, unsynced FROM section")) {
        while (rs.next()) {
          long indexVersion = rs.getLong(4);
          Set<ObjectKey> unsynced = Set.of();
          try {
            unsynced = decodeKeys(rs.getBytes(5));
          } catch (IOException damaged) {
            indexVersion = -1; // only a shortcut: the next plan compares every object
          }
          sections.put(key(rs.getString(1), rs.getString(2)),
              new Section(rs.getLong(3), new HashMap<>(), indexVersion, unsynced));
        }
      }
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT node, cluster_id, collection, name, node_revision, node_digest,"
              + " agreed_digest FROM object")) {
        while (rs.next()) {
          String k = key(rs.getString(1), rs.getString(2));
          Section s = sections.computeIfAbsent(k, x -> new Section(-1, new HashMap<>()));
          s.entries().put(new ObjectKey(rs.getString(3), rs.getString(4)),
              new Entry(rs.getLong(5), ObjectDigest.fromBytes(rs.getBytes(6)), ObjectDigest.fromBytes(rs.getBytes(7))));
        }
      }
      if (withFileIndex) {
        fileIndex = FileIndexStore.read(c);
      }
    } catch (SQLException e) {
      throw new IOException("cannot read the sync state " + file + ": " + e.getMessage(), e);
    }
    if (migrate) {
      Files.move(legacy, legacy.resolveSibling(legacy.getFileName() + ".migrated"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The first format: per section the objects both sides agreed on with the node's revision. The
   * node's other objects were not recorded, so the section's seen revision stays unknown and the
   * next sync lists the node's objects once more.
   */
  private static void migrate(Connection c, Path legacy) throws IOException, SQLException {
    JsonNode root = Json.mapper().readTree(legacy.toFile());
    c.setAutoCommit(false);
    try (PreparedStatement section = c.prepareStatement(
        "INSERT OR REPLACE INTO section (node, cluster_id, seen_revision) VALUES (?, ?, -1)");
        PreparedStatement object = c.prepareStatement("INSERT OR REPLACE INTO object (node, cluster_id, collection,"
            + " name, node_revision, node_digest, agreed_digest, agreed_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (JsonNode s : root.path("sections")) {
        String node = s.get("node").asText();
        String clusterId = s.get("clusterId").asText();
        section.setString(1, node);
        section.setString(2, clusterId);
        section.executeUpdate();
        for (JsonNode o : s.path("objects")) {
          byte[] json = ObjectDigest.compact(o.get("value"));
          byte[] digest = ObjectDigest.of(json).bytes();
          object.setString(1, node);
          object.setString(2, clusterId);
          object.setString(3, o.get("collection").asText());
          object.setString(4, o.get("name").asText());
          object.setLong(5, o.get("revision").asLong());
          object.setBytes(6, digest);
          object.setBytes(7, digest);
          object.setString(8, new String(json, StandardCharsets.UTF_8));
          object.addBatch();
        }
        object.executeBatch();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String key(String node, String clusterId) {
    return node + "\n" + clusterId;
  }

  /** The section of a node and cluster (read-only; empty when never synced). */
  public synchronized Section section(String node, String clusterId) {
    Section s = sections.get(key(node, clusterId));
    return s == null ? EMPTY : new Section(s.seenRevision(), Collections.unmodifiableMap(s.entries()),
        s.indexVersion(), s.unsynced());
  }

  /** A node and cluster's last sync: the node's revision then, and when (null: not recorded). */
  public record Synced(String node, String clusterId, long seenRevision, java.time.Instant at) {}

  /**
   * When each node and cluster of a base file were last synced (a push or a pull), read without
   * the objects; empty when the file does not exist.
   */
  public static List<Synced> syncs(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    SyncBase base = new SyncBase(file.toAbsolutePath().normalize());
    List<Synced> out = new ArrayList<>();
    try (Connection c = base.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT node, cluster_id, seen_revision, synced_at FROM section")) {
      while (rs.next()) {
        long millis = rs.getLong(4);
        java.time.Instant at = rs.wasNull() ? null : java.time.Instant.ofEpochMilli(millis);
        out.add(new Synced(rs.getString(1), rs.getString(2), rs.getLong(3), at));
      }
      return out;
    } catch (SQLException e) {
      throw new IOException("cannot read the sync state " + file + ": " + e.getMessage(), e);
    }
  }

  /** The agreed values of some objects (those without one are left out), read in one go. */
  public synchronized Map<ObjectKey, JsonNode> agreedValues(String node, String clusterId,
      java.util.Collection<ObjectKey> keys) throws IOException {
    Map<ObjectKey, JsonNode> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement("SELECT agreed_json, agreed_pack FROM object WHERE node = ?"
            + " AND cluster_id = ? AND collection = ? AND name = ?")) {
      ps.setString(1, node);
      ps.setString(2, clusterId);
      Map<Long, List<ObjectKey>> packed = new HashMap<>();
      for (ObjectKey key : keys) {
        ps.setString(3, key.collection());
        ps.setString(4, key.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            continue;
          }
          String json = rs.getString(1);
          long pack = rs.getLong(2);
          if (json != null) {
            out.put(key, Json.mapper().readTree(json));
          } else if (!rs.wasNull()) {
            packed.computeIfAbsent(pack, p -> new ArrayList<>()).add(key);
          }
        }
      }
      for (Map.Entry<Long, List<ObjectKey>> e : packed.entrySet()) {
        Map<ObjectKey, byte[]> values = AgreedPacks.unpack(readPack(c, node, clusterId, e.getKey()),
            new java.util.HashSet<>(e.getValue()));
        for (ObjectKey key : e.getValue()) {
          byte[] json = values.get(key);
          if (json != null) {
            out.put(key, Json.mapper().readTree(json));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IOException("cannot read the sync state " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Records a sync in one transaction: the revision now seen, the rows that changed (a null entry
   * removes the row) and the agreed JSON of the rows whose agreement changed. Rows not given keep
   * what they held.
   */
  public synchronized void update(String node, String clusterId, long seenRevision, Map<ObjectKey, Entry> changed,
      Map<ObjectKey, byte[]> agreedJson) throws IOException {
    write(node, clusterId, seenRevision, changed, agreedJson, null, -1, Set.of());
  }

  /**
   * As {@link #update(String, String, long, Map, Map)}, the section now reconciled with the file
   * index {@code indexVersion}: {@code unsynced} are the keys not in sync with it (see
   * {@link Section}); too many of them are not kept (the next plan compares every object).
   */
  synchronized void update(String node, String clusterId, long seenRevision, Map<ObjectKey, Entry> changed,
      Map<ObjectKey, byte[]> agreedJson, long indexVersion, Set<ObjectKey> unsynced) throws IOException {
    boolean keep = indexVersion >= 0 && unsynced.size() <= UNSYNCED_KEPT_UP_TO;
    write(node, clusterId, seenRevision, changed, agreedJson, null, keep ? indexVersion : -1,
        keep ? unsynced : Set.of());
  }

  /** Agreed values packed ahead (for a bulk push, while the node works), see {@link #pack}. */
  public static final class Packed {
    private final AgreedPacks packs;

    private Packed(AgreedPacks packs) {
      this.packs = packs;
    }
  }

  /** The chunks of a binary batch, kept as they are as the packs of its objects' agreed values. */
  public static Packed keep(BinaryBatch.Encoded batch) {
    return new Packed(AgreedPacks.kept(batch));
  }

  /** Starts packing the agreed values of many objects on the common pool. */
  public static Packed pack(Map<ObjectKey, byte[]> agreedJson) {
    return new Packed(AgreedPacks.start(agreedJson));
  }

  /**
   * As {@link #update(String, String, long, Map, Map)} for the rows of a bulk push: their agreed
   * values are the packed ones, written as a few deflated packs instead of a text per row.
   */
  public synchronized void update(String node, String clusterId, long seenRevision, Map<ObjectKey, Entry> changed,
      Packed packed) throws IOException {
    write(node, clusterId, seenRevision, changed, Map.of(), packed.packs, -1, Set.of());
  }

  private void write(String node, String clusterId, long seenRevision, Map<ObjectKey, Entry> changed,
      Map<ObjectKey, byte[]> agreedJson, AgreedPacks packs, long indexVersion, Set<ObjectKey> unsynced)
      throws IOException {
    Connection c;
    try {
      c = connect();
      c.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IOException("cannot save the sync state " + file + ": " + e.getMessage(), e);
    }
    commit(c, rows -> writeRows(rows, node, clusterId, seenRevision, changed, agreedJson, packs, indexVersion,
        unsynced), node, clusterId, seenRevision, changed, indexVersion, unsynced);
  }

  /** Rows written in a transaction. */
  private interface Rows {
    void write(Connection c) throws SQLException;
  }

  /**
   * Writes {@code rows} on {@code c} (in its transaction), commits and closes it, then takes the
   * section's new state into the cache; a failure rolls everything back.
   */
  private void commit(Connection c, Rows rows, String node, String clusterId, long seenRevision,
      Map<ObjectKey, Entry> changed, long indexVersion, Set<ObjectKey> unsynced) throws IOException {
    try (c) {
      try {
        rows.write(c);
        commit(c);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("cannot save the sync state " + file + ": " + e.getMessage(), e);
    }
    remember(node, clusterId, seenRevision, changed, indexVersion, unsynced);
  }

  /** A bulk push's rows written while the node works, in a transaction left open for its answer. */
  public static final class Ahead {
    private final String node;
    private final String clusterId;
    private final long revision;
    private final Map<ObjectKey, Entry> changed;
    private final CompletableFuture<Connection> rows = new CompletableFuture<>();

    private Ahead(String node, String clusterId, long revision, Map<ObjectKey, Entry> changed) {
      this.node = node;
      this.clusterId = clusterId;
      this.revision = revision;
      this.changed = changed;
    }
  }

  /**
   * Writes the rows of a bulk push on a thread of its own while the node works (the node's insert
   * keeps one core busy, this the other), as seen at {@code revision}, the revision the node is
   * expected to answer with; {@link #commitAhead} keeps them if it does. Until then nothing is
   * committed: a reader sees the base as it was.
   */
  public Ahead writeAhead(String node, String clusterId, long revision, Map<ObjectKey, Entry> changed, Packed packed) {
    Ahead ahead = new Ahead(node, clusterId, revision, changed);
    Thread t = new Thread(() -> {
      Connection c = null;
      try {
        c = connect();
        c.setAutoCommit(false);
        writeRows(c, node, clusterId, revision, changed, Map.of(), packed.packs, -1, Set.of());
        ahead.rows.complete(c);
      } catch (SQLException | IOException | RuntimeException e) {
        drop(c);
        ahead.rows.completeExceptionally(e);
      }
    }, "sync-base-ahead");
    t.setDaemon(true);
    t.start();
    return ahead;
  }

  /**
   * Commits the rows written ahead when the node answered with the revision they were written for
   * and nothing else changed (true); otherwise drops them (false: the push is then recorded as
   * usual). Called once per {@link Ahead}, also when the push failed ({@code revision} -1).
   */
  public boolean commitAhead(Ahead ahead, long revision) throws IOException {
    Connection c;
    try {
      c = ahead.rows.join();
    } catch (java.util.concurrent.CompletionException e) {
      return false;
    }
    if (revision != ahead.revision) {
      drop(c);
      return false;
    }
    synchronized (this) {
      commit(c, written -> { }, ahead.node, ahead.clusterId, ahead.revision, ahead.changed, -1, Set.of());
    }
    return true;
  }

  private static void drop(Connection c) {
    if (c == null) {
      return;
    }
    try (c) {
      c.rollback();
    } catch (SQLException e) {
      // closing rolls back what is left
    }
  }

  /** Bumps the generation and commits: the cache stays valid unless someone else wrote in between. */
  private void commit(Connection c) throws SQLException {
    try (PreparedStatement bump = c.prepareStatement("UPDATE meta SET value = value + 1 WHERE key = 'generation'")) {
      bump.executeUpdate();
    }
    long before = generation;
    c.commit();
    generation = generation(c) == before + 1 ? before + 1 : -1;
  }

  private void remember(String node, String clusterId, long seenRevision, Map<ObjectKey, Entry> changed,
      long indexVersion, Set<ObjectKey> unsynced) {
    Section s = sections.get(key(node, clusterId));
    Map<ObjectKey, Entry> entries = s == null ? new HashMap<>() : s.entries();
    changed.forEach((k, v) -> {
      if (v == null) {
        entries.remove(k);
      } else {
        entries.put(k, v);
      }
    });
    sections.put(key(node, clusterId), new Section(seenRevision, entries, indexVersion, Set.copyOf(unsynced)));
  }

  private static byte[] encodeKeys(Set<ObjectKey> keys) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(16 + keys.size() * 24);
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeInt(keys.size());
      for (ObjectKey k : keys) {
        out.writeUTF(k.collection());
        out.writeUTF(k.name());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write to memory", e);
    }
    return bytes.toByteArray();
  }

  private static Set<ObjectKey> decodeKeys(byte[] data) throws IOException {
    if (data == null) {
      return Set.of();
    }
    try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(data))) {
      int n = in.readInt();
      if (n < 0 || n > data.length / 4) {
        throw new IOException("damaged unsynced keys");
      }
      Set<ObjectKey> out = new java.util.HashSet<>(Math.max(16, n * 2));
      for (int i = 0; i < n; i++) {
        out.add(new ObjectKey(in.readUTF(), in.readUTF()));
      }
      return Collections.unmodifiableSet(out);
    } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
      throw new IOException("damaged unsynced keys", e);
    }
  }

  /** The section's revision, its changed rows and agreed values, in the caller's transaction. */
  private static void writeRows(Connection c, String node, String clusterId, long seenRevision,
      Map<ObjectKey, Entry> changed, Map<ObjectKey, byte[]> agreedJson, AgreedPacks packs, long indexVersion,
      Set<ObjectKey> unsynced) throws SQLException {
    try (PreparedStatement section = c.prepareStatement("INSERT OR REPLACE INTO section (node, cluster_id,"
        + " seen_revision, synced_at, index_version, unsynced) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement delete = c.prepareStatement(
            "DELETE FROM object WHERE node = ? AND cluster_id = ? AND collection = ? AND name = ?");
        // an agreed value given (as text or in a pack) replaces the one held; none given keeps it
        PreparedStatement upsert = c.prepareStatement("INSERT INTO object (node, cluster_id, collection, name,"
            + " node_revision, node_digest, agreed_digest, agreed_json, agreed_pack)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)"
            + " ON CONFLICT (node, cluster_id, collection, name) DO UPDATE SET node_revision = excluded.node_revision,"
            + " node_digest = excluded.node_digest, agreed_digest = excluded.agreed_digest,"
            + " agreed_json = CASE WHEN excluded.agreed_digest IS NULL THEN NULL"
            + " WHEN excluded.agreed_json IS NOT NULL OR excluded.agreed_pack IS NOT NULL THEN excluded.agreed_json"
            + " ELSE agreed_json END,"
            + " agreed_pack = CASE WHEN excluded.agreed_digest IS NULL THEN NULL"
            + " WHEN excluded.agreed_json IS NOT NULL OR excluded.agreed_pack IS NOT NULL THEN excluded.agreed_pack"
            + " ELSE agreed_pack END")) {
      section.setString(1, node);
      section.setString(2, clusterId);
      section.setLong(3, seenRevision);
      section.setLong(4, System.currentTimeMillis());
      section.setLong(5, indexVersion);
      section.setBytes(6, indexVersion < 0 ? null : encodeKeys(unsynced));
      section.executeUpdate();
      Map<ObjectKey, Long> packOf = packs == null ? Map.of() : writePacks(c, node, clusterId, packs);
      // in key order: the primary key's index then grows at its end instead of splitting pages
      // all over (a full push writes every object)
      java.util.List<Map.Entry<ObjectKey, Entry>> rows = new java.util.ArrayList<>(changed.entrySet());
      rows.sort(Map.Entry.comparingByKey());
      for (Map.Entry<ObjectKey, Entry> e : rows) {
        ObjectKey k = e.getKey();
        Entry v = e.getValue();
        if (v == null) {
          delete.setString(1, node);
          delete.setString(2, clusterId);
          delete.setString(3, k.collection());
          delete.setString(4, k.name());
          delete.addBatch();
          continue;
        }
        byte[] json = v.agreed() == null ? null : agreedJson.get(k);
        Long pack = v.agreed() == null ? null : packOf.get(k);
        upsert.setString(1, node);
        upsert.setString(2, clusterId);
        upsert.setString(3, k.collection());
        upsert.setString(4, k.name());
        upsert.setLong(5, v.nodeRevision());
        upsert.setBytes(6, v.node() == null ? null : v.node().bytes());
        upsert.setBytes(7, v.agreed() == null ? null : v.agreed().bytes());
        upsert.setBytes(8, json); // UTF-8, stored as TEXT by the statement's CAST
        if (pack == null) {
          upsert.setNull(9, java.sql.Types.INTEGER);
        } else {
          upsert.setLong(9, pack);
        }
        upsert.addBatch();
      }
      delete.executeBatch();
      upsert.executeBatch();
      // a pack no row refers to any more costs only its bytes (never more than the packs of the
      // section's objects: rows get packs only from a bulk write, which cleans up); finding
      // them reads every row, so a delta does it only when it rewrote many rows
      if (packs != null || rows.size() > CLEAN_PACKS_ABOVE) {
        dropUnusedPacks(c, node, clusterId);
      }
    }
  }

  /** Writes the packs after the section's last one; returns each packed object's pack. */
  private static Map<ObjectKey, Long> writePacks(Connection c, String node, String clusterId, AgreedPacks packs)
      throws SQLException {
    long first;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT coalesce(max(id), 0) + 1 FROM agreed_pack WHERE node = ? AND cluster_id = ?")) {
      ps.setString(1, node);
      ps.setString(2, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        first = rs.getLong(1);
      }
    }
    Map<ObjectKey, Long> packOf = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO agreed_pack (node, cluster_id, id, data) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < packs.count(); i++) {
        long id = first + i;
        ps.setString(1, node);
        ps.setString(2, clusterId);
        ps.setLong(3, id);
        ps.setBytes(4, packs.data(i));
        ps.executeUpdate();
        for (ObjectKey k : packs.keys(i)) {
          packOf.put(k, id);
        }
      }
    }
    return packOf;
  }

  /** Packs no row refers to any more (their objects were agreed again, or removed). */
  private static void dropUnusedPacks(Connection c, String node, String clusterId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM agreed_pack WHERE node = ? AND cluster_id = ?"
        + " AND id NOT IN (SELECT agreed_pack FROM object WHERE node = ? AND cluster_id = ? AND agreed_pack IS NOT NULL)")) {
      ps.setString(1, node);
      ps.setString(2, clusterId);
      ps.setString(3, node);
      ps.setString(4, clusterId);
      ps.executeUpdate();
    }
  }

  private static byte[] readPack(Connection c, String node, String clusterId, long id) throws SQLException, IOException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT data FROM agreed_pack WHERE node = ? AND cluster_id = ? AND id = ?")) {
      ps.setString(1, node);
      ps.setString(2, clusterId);
      ps.setLong(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IOException("agreed values pack " + id + " is missing");
        }
        return rs.getBytes(1);
      }
    }
  }

  /** The index of the workspace file as last seen (empty when none, or of another model's shape). */
  synchronized FileIndex fileIndex() throws IOException {
    if (fileIndex == null) {
      try (Connection c = connect()) {
        fileIndex = FileIndexStore.read(c);
      } catch (SQLException e) {
        throw new IOException("cannot read the sync state " + file + ": " + e.getMessage(), e);
      }
    }
    return fileIndex;
  }

  /** Keeps the index of the workspace file ({@link FileIndexStore}): only what changed is written. */
  synchronized void saveFileIndex(FileIndex next) throws IOException {
    FileIndex old = fileIndex();
    if (FileIndexStore.unchanged(old, next)) {
      next.version(old.version());
      old.parts().keySet().forEach(part -> next.patched(part, old.patched(part)));
      fileIndex = next;
      return;
    }
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        FileIndexStore.save(c, old, next);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("cannot save the sync state " + file + ": " + e.getMessage(), e);
    }
    fileIndex = next;
  }

  /**
   * Takes the node's value as the agreed one for an object (the console keeps its own value in a
   * conflict: the next push then sends it based on the node's revision).
   */
  public void agree(String node, String clusterId, ObjectKey key, long nodeRevision, JsonNode nodeValue)
      throws IOException {
    Section s = section(node, clusterId);
    if (nodeValue == null) {
      Entry old = s.entries().get(key);
      Map<ObjectKey, Entry> one = new HashMap<>();
      one.put(key, old == null || old.node() == null ? null : new Entry(old.nodeRevision(), old.node(), null));
      update(node, clusterId, s.seenRevision(), one, Map.of());
      return;
    }
    byte[] json = ObjectDigest.compact(nodeValue);
    ObjectDigest d = ObjectDigest.of(json);
    update(node, clusterId, s.seenRevision(), Map.of(key, new Entry(nodeRevision, d, d)), Map.of(key, json));
  }
}
