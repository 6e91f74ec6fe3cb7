package dev.emcc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emcc.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code emcc bench --quick --json} runs end to end and reports every figure with its baseline (no timing checks). */
class BenchCommandTest {

  @Test
  void quickJsonReportsEveryFigureBesideItsBaseline() throws Exception {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("bench", "--quick", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertThat(root.path("machine").path("processors").asInt()).isPositive();
    assertThat(root.path("machine").path("javaVersion").asText()).isNotEmpty();
    assertThat(root.path("sizes").path("phones").asInt()).isEqualTo(BenchSizes.quick().phones());
    List<String> ids = new ArrayList<>();
    for (JsonNode f : root.path("figures")) {
      ids.add(f.path("id").asText());
      if (f.path("skipped").isNull()) {
        JsonNode m = f.path("measured");
        assertThat(m.path("n").asInt()).as(f.toString()).isPositive();
        assertThat(m.path("min").asDouble()).as(f.toString()).isLessThanOrEqualTo(m.path("median").asDouble());
        assertThat(m.path("median").asDouble()).as(f.toString()).isLessThanOrEqualTo(m.path("max").asDouble());
        assertThat(f.path("baseline").path("n").asInt()).as(f.toString()).isPositive();
        assertThat(f.path("baseline").path("description").asText()).isNotEmpty();
        assertThat(f.path("ratio").isNumber()).as(f.toString()).isTrue();
        if (!f.path("goal").isNull()) {
          assertThat(f.path("met").isBoolean()).as(f.toString()).isTrue();
        }
      } else {
        assertThat(f.path("skipped").asText()).isNotEmpty();
      }
    }
    assertThat(ids).contains("store.load", "store.save", "format.import", "format.export", "validate",
        "push.full", "push.delta", "push.delta.file", "push.full.jdbcFloor", "filter.keystroke", "startup.console",
        "startup.appcds", "memory.rss", "sim.logins", "sim.logins.live", "store.load.cold.rows",
        "store.history.size", "push.file.first");
    // the test JVM has headless Monocle on its class path: the window figures are measured, not skipped
    for (JsonNode f : root.path("figures")) {
      if (List.of("startup.console", "memory.rss", "filter.keystroke").contains(f.path("id").asText())) {
        assertThat(f.path("skipped").isNull()).as(f.toString()).isTrue();
      }
    }
    // the first load in a fresh JVM (a child JVM, like the console's), measured whenever children run
    assertThat(ids).contains("store.load.cold");
    for (JsonNode f : root.path("figures")) {
      if (f.path("id").asText().equals("store.load.cold")) {
        assertThat(f.path("skipped").isNull()).as(f.toString()).isTrue();
      }
    }
  }

  @Test
  void onlyAndDisplayTakeKnownValuesAndOnlyMeasuresThoseGroups() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine bad = Main.commandLine();
    bad.setErr(new PrintWriter(err, true));
    assertThat(bad.execute("bench", "--quick", "--only", "startup,nonsense")).isEqualTo(2);
    assertThat(err.toString()).contains("--only");
    assertThat(bad.execute("bench", "--quick", "--display", "wayland")).isEqualTo(2);
    assertThat(err.toString()).contains("--display");

    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("bench", "--quick", "--json", "--only", "sim,filter")).isZero();
    List<String> ids = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(out.toString()).path("figures")) {
      ids.add(f.path("id").asText());
    }
    assertThat(ids).containsExactlyInAnyOrder("filter.keystroke", "sim.logins", "sim.logins.live");
  }
}
