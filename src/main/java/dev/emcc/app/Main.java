package dev.emcc.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of the one jar. With a subcommand it is the {@code emcc} command line; without one
 * it opens the console. Not an {@code Application} subclass: JavaFX is on the class path.
 */
@Command(
    name = "emcc",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "EMCC Console: configure, check and simulate Extension Mobility Cross Cluster.",
    subcommands = {
      CommandLine.HelpCommand.class,
      AxlCommand.class,
      BatCommand.class,
      BenchCommand.class,
      CertsCommand.class,
      DemoCommand.class,
      EmApiCommand.class,
      ErrorsCommand.class,
      ExportCommand.class,
      GenerateCommand.class,
      ImportCommand.class,
      NodesCommand.class,
      ScreenshotCommand.class,
      ServeNodeCommand.class,
      SchemaCommand.class,
      SftpServerCommand.class,
      SimulateCommand.class,
      SyncCommand.class,
      UndoCommand.class,
      ValidateCommand.class,
    })
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--workspace", paramLabel = "FILE",
      description = "Open the console on this workspace file (edits are saved to it) instead of its store.")
  private java.nio.file.Path workspace;

  // The desktop entry and the file association start the console as "emcc-console FILE".
  @CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
      description = "A workspace file to open in the console (same as --workspace FILE).")
  private java.nio.file.Path file;

  public static void main(String[] args) {
    // the console's own command lines skip picocli, so that its window is not kept waiting
    java.util.Optional<String[]> console = ConsoleArgs.consoleLaunch(args);
    if (console.isPresent()) {
      try {
        dev.emcc.ui.app.ConsoleLauncher.launch(console.get());
      } catch (dev.emcc.ui.app.ConsoleLauncher.NoDisplayException e) {
        System.err.println("emcc: error: " + e.getMessage());
        System.exit(ExitCodes.IO);
      }
      System.exit(ExitCodes.OK);
    }
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

  /** No subcommand: open the console window (returns when it is closed). */
  @Override
  public void run() {
    if (workspace == null) {
      workspace = file;
    }
    if (workspace != null && !java.nio.file.Files.isRegularFile(workspace)) {
      if (file != null && !ConsoleArgs.looksLikeFile(file.toString())) {
        throw new BadInputException(UnknownCommand.message(spec.commandLine(), file.toString()));
      }
      throw new BadInputException("no such file: " + workspace);
    }
    if (workspace != null) {
      dev.emcc.ui.app.ConsoleLauncher.launch(workspace.toString());
    } else {
      dev.emcc.ui.app.ConsoleLauncher.launch();
    }
  }
}
