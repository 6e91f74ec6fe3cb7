package dev.emcc.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the one jar. With a subcommand it is the {@code emcc} command line; without one
 * it opens the console. Not an {@code Application} subclass: JavaFX is on the class path.
 */
@Command(
    name = "emcc",
    mixinStandardHelpOptions = true,
    version = "EMCC Console 0.1",
    description = "EMCC Console: configure, check and simulate Extension Mobility Cross Cluster.",
    subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ErrorsCommand.class, GenerateCommand.class,
        SimulateCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (tests call this). */
  public static int run(String... args) {
    CommandLine cli = commandLine();
    return cli.execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(ErrorHandler::usage);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Japanese must print whatever the platform's default charset is (a C/POSIX locale would
    // turn it into "?"); tests replace these writers with their own.
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
