package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc nodes} and {@code emcc sync} against real nodes on 127.0.0.1. */
class NodeCommandsTest {
  @TempDir
  Path dir;
  RunningNode tokyo;
  RunningNode osaka;
  Path nodesFile;
  Path workspace;


  CliRun run(String... args) {
    return CliRun.of(args);
  }

  @BeforeEach
  void start() throws Exception {
    tokyo = TestNodes.start(dir.resolve("tokyo"), null);
    osaka = TestNodes.start(dir.resolve("osaka"), Fixtures.cluster("OSAKA", "TOKYO", 2));
    nodesFile = dir.resolve("console/nodes.json");
    workspace = dir.resolve("console/workspace.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 3))), workspace);
  }

  @AfterEach
  void stop() throws Exception {
    tokyo.close();
    osaka.close();
  }

  String url(RunningNode n) {
    return "https://127.0.0.1:" + n.port();
  }

  CliRun add(RunningNode n, String fingerprint) throws Exception {
    Path tokenFile = dir.resolve("token-" + n.port());
    Files.writeString(tokenFile, n.identity().token() + "\n");
    return run("nodes", "add", url(n), "--fingerprint", fingerprint, "--token-file", tokenFile.toString(),
        "--nodes-file", nodesFile.toString());
  }

  @Test
  void registerPushChangePlanPull() throws Exception {
    CliRun added = add(tokyo, tokyo.identity().fingerprint().replace(":", "").toLowerCase());
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nodesFile))).isEqualTo("rw-------");
    assertThat(add(osaka, osaka.identity().fingerprint()).out()).contains("OSAKA");
    CliRun list = run("nodes", "list", "--nodes-file", nodesFile.toString());
    assertThat(list.out()).contains(url(tokyo)).contains("OSAKA").doesNotContain(tokyo.identity().token());

    // --force: the fixture is a minimal cluster with validation errors (see invalidPush... below)
    CliRun push = run("sync", "push", "--force", "--node", url(tokyo), "--cluster", "TOKYO", "--workspace",
        workspace.toString(), "--nodes-file", nodesFile.toString());
    assertThat(push.code()).as(push.err()).isZero();
    assertThat(push.out()).contains("pushed");
    assertThat(tokyo.server().state().cluster().phones()).hasSize(3);
    // the token never lands in the workspace or its sync state
    assertThat(Files.readString(workspace)).doesNotContain(tokyo.identity().token());
    java.nio.file.Path baseFile = dev.emcc.sync.SyncBase.fileFor(workspace);
    assertThat(baseFile).exists();
    for (java.nio.file.Path f : List.of(baseFile, baseFile.resolveSibling(baseFile.getFileName() + "-wal"))) {
      if (Files.exists(f)) {
        // the base is SQLite: read its bytes as Latin-1 so any text in it can be searched
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .doesNotContain(tokyo.identity().token());
      }
    }

    String phone = Fixtures.phoneName("TOKYO", 1);
    Files.writeString(workspace, Files.readString(workspace).replace("\"phone 1\"", "\"lobby\""));
    CliRun plan = run("sync", "plan", "--node", url(tokyo), "--workspace", workspace.toString(), "--json",
        "--nodes-file", nodesFile.toString());
    assertThat(plan.code()).as(plan.err()).isZero();
    JsonNode item = Json.mapper().readTree(plan.out()).path("plans").get(0).path("items").get(0);
    assertThat(item.path("name").asText()).isEqualTo(phone);
    assertThat(item.path("action").asText()).isEqualTo("push");
    assertThat(item.path("fields").get(0).path("field").asText()).isEqualTo("description");
    CliRun text = run("sync", "plan", "--node", url(tokyo), "--workspace", workspace.toString(),
        "--nodes-file", nodesFile.toString());
    assertThat(text.out()).contains("phones/" + phone).contains("description: \"phone 1\" -> \"lobby\"");

    Path other = dir.resolve("elsewhere/workspace.json");
    CliRun pull = run("sync", "pull", "--node", url(tokyo), "--workspace", other.toString(), "--nodes-file",
        nodesFile.toString());
    assertThat(pull.code()).as(pull.err()).isZero();
    assertThat(WorkspaceFormat.read(other).cluster("TOKYO").orElseThrow().phones()).hasSize(3);
    // the pull says what validation finds in the workspace it saved, as the other editing commands do
    java.util.List<dev.emcc.rules.Diagnostic> found = dev.emcc.rules.Validator.standard().validate(WorkspaceFormat.read(other));
    long errors = found.stream().filter(d -> d.severity() == dev.emcc.rules.Severity.ERROR).count();
    long warnings = found.stream().filter(d -> d.severity() == dev.emcc.rules.Severity.WARNING).count();
    assertThat(errors).isPositive(); // TOKYO alone: its remote cluster OSAKA is not in this workspace
    assertThat(pull.out()).containsPattern("Validation: " + errors + " errors?, " + warnings + " warnings? in the saved workspace");
    Path third = dir.resolve("third/workspace.json");
    CliRun json = run("sync", "pull", "--node", url(tokyo), "--workspace", third.toString(), "--nodes-file",
        nodesFile.toString(), "--json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode validation = Json.mapper().readTree(json.out()).findValue("validation");
    assertThat(validation.path("errors").asLong()).isEqualTo(errors);
    assertThat(validation.path("warnings").asLong()).isEqualTo(warnings);
  }

  @Test
  void aWrongFingerprintIsRefusedAtRegistration() throws Exception {
    CliRun r = add(tokyo, osaka.identity().fingerprint());
    assertThat(r.code()).isEqualTo(ExitCodes.IO);
    // it says that nothing was registered, and which fingerprint the node has
    assertThat(r.err()).contains("was NOT registered").contains(tokyo.identity().fingerprint())
        .contains(osaka.identity().fingerprint()).doesNotContain("is registered");
    assertThat(r.out()).isEmpty();
    assertThat(Files.exists(nodesFile)).isFalse();
    // a wrong token: nothing registered either
    Path wrongToken = dir.resolve("wrong-token");
    Files.writeString(wrongToken, "not-the-token\n");
    CliRun token = run("nodes", "add", url(tokyo), "--fingerprint", tokyo.identity().fingerprint(), "--token-file",
        wrongToken.toString(), "--nodes-file", nodesFile.toString());
    assertThat(token.code()).isEqualTo(ExitCodes.IO);
    assertThat(token.err()).contains("was NOT registered").contains("401").contains(wrongToken.toString());
    assertThat(Files.exists(nodesFile)).isFalse();
    // a node that is not there: nothing registered
    int closed = tokyo.port();
    Path tokenFile = dir.resolve("token-" + closed);
    tokyo.close();
    CliRun gone = run("nodes", "add", "https://127.0.0.1:" + closed, "--fingerprint", tokyo.identity().fingerprint(),
        "--token-file", tokenFile.toString(), "--nodes-file", nodesFile.toString());
    assertThat(gone.code()).isEqualTo(ExitCodes.IO);
    assertThat(gone.err()).contains("was NOT registered").contains("connection refused").contains(":" + closed);
    assertThat(Files.exists(nodesFile)).isFalse();
    tokyo = TestNodes.start(dir.resolve("tokyo"), null);
    CliRun bad = add(tokyo, "not-a-fingerprint");
    assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void syncNeedsARegisteredNodeAndOneWorkspace() throws Exception {
    CliRun unregistered = run("sync", "plan", "--node", url(tokyo), "--workspace", workspace.toString(),
        "--nodes-file", nodesFile.toString());
    assertThat(unregistered.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(unregistered.err()).contains("nodes add");
    CliRun both = run("sync", "plan", "--node", url(tokyo), "--workspace", "a.json", "--db", "b.db");
    assertThat(both.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void serveNodeRefusesBadOptionsBeforeStarting() throws Exception {
    CliRun small = run("serve-node", "--data", dir.resolve("n").toString(), "--port", "0", "--body-limit", "10");
    assertThat(small.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(small.err()).contains("--body-limit");
    Path two = dir.resolve("two.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 1),
        Fixtures.cluster("OSAKA", "TOKYO", 1))), two);
    CliRun which = run("serve-node", "--data", dir.resolve("n").toString(), "--port", "0", "--init", two.toString());
    assertThat(which.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(which.err()).contains("--cluster").contains("TOKYO, OSAKA");
    assertThat(Files.exists(dir.resolve("n"))).isFalse();
  }

  @Test
  void conflictsExitWith1() throws Exception {
    add(osaka, osaka.identity().fingerprint());
    Path ws = dir.resolve("c/ws.json");
    WorkspaceFormat.write(Workspace.of(List.of(Fixtures.cluster("OSAKA", "TOKYO", 2))), ws);
    Files.writeString(ws, Files.readString(ws).replace("\"phone 0\"", "\"mine\""));
    // never synced, and both sides hold the phone with different values: a conflict, nothing written
    CliRun push = run("sync", "push", "--force", "--cluster", "OSAKA", "--workspace", ws.toString(), "--nodes-file",
        nodesFile.toString());
    assertThat(push.code()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(push.out()).contains("CONFLICT").contains("\"mine\"").contains("\"phone 0\"");
    assertThat(osaka.server().state().cluster().phones().get(0).description()).isEqualTo("phone 0");
  }

  @Test
  void aClusterWithValidationErrorsIsNotPushedWithoutForce() throws Exception {
    add(tokyo, tokyo.identity().fingerprint());
    Path demo = dir.resolve("console/demo.json");
    WorkspaceFormat.write(dev.emcc.demo.DemoWorkspace.create(), demo);
    Path broken = dir.resolve("console/broken.json");
    Files.writeString(broken, Files.readString(demo)
        .replace("\"defaultTftpServer\" : \"cucm-pub.tokyo.example.com\"", "\"defaultTftpServer\" : null"));
    assertThat(Files.readString(broken)).isNotEqualTo(Files.readString(demo));

    CliRun refused = run("sync", "push", "--node", url(tokyo), "--cluster", "TOKYO", "--workspace", broken.toString(),
        "--nodes-file", nodesFile.toString());
    assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(refused.err()).contains("Not pushed: cluster TOKYO has 1 validation error(s):")
        .contains("emcc.tftpServerMissing").contains("--force");
    assertThat(refused.out()).isEmpty();
    assertThat(tokyo.server().state().revision()).isZero();

    CliRun json = run("sync", "push", "--json", "--node", url(tokyo), "--cluster", "TOKYO", "--workspace",
        broken.toString(), "--nodes-file", nodesFile.toString());
    assertThat(json.code()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode diagnostics = Json.mapper().readTree(json.out()).path("diagnostics");
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0).path("rule").asText()).isEqualTo("emcc.tftpServerMissing");
    assertThat(tokyo.server().state().revision()).isZero();

    CliRun forced = run("sync", "push", "--force", "--node", url(tokyo), "--cluster", "TOKYO", "--workspace",
        broken.toString(), "--nodes-file", nodesFile.toString());
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(forced.err()).contains("Pushing cluster TOKYO with 1 validation error(s) (--force):")
        .contains("emcc.tftpServerMissing");
    assertThat(tokyo.server().state().cluster().emccFeatureConfig().defaultTftpServer()).isNull();

    // TOKYO fixed, OSAKA broken: OSAKA's errors don't stop a push of TOKYO (only TOKYO is sent)
    Files.writeString(broken, Files.readString(demo)
        .replace("\"defaultTftpServer\" : \"cucm-pub.osaka.example.com\"", "\"defaultTftpServer\" : null"));
    CliRun other = run("sync", "push", "--node", url(tokyo), "--cluster", "TOKYO", "--workspace", broken.toString(),
        "--nodes-file", nodesFile.toString());
    assertThat(other.code()).as(other.err()).isZero();
    assertThat(other.err()).doesNotContain("validation error");
    assertThat(tokyo.server().state().cluster().emccFeatureConfig().defaultTftpServer())
        .isEqualTo("cucm-pub.tokyo.example.com");
  }
}
