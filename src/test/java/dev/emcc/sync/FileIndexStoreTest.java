package dev.emcc.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file index in the sync base: elements changed in place are saved as patches of their
 * entries, read back as the same index by another process; a part is written whole again when its
 * patches grow or its length changes; a damaged patch makes the part read from the file again.
 */
class FileIndexStoreTest {
  @TempDir
  Path dir;
  private final Workspace ws = WorkspaceGenerator.generate(800, 20, 20, 10, 2, 7);
  private final String id = ws.clusters().get(0).clusterId();

  @Test
  void changesInPlaceArePatchesReadBackAsTheSameIndex() throws Exception {
    Path path = dir.resolve("ws.json");
    LocalWorkspace.FileWorkspace local = scannedOnce(path);
    long first = SyncBase.load(local.baseFile()).fileIndex().version();
    assertThat(count(local, "file_index_patch")).isZero();
    String before = phonesRow(local);

    WorkspaceFormat.write(ws.withCluster(described(ws.clusters().get(0), 5, "patched")), path);
    FileObjects.Kept kept = local.objects(id, SyncBase.load(local.baseFile()));
    FileIndex saved = SyncBase.load(local.baseFile()).fileIndex();
    assertThat(saved.version()).isGreaterThan(first);
    assertThat(kept.changes().sinceIndex()).isEqualTo(first);
    assertThat(kept.changes().index()).isEqualTo(saved.version());
    assertThat(count(local, "file_index_patch")).isEqualTo(1);
    assertThat(phonesRow(local)).isEqualTo(before);
    // nothing changed: nothing written, the same version
    local.objects(id, SyncBase.load(local.baseFile()));
    assertThat(SyncBase.load(local.baseFile()).fileIndex().version()).isEqualTo(saved.version());

    FileIndex reread = anotherProcess(local);
    assertThat(reread.version()).isEqualTo(saved.version());
    assertThat(reread.parts()).isEqualTo(saved.parts());
    assertThat(FileObjects.scan(Files.readAllBytes(path), id, reread).read()).isZero();

    // a quarter of the phones changed: the part is written whole again, its patches gone
    WorkspaceFormat.write(ws.withCluster(described(ws.clusters().get(0), 2, "many")), path);
    local.objects(id, SyncBase.load(local.baseFile()));
    assertThat(count(local, "file_index_patch")).isZero();
    assertThat(phonesRow(local)).isNotEqualTo(before);
    assertThat(anotherProcess(local).parts()).isEqualTo(SyncBase.load(local.baseFile()).fileIndex().parts());
  }

  @Test
  void aDamagedPatchMakesThePartReadAgainAndNoSectionTrustIt() throws Exception {
    Path path = dir.resolve("ws.json");
    LocalWorkspace.FileWorkspace local = scannedOnce(path);
    Workspace edited = ws.withCluster(described(ws.clusters().get(0), 50, "patched"));
    WorkspaceFormat.write(edited, path);
    local.objects(id, SyncBase.load(local.baseFile()));
    try (Connection c = connect(local); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE file_index_patch SET data = X'0000000500000001'");
    }
    FileIndex reread = anotherProcess(local);
    assertThat(reread.version()).isEqualTo(-1);
    FileObjects.Scan scan = FileObjects.scan(Files.readAllBytes(path), id, reread);
    assertThat(scan.read()).isEqualTo(edited.clusters().get(0).phones().size());
    ScannedObjects.assertSameAsTheWholeCluster(scan.objects(), edited.clusters().get(0));
  }

  /** The workspace written to {@code path} and scanned once: its index kept. */
  LocalWorkspace.FileWorkspace scannedOnce(Path path) throws Exception {
    WorkspaceFormat.write(ws, path);
    LocalWorkspace.FileWorkspace local = (LocalWorkspace.FileWorkspace) LocalWorkspace.file(path);
    local.objects(id, SyncBase.load(local.baseFile()));
    return local;
  }

  /** Every {@code step}-th phone with another description. */
  static Cluster described(Cluster c, int step, String description) {
    List<Phone> phones = new ArrayList<>(c.phones());
    for (int i = 0; i < phones.size(); i += step) {
      phones.set(i, PlanOfTheChangeTest.described(phones.get(i), description + " " + i));
    }
    return c.withPhones(phones);
  }

  /** The index as another process reads it (the cached base made stale). */
  FileIndex anotherProcess(LocalWorkspace.FileWorkspace local) throws Exception {
    try (Connection c = connect(local); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
    }
    return SyncBase.load(local.baseFile()).fileIndex();
  }

  static Connection connect(LocalWorkspace.FileWorkspace local) throws Exception {
    return new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite:" + local.baseFile());
  }

  static int count(LocalWorkspace.FileWorkspace local, String table) throws Exception {
    try (Connection c = connect(local); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      return rs.getInt(1);
    }
  }

  static String phonesRow(LocalWorkspace.FileWorkspace local) throws Exception {
    try (Connection c = connect(local); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT hex(data) FROM file_index WHERE part LIKE '%phones'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
