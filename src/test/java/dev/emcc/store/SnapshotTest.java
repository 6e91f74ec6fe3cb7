package dev.emcc.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.SnapshotCodec;
import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The snapshot beside the rows: used when it holds what the rows hold, never when a row changed
 * behind it, it is damaged or cut short; the store then loads the rows and writes it again.
 */
class SnapshotTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("workspace.db");
  }

  /** A workspace big enough for several chunks and a bulk save (written at once). */
  private static Workspace big() {
    return StoreFixtures.generated(6_000, 5_000, 2_000, 500);
  }

  /** What the rows alone give, read the way a store without a snapshot reads them. */
  private Workspace rows() {
    try (Connection c = raw()) {
      c.setAutoCommit(false);
      Workspace ws = new WorkspaceLoader(c, new StoredRows(c)).load();
      c.commit();
      return ws;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The snapshot's workspace as the store would read it now; null when it would load the rows. */
  private Workspace snapshot() {
    try (Connection c = raw()) {
      c.setAutoCommit(false);
      Workspace ws = Snapshot.read(c, db(), null);
      c.commit();
      return ws;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Another program's connection to the file: no store, no snapshot logic, only SQL. */
  private Connection raw() throws SQLException {
    return new SQLiteConfig().createConnection("jdbc:sqlite:" + db());
  }

  private void sql(String statement) {
    try (Connection c = raw(); Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Workspace load() {
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      return store.load();
    }
  }

  @Test
  void aLargeSaveWritesTheSnapshotAndAnOpenReadsItEqualToTheRows() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    Workspace fromSnapshot = snapshot();
    assertThat(fromSnapshot).isNotNull().isEqualTo(ws);
    assertThat(rows()).isEqualTo(ws);
    assertThat(load()).isEqualTo(ws);
    assertThat(Snapshot.readFile(db()).workspace()).isEqualTo(ws);
  }

  @Test
  void theDemoAndTheFixturesReadBackFromTheSnapshotAsFromTheirRows() {
    for (Workspace ws : List.of(DemoWorkspace.create(), StoreFixtures.twoClusters())) {
      try (WorkspaceStore store = WorkspaceStore.open(db())) {
        store.save(ws);
      } // a small save: the snapshot is written as the store closes
      assertThat(snapshot()).isEqualTo(rows()).isEqualTo(ws);
    }
  }

  @Test
  void aRowEditedBehindTheStoreIsLoadedNotTheSnapshot() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    List<Phone> phones = ws.clusters().get(0).phones();
    Phone first = phones.get(phones.size() - 1); // a generated one, with a description
    // another program changes one row's JSON and nothing else: no change set, same revision
    try (Connection c = raw();
        PreparedStatement ps = c.prepareStatement("UPDATE object SET json = replace(json, ?, ?)"
            + " WHERE collection = 'phones' AND name = ?")) {
      ps.setString(1, first.description());
      ps.setString(2, "edited behind the store");
      ps.setString(3, first.name());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(snapshot()).isNull();
    Workspace loaded = load();
    assertThat(loaded.clusters().get(0).phones().get(phones.size() - 1).description())
        .isEqualTo("edited behind the store");
    assertThat(loaded).isEqualTo(rows());
    // and the load wrote a new snapshot as the store closed: the next open reads the edit from it
    assertThat(snapshot()).isEqualTo(loaded);
  }

  @Test
  void rowsDeletedOrAClusterMovedBehindTheStoreAreSeen() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    sql("DELETE FROM object WHERE collection = 'endUsers'");
    assertThat(snapshot()).isNull();
    assertThat(load().clusters().get(0).endUsers()).isEmpty();
    sql("UPDATE cluster SET position = 1 - position");
    assertThat(snapshot()).isNull();
    Workspace swapped = load();
    assertThat(swapped.clusters().get(0).clusterId()).isEqualTo(ws.clusters().get(1).clusterId());
    assertThat(swapped).isEqualTo(rows());
  }

  /** The snapshot file's bytes changed by {@code change}, as a damaged disk or another program would. */
  private void damage(java.util.function.UnaryOperator<byte[]> change) {
    try {
      Path file = Snapshot.fileOf(db());
      java.nio.file.Files.write(file, change.apply(java.nio.file.Files.readAllBytes(file)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aDamagedChunkIsNotUsedAndTheSnapshotIsWrittenAgain() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    // one byte changed in the middle of the file: the database still says it is ready
    damage(b -> {
      b[b.length / 2] ^= 0x5A;
      return b;
    });
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
    assertThat(snapshot()).isEqualTo(ws);
  }

  @Test
  void aSnapshotCutShortMissingOrReplacedIsNotUsed() throws Exception {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    damage(b -> java.util.Arrays.copyOf(b, b.length / 2));
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
    damage(b -> java.util.Arrays.copyOf(b, b.length - 1));
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
    damage(b -> java.util.Arrays.copyOf(b, b.length + 10));
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
    damage(b -> new byte[] {0});
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
    java.nio.file.Files.delete(Snapshot.fileOf(db()));
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
    assertThat(snapshot()).isEqualTo(ws);
    // another store's snapshot file put in its place (another token)
    Path other = dir.resolve("other.db");
    try (WorkspaceStore store = WorkspaceStore.open(other)) {
      store.save(StoreFixtures.generated(5_500, 0, 0, 0));
    }
    java.nio.file.Files.copy(Snapshot.fileOf(other), Snapshot.fileOf(db()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
  }

  @Test
  void theConsolesOpenDecodesTheSnapshotWhileTheDatabaseOpensAndStillChecksIt() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    try (WorkspaceStore store = WorkspaceStore.openDefault(db(), () -> { throw new AssertionError("not empty"); })) {
      assertThat(store.load()).isEqualTo(ws);
    }
    // a row changed behind the store after the snapshot: the decoded file is not used
    sql("UPDATE object SET position = position WHERE collection = 'phones' AND position = 3");
    try (WorkspaceStore store = WorkspaceStore.openDefault(db(), () -> { throw new AssertionError("not empty"); })) {
      assertThat(Snapshot.readFile(db())).isNotNull();
      assertThat(store.load()).isEqualTo(ws);
    }
    assertThat(snapshot()).isEqualTo(ws);
  }

  @Test
  void theSnapshotFileIsOwnerOnly() throws Exception {
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(big());
    }
    if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(java.nio.file.Files.getPosixFilePermissions(Snapshot.fileOf(db())))
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void aSnapshotOfAnotherTokenIsNotUsed() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
    }
    sql("UPDATE snapshot_meta SET token = token + 1");
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(ws);
  }

  @Test
  void aWriteBetweenTheTokenAndTheSnapshotKeepsTheStaleSnapshotOut() {
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws); // pending: written at close
      Cluster tokyo = ws.cluster("TOKYO").orElseThrow();
      Phone p = tokyo.phones().get(0);
      try (WorkspaceStore other = WorkspaceStore.open(db())) {
        other.saveObject("TOKYO", ClusterCollection.PHONES, p.withModel("Cisco 8851"));
      }
    } // this close must not write ws as the snapshot: the rows moved on
    assertThat(snapshot()).isNull();
    Workspace loaded = load();
    assertThat(loaded.cluster("TOKYO").orElseThrow().phones().get(0).model()).isEqualTo("Cisco 8851");
    assertThat(snapshot()).isEqualTo(loaded);
  }

  @Test
  void editsThroughTheStoreMakeItStaleAndTheLastSaveIsTheNextSnapshot() {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
      Cluster c = ws.clusters().get(0);
      List<Phone> phones = new ArrayList<>(c.phones());
      phones.set(3, phones.get(3).withModel("Cisco 7841"));
      Workspace edited = ws.withCluster(c.withPhones(phones));
      store.save(edited);
      assertThat(snapshot()).isNull(); // a small save: written at close
      store.deleteObject(c.clusterId(), "phones", phones.get(5).name());
      assertThat(snapshot()).isNull();
    } // the delete came after the last save: nothing to write for it
    assertThat(snapshot()).isNull();
    Workspace loaded = load();
    assertThat(loaded.clusters().get(0).phones()).hasSize(ws.clusters().get(0).phones().size() - 1);
    assertThat(loaded.clusters().get(0).phones().get(3).model()).isEqualTo("Cisco 7841");
    assertThat(snapshot()).isEqualTo(loaded).isEqualTo(rows());
  }

  @Test
  void undoOfABulkImportIsLoadedFromTheRows() {
    Workspace first = big();
    Workspace second = StoreFixtures.twoClusters();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(first);
      store.save(second);
      assertThat(store.undoLatest()).isPresent();
    }
    assertThat(snapshot()).isNull();
    assertThat(load()).isEqualTo(first);
    assertThat(snapshot()).isEqualTo(first);
  }

  @Test
  void theSnapshotIsSmallBesideTheRows() throws Exception {
    Workspace ws = big();
    try (WorkspaceStore store = WorkspaceStore.open(db())) {
      store.save(ws);
      long jsonBytes;
      try (Statement st = store.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT sum(length(CAST(json AS BLOB))) FROM object")) {
        rs.next();
        jsonBytes = rs.getLong(1);
      }
      assertThat(java.nio.file.Files.size(Snapshot.fileOf(db()))).isPositive().isLessThan(jsonBytes / 5);
    }
  }

  @Test
  void everyCollectionOfTheModelHasASnapshotForm() {
    assertThat(Snapshot.fingerprint()).isNotNull();
    for (ClusterCollection<?> c : ClusterCollection.ALL) {
      assertThat(SnapshotCodec.of(c.type())).isNotNull();
    }
  }
}
