package dev.emcc.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.Messages;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emcc export --out FILE}: writes the stored workspace as a workspace document, atomically
 * (a temporary file moved in place). End users carry their {@code pinHash}, never a PIN.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write the whole stored workspace to a workspace document (JSON). "
        + "PINs are written only as pinHash; no secrets are written.")
final class ExportCommand implements Callable<Integer> {
  /** Keys that would carry a secret: the document must never hold one (a guard for future fields). */
  static final Set<String> SECRET_KEYS = Set.of("pin", "password", "token", "accessToken", "apiToken", "secret");

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The document to write.")
  private Path out;

  @Mixin
  private DbOption db;

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path dbFile = db.path();
    if (!Files.isRegularFile(dbFile)) {
      throw new BadInputException(Messages.format("export.noDatabase", dbFile));
    }
    Workspace workspace;
    try (WorkspaceStore store = WorkspaceStore.open(dbFile)) {
      workspace = store.load();
    }
    String secret = findSecret(WorkspaceFormat.toTree(workspace), "$");
    if (secret != null) {
      throw new IllegalStateException(Messages.format("export.secret", secret));
    }
    WorkspaceFormat.write(workspace, out);
    spec.commandLine().getOut().println(Messages.format("export.done", dbFile, out, workspace.clusters().size()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The JSON path of the first key that would carry a secret, or null. */
  static String findSecret(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (SECRET_KEYS.contains(e.getKey())) {
          return path + "." + e.getKey();
        }
        String inner = findSecret(e.getValue(), path + "." + e.getKey());
        if (inner != null) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inner = findSecret(node.get(i), path + "[" + i + "]");
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }
}
