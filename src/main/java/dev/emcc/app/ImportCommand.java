package dev.emcc.app;

import dev.emcc.edit.EditMessages;
import dev.emcc.edit.EditRefusedException;
import dev.emcc.edit.EditResult;
import dev.emcc.edit.EditService;
import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.InvalidWorkspaceException;
import dev.emcc.store.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emcc import FILE}: reads a workspace document strictly and makes it the stored
 * workspace through the edit service: checked by the validation rules, one transaction that
 * writes only what changed (and can be undone). A file that cannot be read changes nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Read a workspace document (strictly) and make it the stored workspace. "
        + "Prints what changed and what validation finds. A malformed file changes nothing (exit 2).")
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The workspace document (JSON).")
  private Path file;

  @Mixin
  private DbOption db;

  @Option(names = "--refuse-errors",
      description = "Save nothing (exit 2) if validation finds errors in the document; they are listed.")
  private boolean refuseErrors;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // Read and check everything before the store is even opened.
    Workspace workspace = WorkspaceFormat.read(file);
    Path dbFile = db.path();
    Proposal proposal = Proposal.of(workspace, Origin.importOf(file));
    EditResult result;
    try (EditService edits = EditService.database(dbFile)) {
      result = edits.apply(refuseErrors ? proposal.refusingNewErrors() : proposal);
    } catch (InvalidWorkspaceException | EditRefusedException e) {
      throw new BadInputException(file + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!result.changed()) {
      out.println(Messages.format("import.unchanged", file, dbFile));
    } else {
      out.println(Messages.format("import.done", file, dbFile, result.saved().changeSetId()));
      ChangeLines.print(result.saved(), out);
    }
    out.println(EditMessages.checked(Locale.getDefault(), result));
    out.flush();
    return ExitCodes.OK;
  }
}
