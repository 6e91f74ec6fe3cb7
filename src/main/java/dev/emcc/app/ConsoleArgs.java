package dev.emcc.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises, without picocli, the command lines that only open the console: none at all, a
 * workspace file, or {@code --workspace FILE}. Building picocli's model of every subcommand costs
 * a few hundred milliseconds of class loading, which the console's first window must not wait for.
 * Anything else (a subcommand, an option, a missing file) goes to picocli, which also reports the
 * errors.
 */
final class ConsoleArgs {
  private ConsoleArgs() {}

  /** The console's launch arguments (empty, or the workspace file), or empty when picocli must decide. */
  static Optional<String[]> consoleLaunch(String[] args) {
    if (args.length == 0) {
      return Optional.of(new String[0]);
    }
    String file = null;
    if (args.length == 1 && args[0].startsWith("--workspace=")) {
      file = args[0].substring("--workspace=".length());
    } else if (args.length == 2 && args[0].equals("--workspace")) {
      file = args[1];
    } else if (args.length == 1) {
      file = args[0];
    }
    return file != null && looksLikeFile(file) && Files.isRegularFile(Path.of(file))
        ? Optional.of(new String[] {file})
        : Optional.empty();
  }

  /**
   * No subcommand's name holds a dot or a path separator, so such an argument is a file (the
   * desktop entry and the file association pass absolute paths). "-" starts an option.
   */
  static boolean looksLikeFile(String arg) {
    return !arg.isEmpty() && !arg.startsWith("-")
        && (arg.indexOf('.') >= 0 || arg.indexOf('/') >= 0 || arg.indexOf(File.separatorChar) >= 0);
  }
}
