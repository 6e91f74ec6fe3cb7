package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines open the console without picocli, and which picocli must see. */
class ConsoleArgsTest {
  @TempDir Path dir;

  @Test
  void noArgumentsOpenTheConsole() {
    assertThat(ConsoleArgs.consoleLaunch(new String[0])).hasValueSatisfying(a -> assertThat(a).isEmpty());
  }

  @Test
  void anExistingWorkspaceFileOpensTheConsoleOnIt() throws Exception {
    Path file = Files.writeString(dir.resolve("lab.emcc.json"), "{}");
    String f = file.toString();
    assertThat(ConsoleArgs.consoleLaunch(new String[] {f})).hasValueSatisfying(a -> assertThat(a).containsExactly(f));
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"--workspace", f}))
        .hasValueSatisfying(a -> assertThat(a).containsExactly(f));
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"--workspace=" + f}))
        .hasValueSatisfying(a -> assertThat(a).containsExactly(f));
  }

  @Test
  void subcommandsOptionsAndMissingFilesGoToPicocli() {
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"errors", "37"})).isEmpty();
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"validate"})).isEmpty();
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"--help"})).isEmpty();
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"-V"})).isEmpty();
    // picocli reports the missing file (exit 2)
    assertThat(ConsoleArgs.consoleLaunch(new String[] {dir.resolve("missing.json").toString()})).isEmpty();
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"--workspace", dir.resolve("missing.json").toString()}))
        .isEmpty();
  }

  @Test
  void aFileNamedLikeASubcommandStillMeansTheSubcommand() throws Exception {
    // "bench" holds neither a dot nor a separator: picocli runs the subcommand, as before
    Files.writeString(dir.resolve("bench"), "{}");
    assertThat(ConsoleArgs.consoleLaunch(new String[] {"bench"})).isEmpty();
  }

  @Test
  void picocliStillReportsAMissingWorkspaceAsBadInput() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setErr(new java.io.PrintWriter(err));
    int exit = cli.execute(dir.resolve("missing.json").toString());
    assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(err.toString()).contains("missing.json");
  }
}
