package dev.emcc.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.format.DocumentException;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Messages;
import dev.emcc.rules.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emcc validate FILE [--json] [--lang en|ja]}: runs every validation rule over a workspace
 * document. Exit 1 when any diagnostic is an error, 0 otherwise, 2 for a malformed document.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Checks a workspace document against the EMCC rules and predicts the login errors it would cause.",
        "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 malformed document."})
public final class ValidateCommand implements Callable<Integer> {

  /** Languages of the text output. */
  public enum Lang { en, ja }

  @Parameters(index = "0", paramLabel = "FILE", description = "The workspace document (JSON).")
  Path file;

  @Option(names = "--json", description = "Print {\"diagnostics\": [...]} as JSON.")
  boolean json;

  @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en",
      description = "Language of the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Lang lang;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws DocumentException, IOException {
    Workspace workspace = WorkspaceFormat.read(file);
    List<Diagnostic> diagnostics = Validator.standard().validate(workspace);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(diagnostics));
    } else {
      printText(out, diagnostics);
    }
    out.flush();
    return Validator.hasErrors(diagnostics) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  static String toJson(List<Diagnostic> diagnostics) throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("diagnostics", diagnostics);
    return Json.mapper().writeValueAsString(doc);
  }

  /** One diagnostic as a line of text in a language ("en" or "ja"): severity, cluster, path, rule, message. */
  static String line(Diagnostic d, String l) {
    StringBuilder line = new StringBuilder()
        .append(Messages.text(l, "severity." + d.severity().json())).append(' ')
        .append(d.cluster()).append(' ')
        .append(d.path()).append(" [").append(d.rule()).append("] ")
        .append("ja".equals(l) ? d.messageJa() : d.message());
    if (d.predictedError() != null) {
      line.append(" (").append(Messages.text(l, "validate.predicted", String.valueOf(d.predictedError()))).append(')');
    }
    return line.toString();
  }

  private void printText(PrintWriter out, List<Diagnostic> diagnostics) {
    String l = lang.name();
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (Diagnostic d : diagnostics) {
      switch (d.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> notes++;
      }
      out.println(line(d, l));
    }
    out.println(diagnostics.isEmpty() ? Messages.text(l, "validate.none")
        : Messages.text(l, "validate.summary", errors, warnings, notes));
  }
}
