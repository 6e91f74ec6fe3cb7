package dev.emcc.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out FILE [--force]}: the workspace file a command writes (a picocli mixin). */
final class OutFileOptions {
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The workspace file to write.")
  Path file;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  /** The file, once it is sure not to overwrite one by accident (exists, no --force: bad input). */
  Path writable() {
    WorkspaceFiles.refuseOverwrite(file, force);
    return file;
  }
}
