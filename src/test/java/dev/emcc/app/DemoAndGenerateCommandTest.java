package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAndGenerateCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.execute(out, err, args);
  }

  @Test
  void demoWritesTheDemoWorkspace() throws Exception {
    Path file = dir.resolve("demo.json");
    assertThat(run("demo", "--out", file.toString())).isEqualTo(ExitCodes.OK);
    assertThat(WorkspaceFormat.read(file)).isEqualTo(DemoWorkspace.create());
    assertThat(out.toString()).contains("demo.json", "2 clusters (TOKYO, OSAKA)", "12 phones");
    assertThat(Files.readString(file)).contains("\"pinHash\"").doesNotContain("\"pin\"");
  }

  @Test
  void generateWritesWhatWasAskedFor() throws Exception {
    Path file = dir.resolve("big.json");
    int code = run("generate", "--phones", "300", "--profiles", "250", "--users", "120", "--emcc-devices", "30",
        "--clusters", "3", "--seed", "9", "--out", file.toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    Workspace ws = WorkspaceFormat.read(file);
    assertThat(ws.clusters()).hasSize(3);
    assertThat(ws.clusters().stream().mapToInt(c -> c.phones().size()).sum()).isEqualTo(300);
    assertThat(ws.clusters().stream().mapToInt(c -> c.deviceProfiles().size()).sum()).isEqualTo(250);
    assertThat(ws.clusters().stream().mapToInt(c -> c.endUsers().size()).sum()).isEqualTo(120);
    assertThat(ws.clusters().stream().mapToInt(c -> c.emccDevices().names().size()).sum()).isEqualTo(30);
    assertThat(ws.clusters()).extracting(Cluster::clusterId).containsExactly("TOKYO", "OSAKA", "NAGOYA");
    assertThat(out.toString()).contains("300 phones", "250 device profiles", "120 users", "30 EMCC devices");
  }

  @Test
  void sameSeedWritesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    assertThat(run("generate", "--phones", "50", "--users", "20", "--profiles", "20", "--out", a.toString())).isZero();
    assertThat(run("generate", "--phones", "50", "--users", "20", "--profiles", "20", "--out", b.toString())).isZero();
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void impossibleCountsAreBadInput() {
    Path file = dir.resolve("x.json");
    int code = run("generate", "--phones", "100002", "--emcc-devices", "10000", "--out", file.toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString().strip()).startsWith("emcc generate: error: too many devices").doesNotContain("\n");
    assertThat(file).doesNotExist();
  }

  @Test
  void anExistingFileIsKeptWithoutForce() throws Exception {
    Path file = dir.resolve("mine.json");
    Files.writeString(file, "precious");
    assertThat(run("demo", "--out", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("exists already", "--force");
    assertThat(Files.readString(file)).isEqualTo("precious");
    assertThat(run("demo", "--out", file.toString(), "--force")).isEqualTo(ExitCodes.OK);
    assertThat(WorkspaceFormat.read(file).clusters()).hasSize(2);
  }

  @Test
  void missingOutIsAUsageError() {
    assertThat(run("generate", "--phones", "5")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("--out");
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties ja = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/dev/emcc/demo/messages.properties");
        var b = getClass().getResourceAsStream("/dev/emcc/demo/messages_ja.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      ja.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(ja.keySet()).isEqualTo(en.keySet());
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString()).contains("--emcc-devices", "--clusters", "--seed", "60000");
  }
}
