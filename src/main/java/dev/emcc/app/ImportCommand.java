package dev.emcc.app;

import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.InvalidWorkspaceException;
import dev.emcc.store.Messages;
import dev.emcc.store.SaveResult;
import dev.emcc.store.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emcc import FILE}: reads a workspace document strictly and makes it the stored
 * workspace, in one transaction that writes only what changed (and can be undone). A file that
 * cannot be read changes nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Read a workspace document (strictly) and make it the stored workspace. "
        + "Prints what changed. A malformed file changes nothing (exit 2).")
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The workspace document (JSON).")
  private Path file;

  @Mixin
  private DbOption db;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // Read and check everything before the store is even opened.
    Workspace workspace = WorkspaceFormat.read(file);
    Path dbFile = db.path();
    SaveResult result;
    try (WorkspaceStore store = WorkspaceStore.open(dbFile)) {
      result = store.save(workspace, "import " + file.getFileName());
    } catch (InvalidWorkspaceException e) {
      throw new BadInputException(file + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!result.changed()) {
      out.println(Messages.format("import.unchanged", file, dbFile));
    } else {
      out.println(Messages.format("import.done", file, dbFile, result.changeSetId()));
      ChangeLines.print(result, out);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
