package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.certs.TrainerSftpServer;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.sync.SyncBase;
import dev.emcc.ui.certs.CertsHome;
import dev.emcc.ui.simulator.AttemptRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the product writes is its owner's only (rw-------, folders it makes rwx------): the
 * SQLite stores with their WAL and shared-memory files (also after a checkpoint), the sync bases,
 * a node's data folder, key stores and their passwords, tokens, exports. The commands run as a
 * user runs them, on a umask that would give everyone read access (the JVM's, 022 here).
 */
class FileModesTest {
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static void assertOwnerOnly(Path... files) throws Exception {
    for (Path f : files) {
      assertThat(f).exists();
      assertThat(mode(f)).as("%s", f).isEqualTo(Files.isDirectory(f) ? "rwx------" : "rw-------");
    }
  }

  private static Path sibling(Path db, String suffix) {
    return db.resolveSibling(db.getFileName() + suffix);
  }

  /** Checkpoints the WAL from a connection of its own, as another process would. */
  private static void checkpoint(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  @Test
  void theWorkspaceStoreAndItsWalAreOwnerOnlyFromCreationAndAfterACheckpoint() throws Exception {
    Path db = dir.resolve("new/folders/workspace.db");
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 50))));
      assertOwnerOnly(dir.resolve("new"), dir.resolve("new/folders"), db, sibling(db, "-wal"), sibling(db, "-shm"));
      checkpoint(db);
      assertOwnerOnly(db, sibling(db, "-wal"), sibling(db, "-shm"));
      store.save(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 60))));
      assertOwnerOnly(db, sibling(db, "-wal"), sibling(db, "-shm"));
    }
    assertOwnerOnly(db);
    // a folder the user chose, that existed before, is theirs: left as it was (the files are tight)
    Path chosen = Files.createDirectories(dir.resolve("chosen"));
    Files.setPosixFilePermissions(chosen, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (WorkspaceStore store = WorkspaceStore.open(chosen.resolve("mine.db"))) {
      assertOwnerOnly(chosen.resolve("mine.db"));
    }
    assertThat(mode(chosen)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void aStoreLeftLooseByAnEarlierVersionIsTightenedOnOpenWithTheProductsFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("emcc-console"));
    Path db = folder.resolve("workspace.db");
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 2))));
    }
    // as an earlier version left it: 0644 files in a 0755 folder, a WAL held open by another process
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = other.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("INSERT INTO change_set (at, summary) VALUES ('2026-01-01T00:00:00Z', 'other process')");
      for (Path p : List.of(db, sibling(db, "-wal"), sibling(db, "-shm"))) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      try (WorkspaceStore store = WorkspaceStore.open(db)) {
        assertThat(store.load().clusters()).hasSize(1);
        assertOwnerOnly(folder, db, sibling(db, "-wal"), sibling(db, "-shm"));
      }
    }
  }

  @Test
  void everyFileOfTheCommandsNodesAndSyncIsOwnerOnly() throws Exception {
    List<Path> written = new ArrayList<>();
    Path ws = dir.resolve("in/ws.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 3))), ws);
    written.add(ws);

    // emcc import / export: the store, then an export into a folder that does not exist yet
    Path db = dir.resolve("console/workspace.db");
    assertThat(CliRun.of("import", ws.toString(), "--db", db.toString()).code()).isZero();
    Path export = dir.resolve("exports/out.json");
    assertThat(CliRun.of("export", "--out", export.toString(), "--db", db.toString()).code()).isZero();
    written.addAll(List.of(dir.resolve("console"), db, dir.resolve("exports"), export));

    // a node's data folder: identity key store, API token, its store (open while it runs)
    Path data = dir.resolve("node-data");
    try (RunningNode node = TestNodes.start(data, Fixtures.cluster("TOKYO", "OSAKA", 2))) {
      Path nodeDb = data.resolve(RunningNode.STORE_FILE);
      checkpoint(nodeDb);
      assertOwnerOnly(data, nodeDb, sibling(nodeDb, "-wal"), sibling(nodeDb, "-shm"),
          data.resolve("node-identity.p12"), data.resolve("api-token"));

      // nodes add (the token in nodes.json), sync push (the sync base beside the workspace)
      Path tokenFile = dir.resolve("token");
      Files.writeString(tokenFile, node.identity().token() + "\n");
      Path nodesFile = dir.resolve("console/nodes.json");
      String url = "https://127.0.0.1:" + node.port();
      CliRun added = CliRun.of("nodes", "add", url, "--fingerprint", node.identity().fingerprint(),
          "--token-file", tokenFile.toString(), "--nodes-file", nodesFile.toString());
      assertThat(added.code()).as(added.err()).isZero();
      // --force: the fixture is a minimal cluster with validation errors, not a configuration
      CliRun pushed = CliRun.of("sync", "push", "--force", "--node", url, "--cluster", "TOKYO", "--workspace",
          ws.toString(), "--nodes-file", nodesFile.toString());
      assertThat(pushed.code()).as(pushed.err()).isZero();
      CliRun fromDb = CliRun.of("sync", "push", "--force", "--node", url, "--cluster", "TOKYO", "--db",
          db.toString(), "--nodes-file", nodesFile.toString());
      assertThat(fromDb.code()).as(fromDb.err()).isZero();
      written.addAll(List.of(nodesFile, SyncBase.fileFor(ws), SyncBase.fileFor(db)));
    }

    // certs generate: the private keys' store in a new folder
    Files.writeString(dir.resolve("ks-password"), "secret\n");
    Path keys = dir.resolve("keys/tokyo-keys.p12");
    CliRun generated = CliRun.of("certs", "generate", "--cluster", "TOKYO", "--type", "tomcat", "--workspace",
        ws.toString(), "--key-store", keys.toString(), "--key-store-password-file", dir.resolve("ks-password").toString());
    assertThat(generated.code()).as(generated.err()).isZero();
    written.addAll(List.of(dir.resolve("keys"), keys));

    // the console's key store and the password it makes for it on first use
    CertsHome home = CertsHome.in(dir.resolve("console-data"), dir.resolve("hosts/known_hosts"));
    home.openKeys().save();
    written.addAll(List.of(dir.resolve("console-data"), home.keyStore(), home.keyStorePasswordFile()));

    // the trainer's SFTP server: its private host key
    Path root = Files.createDirectories(dir.resolve("sftp-root"));
    try (TrainerSftpServer server = TrainerSftpServer.start(
        new TrainerSftpServer.Config(root, "127.0.0.1", 0, "trainer", null, false))) {
      written.addAll(List.of(root.resolve(".emcc-sftp"), root.resolve(".emcc-sftp/host-key")));
    }

    // the simulator's log, exported
    Path log = dir.resolve("logs/attempts.csv");
    AttemptRecord.export(List.of(), log);
    written.addAll(List.of(dir.resolve("logs"), log));

    assertOwnerOnly(written.toArray(Path[]::new));
    // nothing else was left readable by others anywhere below
    try (var all = Files.walk(dir)) {
      for (Path p : all.filter(p -> !p.equals(dir) && !p.equals(root) && !p.equals(ws.getParent())
          && !p.getFileName().toString().equals("ks-password") && !p.getFileName().toString().equals("token")).toList()) {
        assertThat(mode(p)).as("%s", p).doesNotContain("r--", "r-x").endsWith("---");
      }
    }
  }
}
