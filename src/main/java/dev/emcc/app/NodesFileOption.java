package dev.emcc.app;

import dev.emcc.sync.NodesFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --nodes-file FILE}: where the registered nodes are kept (a picocli mixin). */
final class NodesFileOption {
  @Option(names = "--nodes-file", paramLabel = "FILE",
      description = "The nodes file (default: nodes.json beside the workspace database).")
  Path file;

  NodesFile load() throws IOException {
    return NodesFile.load(file != null ? file : NodesFile.defaultPath());
  }
}
