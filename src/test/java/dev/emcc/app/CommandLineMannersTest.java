package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.sim.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says when it is used wrong or asked about itself: a mistyped command,
 * --version, help texts, the console started without a display; and the teaching scenarios
 * handed out as files.
 */
class CommandLineMannersTest {
  @TempDir
  Path dir;

  @Test
  void aMistypedCommandGetsTheCommandItResembles() {
    CliRun alone = CliRun.of("valdate");
    assertThat(alone.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(alone.err().strip()).isEqualTo("emcc: error: \"valdate\" is no command (and no file). Did you mean: emcc validate?");

    CliRun withFile = CliRun.of("valdate", "demo.json");
    assertThat(withFile.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(withFile.err()).contains("\"valdate\" is no command (and no file). Did you mean: emcc validate?");

    // a file name that is no file stays "no such file"
    CliRun file = CliRun.of(dir.resolve("missing.json").toString());
    assertThat(file.err()).contains("no such file: ").doesNotContain("Did you mean");
    // a subcommand's own usage error names that command's help, the top level's "emcc --help"
    assertThat(CliRun.of("errors", "--nope").err()).contains("(see: emcc errors --help)");
    assertThat(CliRun.of("--nope").err()).contains("(see: emcc --help)").doesNotContain("emcc emcc");
  }

  @Test
  void versionIsTheProjectsVersion() {
    CliRun v = CliRun.of("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out().strip()).matches("EMCC Console \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(v.out().strip()).isEqualTo("EMCC Console " + Version.get());
  }

  @Test
  void helpParagraphsAreWholeSentences() {
    String help = CliRun.of("bench", "--help").out();
    // picocli wraps each paragraph; none may end in the middle of a sentence
    String description = help.substring(help.indexOf('\n', help.indexOf("Usage:")) + 1, help.indexOf("      --"));
    List<String> paragraphs = new ArrayList<>();
    StringBuilder p = new StringBuilder();
    for (String line : description.split("\n")) {
      if (line.startsWith(" ")) {
        continue; // the usage line's continuation
      }
      p.append(line).append(' ');
      if (line.strip().endsWith(".")) {
        paragraphs.add(p.toString().strip());
        p.setLength(0);
      }
    }
    assertThat(p.toString().strip()).as("a paragraph that does not end with a full stop").isEmpty();
    assertThat(paragraphs).anyMatch(s -> s.startsWith("Measures load/save") && s.endsWith("(medians of repeated runs)."));
  }

  @Test
  void aTeachingScenarioIsExportedToEditAndRun() throws Exception {
    String name = "e2-wrong-pin";
    byte[] shipped = ScenarioCatalog.bytes(name).orElseThrow();
    CliRun printed = CliRun.of("simulate", "--export-scenario", name);
    assertThat(printed.code()).isZero();
    assertThat(printed.out()).isEqualTo(new String(shipped, java.nio.charset.StandardCharsets.UTF_8));

    Path file = dir.resolve("lab/wrong-pin.json");
    CliRun written = CliRun.of("simulate", "--export-scenario", name, "--out", file.toString());
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(Files.readAllBytes(file)).isEqualTo(shipped);
    assertThat(written.out()).contains(file.toString());

    CliRun again = CliRun.of("simulate", "--export-scenario", name, "--out", file.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(again.err()).contains("exists already");
    Files.writeString(file, "edited");
    assertThat(CliRun.of("simulate", "--export-scenario", name, "--out", file.toString(), "--force").code()).isZero();
    assertThat(Files.readAllBytes(file)).isEqualTo(shipped);

    // the file runs as the scenario does: alice's wrong PIN fails the login (exit 1)
    CliRun run = CliRun.of("simulate", file.toString());
    assertThat(run.code()).isEqualTo(CliRun.of("simulate", "--scenario", name).code()).isEqualTo(ExitCodes.FINDINGS);

    assertThat(CliRun.of("simulate", "--export-scenario", "nope").err()).contains("no teaching scenario named nope");
    assertThat(CliRun.of("simulate", "--scenario", name, "--out", file.toString()).code()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  /** The real entry point in a JVM of its own, without DISPLAY: one line, no stack trace, no JavaFX warning. */
  @Test
  void theConsoleWithoutADisplaySaysSoInOneLine() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Demcc.store=" + dir.resolve("console.db"), "-Duser.home=" + dir, Main.class.getName());
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    List<String> err = Files.readAllLines(dir.resolve("err.txt"));
    assertThat(err).as(String.join("\n", err)).containsExactly(
        "emcc: error: the console needs a display and DISPLAY is not set (the commands work without one: --help lists them)");
    assertThat(p.exitValue()).isEqualTo(ExitCodes.IO);
    assertThat(Files.readString(dir.resolve("out.txt"))).isEmpty();
  }
}
