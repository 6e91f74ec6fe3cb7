package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.Json;
import dev.emcc.sim.ScenarioCatalog;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc simulate}: exit codes, trace, JSON result, catalog, storm. */
class SimulateCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CliRun.execute(out, err, args);
  }

  Path copy(Path dir, String scenario) throws Exception {
    Path file = dir.resolve(scenario + ".json");
    Files.write(file, ScenarioCatalog.bytes(scenario).orElseThrow());
    return file;
  }

  @Test
  void aSuccessfulLoginExitsZeroWithAReadableTrace(@TempDir Path dir) throws Exception {
    int code = run("simulate", copy(dir, "ok-emcc-login").toString());
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Scenario: alice (home TOKYO) logs in on an Osaka phone")
        .contains("phone → visitingEmApp")
        .contains("Result: success, nonSecure EMCC. Home TOKYO, visiting OSAKA, EMCC device EMCC1")
        .contains("Codec preference: G.729");
  }

  @Test
  void aFailedLoginExitsOneAndShowsTheCode(@TempDir Path dir) throws Exception {
    int code = run("simulate", copy(dir, "e2-wrong-pin").toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("Result: failure, code 2.").contains("Wrong PIN for alice: failed attempt 1 of 3");
  }

  @Test
  void theJsonResultIsTheDocument(@TempDir Path dir) throws Exception {
    int code = run("simulate", copy(dir, "e33-no-free-emcc-device").toString(), "--json");
    assertThat(code).isEqualTo(1);
    var tree = Json.mapper().readTree(out.toString());
    assertThat(tree.get("result").asText()).isEqualTo("failure");
    assertThat(tree.get("code").asInt()).isEqualTo(33);
    assertThat(tree.get("phoneDisplay").asText()).contains("33");
    assertThat(tree.get("emccStatus").isNull()).isTrue();
    assertThat(tree.get("steps").size()).isGreaterThan(5);
  }

  @Test
  void japaneseTrace() {
    int code = run("simulate", "--scenario", "e31-user-emcc-off", "--lang", "ja");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("結果: 失敗、エラー コード 31").contains("クラスタ間の Extension Mobility の有効化");
  }

  @Test
  void aBadScenarioFileExitsTwoWithPathAndPosition(@TempDir Path dir) throws Exception {
    Path file = copy(dir, "ok-emcc-login");
    Files.writeString(file, Files.readString(file).replace("\"viaProxy\" : false", "\"viaProxy\" : \"no\""));
    int code = run("simulate", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).startsWith("emcc simulate: error: " + file).contains("$.attempt.viaProxy")
        .matches("(?s).*json:\\d+:\\d+: .*");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingFileExitsTwo(@TempDir Path dir) {
    assertThat(run("simulate", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
  }

  @Test
  void listShowsTheCatalog() {
    assertThat(run("simulate", "--list")).isZero();
    assertThat(out.toString()).contains("ok-emcc-login").contains("e39-no-tftp-server")
        .contains("alice enters a wrong PIN");
  }

  @Test
  void runsACatalogScenarioByName() {
    assertThat(run("simulate", "--scenario", "e46-home-non-secure")).isEqualTo(1);
    assertThat(out.toString()).contains("code 46");
    assertThat(run("simulate", "--scenario", "no-such-scenario")).isEqualTo(2);
    assertThat(err.toString()).contains("no teaching scenario named no-such-scenario");
  }

  @Test
  void exactlyOneModeIsRequired() {
    assertThat(run("simulate")).isEqualTo(2);
    assertThat(run("simulate", "--list", "--scenario", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("give exactly one of");
  }

  @Test
  void aSmallStormReportsRateAndPercentiles() throws Exception {
    assertThat(run("simulate", "--storm", "300", "--users", "50", "--phones", "20")).isZero();
    assertThat(out.toString()).contains("Login storm: 300 logins, 50 users, 20 phones.")
        .containsPattern("\\d+ logins/s").contains("p50").contains("p95").contains("p99");
    out.getBuffer().setLength(0);
    assertThat(run("simulate", "--storm", "100", "--users", "10", "--phones", "10", "--json")).isZero();
    var tree = Json.mapper().readTree(out.toString());
    assertThat(tree.get("logins").asInt()).isEqualTo(100);
    assertThat(tree.get("failures").asInt()).isZero();
    assertThat(tree.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(tree.get("p50Ms").asDouble());
    assertThat(run("simulate", "--storm", "0")).isEqualTo(2);
  }
}
