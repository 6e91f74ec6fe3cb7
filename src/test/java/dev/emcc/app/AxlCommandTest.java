package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc axl pull|plan|push} against a node over real HTTPS, the certificate pinned on first use. */
class AxlCommandTest {
  @TempDir
  Path dir;

  @Test
  void pullPinsOnFirstUseThenPlanAndPushWriteTheWorkspacesChange() throws Exception {
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    try (RunningNode node = TestNodes.start(dir.resolve("node"), tokyo)) {
      Path password = dir.resolve("axl.txt");
      Files.writeString(password, DemoWorkspace.EM_API_PASSWORD + "\n");
      Path ws = dir.resolve("ws.json");
      List<String> common = List.of("--host", "127.0.0.1", "--port", Integer.toString(node.port()), "--user",
          DemoWorkspace.EM_API_USER, "--password-file", password.toString(), "--cluster", DemoWorkspace.TOKYO, "--pins",
          dir.resolve("pins").toString(), "--state-dir", dir.resolve("state").toString(), "--workspace", ws.toString());

      CliRun first = CliRun.of(args("pull", common));
      assertThat(first.code()).isEqualTo(ExitCodes.IO);
      String fingerprint = node.identity().fingerprint().replace(":", "");
      assertThat(first.err()).contains("First contact").contains(fingerprint);
      assertThat(Files.exists(ws)).isFalse();

      List<String> accepting = new ArrayList<>(common);
      accepting.addAll(List.of("--accept-fingerprint", node.identity().fingerprint()));
      CliRun pulled = CliRun.of(args("pull", accepting));
      assertThat(pulled.code()).as(pulled.err()).isZero();
      assertThat(pulled.out()).contains("Pinned the certificate").contains("TOKYO pulled from 127.0.0.1:")
          .contains("Not read over AXL").contains("node services (Service Activation) of cucm-pub.tokyo.example.com");
      Workspace read = WorkspaceFormat.read(ws);
      assertThat(read.cluster(DemoWorkspace.TOKYO).orElseThrow().phones()).hasSize(6);

      CliRun nothing = CliRun.of(args("plan", common));
      assertThat(nothing.code()).as(nothing.err()).isZero();
      assertThat(nothing.out()).contains("nothing to push");

      Cluster c = read.cluster(DemoWorkspace.TOKYO).orElseThrow();
      Phone p = c.phones().get(0);
      List<Phone> phones = new ArrayList<>(c.phones());
      phones.set(0, new Phone(p.name(), "lobby phone", p.model(), p.protocol(), p.enableExtensionMobility(),
          p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
      WorkspaceFormat.write(read.withCluster(c.withPhones(phones)), ws);

      CliRun plan = CliRun.of(args("plan", common));
      assertThat(plan.out()).contains("update Phone " + p.name()).contains("description (<description>)")
          .contains("\"lobby phone\"");
      CliRun push = CliRun.of(args("push", common));
      assertThat(push.code()).as(push.err()).isZero();
      assertThat(push.out()).contains("Pushed 1 step(s)");
      assertThat(node.server().state().get(new ObjectKey("phones", p.name())).orElseThrow().value()
          .get("description").asText()).isEqualTo("lobby phone");
      assertThat(CliRun.of(args("plan", common)).out()).contains("nothing to push");
    }
  }

  @Test
  void aPullIntoTheDatabaseIsOneChangeOfItsHistoryThatUndoTakesBack() throws Exception {
    Workspace demo = DemoWorkspace.create();
    Cluster tokyo = demo.cluster(DemoWorkspace.TOKYO).orElseThrow();
    Phone p = tokyo.phones().get(0);
    List<Phone> phones = new ArrayList<>(tokyo.phones());
    phones.set(0, new Phone(p.name(), "changed on the cluster", p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
    try (RunningNode node = TestNodes.start(dir.resolve("node"), tokyo.withPhones(phones))) {
      Path password = dir.resolve("axl.txt");
      Files.writeString(password, DemoWorkspace.EM_API_PASSWORD);
      Path db = dir.resolve("ws.db");
      Path doc = dir.resolve("demo.json");
      WorkspaceFormat.write(demo, doc);
      assertThat(CliRun.of("import", doc.toString(), "--db", db.toString()).code()).isZero();
      CliRun pulled = CliRun.of("axl", "pull", "--host", "127.0.0.1", "--port", Integer.toString(node.port()), "--user",
          DemoWorkspace.EM_API_USER, "--password-file", password.toString(), "--cluster", DemoWorkspace.TOKYO, "--pins",
          dir.resolve("pins").toString(), "--state-dir", dir.resolve("state").toString(), "--db", db.toString(),
          "--accept-fingerprint", node.identity().fingerprint());
      assertThat(pulled.code()).as(pulled.err()).isZero();
      assertThat(stored(db).cluster(DemoWorkspace.TOKYO).orElseThrow().phones().get(0).description())
          .isEqualTo("changed on the cluster");
      // only what changed is the pull's: the rest of the demo (both clusters) is as imported
      assertThat(stored(db).withCluster(tokyo)).isEqualTo(demo);
      CliRun undo = CliRun.of("undo", "--db", db.toString());
      assertThat(undo.code()).as(undo.err()).isZero();
      assertThat(undo.out()).contains("AXL pull of TOKYO");
      assertThat(stored(db)).isEqualTo(demo);
    }
  }

  private static Workspace stored(Path db) {
    try (dev.emcc.store.WorkspaceStore store = dev.emcc.store.WorkspaceStore.open(db)) {
      return store.load();
    }
  }

  @Test
  void anUnsupportedVersionAndAMissingPasswordAreBadInput() throws Exception {
    Path password = dir.resolve("p.txt");
    Files.writeString(password, "x");
    CliRun version = CliRun.of("axl", "pull", "--host", "127.0.0.1", "--user", "u", "--password-file",
        password.toString(), "--cluster", "X", "--axl-version", "9.1", "--workspace", dir.resolve("w.json").toString());
    assertThat(version.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(version.err()).contains("AXL version 9.1 is not supported");
    CliRun noPassword = CliRun.of("axl", "plan", "--host", "127.0.0.1", "--user", "u", "--cluster", "X",
        "--workspace", dir.resolve("w.json").toString());
    assertThat(noPassword.code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  private static String[] args(String verb, List<String> common) {
    List<String> a = new ArrayList<>(List.of("axl", verb));
    a.addAll(common);
    return a.toArray(String[]::new);
  }
}
