package dev.emcc.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
 * <p>This class is the front door; the work is done by its parts: {@link Transactions} (the file,
 * its migrations, reads and writes), {@link WorkspaceLoader} (a load), {@link WorkspaceDiff} (a
 * save of the workspace), {@link ObjectRows} (single objects and a node's batches),
 * {@link ChangeWriter} (a change set's rows), {@link History} and {@link Undo}.
 *
 * <p>One instance is one connection; use it from one thread at a time.
 */
public final class WorkspaceStore implements AutoCloseable {
  /**
   * Change sets the history keeps unless told otherwise: the newest ones; older ones are pruned by
   * the next write. The system property {@code emcc.historyChangeSets} sets another number.
   */
  public static final int DEFAULT_HISTORY_CHANGE_SETS = 500;
  static final String SAVE_SUMMARY = "save";
  /** The name a single object (the cluster's settings, trust stores, ...) is stored under. */
  public static final String SINGLETON_NAME = StoreKeys.SINGLETON_NAME;

  private final Transactions tx;
  private final StoredRows stored;
  private final WorkspaceLoader loader;
  private final ObjectRows objects;
  private final Undo undo;
  /** The workspace last loaded or saved, while the snapshot may be written for it (see {@link Snapshot}). */
  private Snapshot.Pending pending;
  /** The snapshot file being decoded while the store opened ({@link #openDefault}); used by the first load. */
  private Snapshot.Speculation speculation;
  /** False for a file held at a schema before the snapshot's (a test of the migrations). */
  private final boolean snapshots;

  private WorkspaceStore(Transactions tx, boolean snapshots) {
    this.tx = tx;
    this.snapshots = snapshots && Snapshot.fingerprint() != null;
    this.stored = new StoredRows(tx.connection());
    this.loader = new WorkspaceLoader(tx.connection(), stored);
    this.objects = new ObjectRows(tx, stored);
    this.undo = new Undo(tx.history(), stored);
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
    int changeSets = Math.max(1, Integer.getInteger("emcc.historyChangeSets", DEFAULT_HISTORY_CHANGE_SETS));
    return new WorkspaceStore(Transactions.open(file, schemaVersion, changeSets), schemaVersion >= Snapshot.SCHEMA);
  }

  /**
   * Opens the store and, when it has never held a workspace ({@link #isEmpty()}), saves the one
   * {@code firstRun} supplies (the console passes the demo workspace). Meant for a caller that
   * loads the workspace next: its snapshot is already being read while the database opens.
   */
  public static WorkspaceStore openDefault(Path file, Supplier<Workspace> firstRun) {
    // the console loads right after: its snapshot is decoded while SQLite opens
    Snapshot.Speculation ahead = Snapshot.Speculation.start(file);
    WorkspaceStore store = open(file);
    store.speculation = ahead;
    try {
      if (store.isEmpty()) {
        // seeded once even when two consoles start at once on a new file: checked again under the write lock
        store.tx.write("first run", () -> store.stored.holdsAnything() ? List.of()
            : WorkspaceDiff.changes(WorkspaceDiff.rowsOf(firstRun.get()), store.stored));
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
    return tx.file();
  }

  /**
   * Keeps the newest {@code changeSets} change sets of the history (at least one, so the last
   * change can always be undone); the next write prunes the older ones.
   */
  public WorkspaceStore keepHistory(int changeSets) {
    if (changeSets < 1) {
      throw new IllegalArgumentException("the history keeps at least one change set, not " + changeSets);
    }
    tx.keepHistory(changeSets);
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
    tx.keepHistoryBytes(bytes);
    return this;
  }

  /** True when the store has never held a workspace: no cluster and no history. */
  public boolean isEmpty() {
    return tx.read(() -> !stored.holdsAnything());
  }

  // ---------------------------------------------------------------------------------------------
  // The whole workspace

  /**
   * The whole workspace, clusters and objects in their saved order: from the snapshot when it
   * holds what the rows hold, else from the rows (and the snapshot is written again later: at
   * {@link #close()} or with the next large save).
   */
  public Workspace load() {
    Snapshot.Speculation ahead = speculation;
    speculation = null;
    Workspace fromSnapshot = snapshots ? tx.read(() -> Snapshot.read(tx.connection(), tx.file(), ahead)) : null;
    if (fromSnapshot != null) {
      pending = null;
      return fromSnapshot;
    }
    Long token = markForSnapshot();
    Workspace ws = tx.read(loader::load);
    pending = token == null ? null : new Snapshot.Pending(token, ws);
    return ws;
  }

  /** Saves the whole workspace in one transaction, writing only what changed. */
  public SaveResult save(Workspace workspace) {
    return save(workspace, SAVE_SUMMARY);
  }

  /**
   * As {@link #save(Workspace)}, with the summary the history shows (such as "import x.json").
   * After a large save (an import) the snapshot of the workspace is written at once; after a
   * small one (an edit in the console) when the store is closed.
   */
  public SaveResult save(Workspace workspace, String summary) {
    return save(workspace, summary, List.of());
  }

  /**
   * As {@link #save(Workspace, String)}, keeping BAT columns ({@link KeptColumns}) in the same
   * transaction under its change set: all of it is saved or, on any failure, none.
   */
  public SaveResult save(Workspace workspace, String summary, List<KeptColumns.Entry> kept) {
    List<DesiredRow> desired = WorkspaceDiff.rowsOf(workspace);
    Transactions.SideRows side = kept.isEmpty() ? null : id -> KeptColumns.write(tx.connection(), kept, id);
    // a large workspace into a store without clusters is a bulk save for sure: its snapshot is
    // encoded on the other cores while the rows are written (a small save's waits for close())
    Snapshot.Encoded early = snapshots && desired.size() > Transactions.CHECKPOINT_AFTER_ROWS
        && tx.read(() -> stored.clusterIds().isEmpty()) ? new Snapshot.Encoded(workspace) : null;
    long[] token = {0};
    SaveResult result = tx.write(() -> new Transactions.Plan(summary, null, WorkspaceDiff.changes(desired, stored), side),
        snapshots ? () -> token[0] = Snapshot.placeToken(tx.connection()) : null);
    if (result.changed() && snapshots) {
      pending = new Snapshot.Pending(token[0], workspace);
      if (result.changes().size() > Transactions.CHECKPOINT_AFTER_ROWS) {
        writeSnapshot(early);
      }
    }
    return result;
  }

  /** Places a snapshot token before the rows are read; null when the file cannot be written now. */
  private Long markForSnapshot() {
    if (!snapshots) {
      return null;
    }
    try {
      return tx.maintain(() -> Snapshot.placeToken(tx.connection()));
    } catch (StoreException e) {
      return null; // read-only or busy: this load goes without a snapshot, the next one tries again
    }
  }

  /**
   * Writes the snapshot of the pending workspace if no row changed since its token was placed.
   * A snapshot only saves time: when it cannot be written the store loads its rows next time.
   */
  private void writeSnapshot(Snapshot.Encoded ready) {
    Snapshot.Pending p = pending;
    pending = null;
    if (p == null) {
      return;
    }
    try {
      Snapshot.Encoded encoded = ready != null ? ready : new Snapshot.Encoded(p.workspace());
      tx.maintain(() -> {
        try {
          return Snapshot.write(tx.connection(), tx.file(), p.token(), encoded);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (StoreException | IllegalStateException e) {
      // busy, read-only or full: the rows hold everything, the next load reads them
    }
  }

  /** The ids of the clusters in the store, in workspace order. */
  public List<String> clusterIds() {
    return tx.read(stored::clusterIds);
  }

  // ---------------------------------------------------------------------------------------------
  // Single objects and a node's batches

  /** One object's JSON; {@code name} is ignored (may be null) for singletons. */
  public Optional<JsonNode> loadObject(String clusterId, String collection, String name) {
    return objects.json(clusterId, StoreKeys.require(collection), name).map(json -> {
      try {
        return Json.mapper().readTree(json);
      } catch (IOException e) {
        throw new StoreException(Messages.format("store.unreadableObject", clusterId, collection, name, e.getMessage()), e);
      }
    });
  }

  /** One object as its model record; {@code name} is ignored (may be null) for singletons. */
  public <T> Optional<T> loadObject(String clusterId, ClusterCollection<T> kind, String name) {
    return objects.json(clusterId, kind, name)
        .map(json -> kind.type().cast(WorkspaceLoader.readObject(kind, clusterId, name, json)));
  }

  /**
   * Saves one object (its name is its key field): added at the end of its collection when new,
   * written only when its JSON differs. The cluster must exist, except when {@code kind} is
   * {@link ClusterCollection#CLUSTER}, which adds a new cluster at the end of the workspace.
   */
  public <T> SaveResult saveObject(String clusterId, ClusterCollection<T> kind, T value) {
    return objects.save(clusterId, kind, value);
  }

  /**
   * Saves one object given as workspace-format JSON, read as strictly as an imported document.
   *
   * @throws DocumentException when the JSON is not a valid object of that collection
   */
  public SaveResult saveObject(String clusterId, String collection, JsonNode json) throws DocumentException {
    return objects.save(clusterId, StoreKeys.require(collection), json);
  }

  /**
   * Deletes one object of a collection. Deleting the {@code cluster} singleton deletes the whole
   * cluster; other singletons cannot be deleted. Nothing happens when the object does not exist.
   */
  public SaveResult deleteObject(String clusterId, String collection, String name) {
    return objects.delete(clusterId, StoreKeys.require(collection), name);
  }

  /**
   * One object of a batch: collection key, name ("" for singletons) and JSON, or null JSON to
   * delete it; or, from {@link #canonical}, its canonical compact JSON as bytes.
   */
  public record ObjectWrite(String collection, String name, JsonNode json, byte[] canonicalJson) {
    public ObjectWrite(String collection, String name, JsonNode json) {
      this(collection, name, json, null);
    }

    /**
     * An object of a collection (not a singleton) whose JSON is already the canonical compact
     * JSON of the model's object: the caller read it strictly through the model, as a cluster
     * node does with every object of a request, and wrote the record. The store keeps the bytes
     * as they are instead of reading them a second time.
     */
    public static ObjectWrite canonical(String collection, String name, byte[] json) {
      return new ObjectWrite(collection, name, null, java.util.Objects.requireNonNull(json, "json"));
    }
  }

  /** One stored object with its revision, as {@link #objects(String)} lists them. */
  public record StoredObjectRow(String collection, String name, long revision, String json) {}

  /**
   * Writes many objects of one cluster in ONE transaction: each JSON is read as strictly as an
   * imported object, unchanged ones are skipped, new ones go at the end of their collection. A
   * missing cluster is created (with its {@code cluster} singleton from the batch, or an empty one).
   * Either every write is saved or, on any failure, none.
   */
  public SaveResult saveObjects(String clusterId, List<ObjectWrite> writes, String summary) throws DocumentException {
    return objects.saveBatch(clusterId, writes, summary);
  }

  /** Every object of one cluster with its revision, in one consistent read (collection, position order). */
  public List<StoredObjectRow> objects(String clusterId) {
    return objects.of(clusterId);
  }

  // ---------------------------------------------------------------------------------------------
  // Revisions, history and undo

  /** The cluster's revision: the id of the last change set that changed it; 0 when there is no such cluster. */
  public long revision(String clusterId) {
    return tx.read(() -> stored.revision(clusterId));
  }

  /** The object's revision: the id of the change set that last changed its JSON; 0 when it does not exist. */
  public long revision(String clusterId, String collection, String name) {
    ClusterCollection<?> kind = StoreKeys.require(collection);
    return tx.read(() -> stored.revision(new RowKey(clusterId, kind.key(), StoreKeys.nameFor(kind, name))));
  }

  /**
   * The latest {@code limit} object changes, newest first (moves within a list are left out),
   * each with the object's JSON before and after.
   */
  public List<HistoryEntry> history(int limit) {
    return tx.read(() -> tx.history().entries(limit, key -> {
      StoredRow now = stored.get(key);
      return now == null ? null : now.json();
    }));
  }

  /** A change set the history's undo can revert: its id and summary. */
  public record Undoable(long id, String summary) {}

  /** The change set {@link #undoLatest()} would revert; empty when there is nothing to undo. */
  public Optional<Undoable> latestUndoable() {
    return Optional.ofNullable(tx.read(() -> tx.history().latestUndoable()))
        .map(u -> new Undoable(u.id(), u.summary()));
  }

  /** What an undo reverted (the change set's id and summary) and what it changed: a new change set. */
  public record Undone(long undoneId, String undoneSummary, SaveResult result) {}

  /**
   * Reverts the latest change set that is not an undo and not yet undone, as a new change set
   * (so undoing again walks further back). Empty when there is nothing to undo.
   */
  public Optional<Undone> undoLatest() {
    return undo(() -> tx.history().latestUndoable());
  }

  /**
   * Reverts change set {@code changeSetId} as a new change set, if it can be undone: not an undo
   * itself, not undone yet, its history not pruned. Empty when it cannot.
   */
  public Optional<Undone> undo(long changeSetId) {
    return undo(() -> tx.history().undoable(changeSetId));
  }

  /** As {@link #undoLatest()}, returning the workspace after the undo. */
  public Optional<Workspace> undoLast() {
    return undoLatest().map(u -> load());
  }

  private Optional<Undone> undo(Transactions.SqlWork<History.Undoable> find) {
    History.Undoable[] target = {null};
    SaveResult result = tx.write(() -> {
      target[0] = find.run();
      return undo.plan(target[0]);
    });
    return result.changed() ? Optional.of(new Undone(target[0].id(), target[0].summary(), result)) : Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------
  // Test seams

  /** A test seam: runs inside every write transaction, after the rows are written, before COMMIT. */
  void beforeCommit(Runnable hook) {
    tx.beforeCommit(hook);
  }

  /** A test seam: the number of changes above which a change set's history is packed. */
  void bulkHistoryRows(int rows) {
    tx.bulkHistoryRows(rows);
  }

  /** Package access for tests and the side tables that inspect the file directly. */
  Connection connection() {
    return tx.connection();
  }

  /**
   * Writes the snapshot of the workspace last loaded or saved when it is pending, then closes the
   * connection; the WAL is checkpointed into the file as SQLite closes it.
   */
  @Override
  public void close() {
    try {
      writeSnapshot(null);
    } finally {
      tx.close();
    }
  }
}
