package dev.emcc.app;

import dev.emcc.store.WorkspaceStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option of every command that uses the workspace database (a picocli mixin). */
public final class DbOption {
  @Option(names = "--db", paramLabel = "DB",
      description = "The workspace database (default: workspace.db in the user's data directory, "
          + "such as ~/.local/share/emcc-console).")
  private Path db;

  /** The chosen file, or {@link WorkspaceStore#defaultPath()}. */
  public Path path() {
    return db != null ? db : WorkspaceStore.defaultPath();
  }
}
