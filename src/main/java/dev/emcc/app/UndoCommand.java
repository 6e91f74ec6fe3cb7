package dev.emcc.app;

import dev.emcc.edit.EditService;
import dev.emcc.store.Messages;
import dev.emcc.store.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code emcc undo}: reverts the latest change of the workspace database through its history (the
 * edit service's undo, as the console's Edit > Undo), whoever made it, as a new change, so that
 * running it again walks further back.
 */
@Command(name = "undo", mixinStandardHelpOptions = true,
    description = {"Undo the latest change of the workspace database that is not itself an undo: an import, "
        + "a command run with --db, a sync pull, an edit in the console. The undo is a new change in the history, "
        + "so running the command again undoes the change before. Prints what changed.",
        "Exit 1 when there is nothing to undo (the history is empty, undone already, or pruned)."})
final class UndoCommand implements Callable<Integer> {
  @Mixin
  private DbOption db;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    Path dbFile = db.path();
    if (!Files.isRegularFile(dbFile)) {
      throw new BadInputException(Messages.format("export.noDatabase", dbFile));
    }
    Optional<WorkspaceStore.Undone> undone;
    try (EditService edits = EditService.database(dbFile)) {
      undone = edits.undoLatest();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (undone.isEmpty()) {
      out.println(Messages.format("undo.nothing", dbFile));
      out.flush();
      return ExitCodes.FINDINGS;
    }
    WorkspaceStore.Undone u = undone.get();
    out.println(Messages.format("undo.done", u.undoneId(), u.undoneSummary(), dbFile, u.result().changeSetId()));
    ChangeLines.print(u.result(), out);
    out.flush();
    return ExitCodes.OK;
  }
}
