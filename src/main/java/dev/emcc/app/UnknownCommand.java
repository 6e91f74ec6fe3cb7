package dev.emcc.app;

import java.util.List;
import picocli.CommandLine;

/** "emcc valdate": a word that is no command (and no file) gets the command it resembles most. */
final class UnknownCommand {
  private UnknownCommand() {}

  static String message(CommandLine top, String word) {
    // picocli's own suggestions for an unknown subcommand (cosine similarity of the names)
    List<String> like = new CommandLine.UnmatchedArgumentException(top, List.of(word)).getSuggestions();
    String text = "\"" + word + "\" is no command (and no file)";
    return like.isEmpty() ? text + " (see: emcc --help)"
        : text + ". Did you mean: emcc " + like.get(0) + "?";
  }
}
