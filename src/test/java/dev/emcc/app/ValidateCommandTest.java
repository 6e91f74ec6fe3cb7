package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.InterclusterServiceProfile;
import dev.emcc.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir
  Path dir;


  private CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path write(Workspace ws) throws Exception {
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(ws, file);
    return file;
  }

  /** The demo with EMCC inactive in Osaka's intercluster service profile (one error, 201). */
  private static Workspace emccInactive() {
    Workspace demo = DemoWorkspace.create();
    return demo.withCluster(demo.clusters().get(1).withInterclusterServiceProfile(
        new InterclusterServiceProfile(false, true, "EMCC_TRUNK", true, "EMCC_TRUNK")));
  }

  @Test
  void validWorkspaceExitsZero() throws Exception {
    CliRun r = run("validate", write(DemoWorkspace.create()).toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).isEqualTo("No problems found.");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void errorsExitOneWithOneLineEach() throws Exception {
    CliRun r = run("validate", write(emccInactive()).toString());
    assertThat(r.code()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("ERROR OSAKA $.clusters[1].interclusterServiceProfile.emccActive"
        + " [icsp.emccInactive]").endsWith("(predicted error 201)");
    assertThat(lines.get(1)).isEqualTo("1 error, 0 warnings, 0 notes.");
  }

  @Test
  void japaneseText() throws Exception {
    CliRun r = run("validate", write(emccInactive()).toString(), "--lang", "ja");
    assertThat(r.out()).contains("エラー OSAKA").contains("クラスタ間サービス プロファイル").contains("予測されるエラー 201");
  }

  @Test
  void jsonHasExactlyTheAgreedKeys() throws Exception {
    CliRun r = run("validate", write(emccInactive()).toString(), "--json");
    assertThat(r.code()).isEqualTo(1);
    JsonNode doc = Json.mapper().readTree(r.out());
    assertThat(fields(doc)).containsExactly("diagnostics");
    JsonNode d = doc.get("diagnostics").get(0);
    assertThat(fields(d)).containsExactly("severity", "rule", "cluster", "path", "message", "messageJa",
        "predictedError", "fix");
    assertThat(fields(d.get("fix"))).containsExactly("window", "object", "field");
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("rule").asText()).isEqualTo("icsp.emccInactive");
    assertThat(d.get("predictedError").asInt()).isEqualTo(201);
    assertThat(d.get("fix").get("window").asText()).isEqualTo("interclusterServiceProfile");
    assertThat(d.get("fix").get("object").isNull()).isTrue();
  }

  @Test
  void warningsAloneExitZero() throws Exception {
    Workspace demo = DemoWorkspace.create();
    var tokyo = demo.clusters().get(0);
    var phones = new ArrayList<>(tokyo.phones());
    phones.set(0, phones.get(0).withEnableExtensionMobility(false));
    CliRun r = run("validate", write(demo.withCluster(tokyo.withPhones(phones))).toString(), "--json");
    assertThat(r.code()).isZero();
    JsonNode d = Json.mapper().readTree(r.out()).get("diagnostics").get(0);
    assertThat(d.get("severity").asText()).isEqualTo("warning");
    assertThat(d.get("predictedError").asInt()).isEqualTo(22);
  }

  @Test
  void malformedDocumentExitsTwoWithOneLine() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"formatVersion\": 1, \"clusters\": [{\"clusterId\": \"A\", \"colour\": 1}]}",
        StandardCharsets.UTF_8);
    CliRun r = run("validate", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).contains("colour").contains("$.clusters[0]");
  }

  @Test
  void missingFileIsBadInput() {
    CliRun r = run("validate", dir.resolve("nothing.json").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nothing.json");
  }

  @Test
  void help() {
    CliRun r = run("validate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--json").contains("--lang");
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
