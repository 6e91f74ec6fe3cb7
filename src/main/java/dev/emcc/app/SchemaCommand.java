package dev.emcc.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.format.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emcc schema}: every window of the console with its fields (key, labels, kind, default,
 * limits, external names), as text, JSON or the Markdown of docs/fields.md.
 */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
        "Print every window of the console with its fields: JSON key, labels, kind, default, limits "
            + "(required, length, range, shape) and names in other programs (AXL, BAT).",
        "Exit codes: 0 ok, 2 usage error."})
public final class SchemaCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print {\"windows\": [...]} as JSON, labels and help in both languages.")
  boolean json;

  @Option(names = "--markdown", description = "Print the field reference of docs/fields.md (both languages).")
  boolean markdown;

  @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en",
      description = "Language of the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ValidateCommand.Lang lang;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws JsonProcessingException {
    if (json && markdown) {
      throw new BadInputException("--json and --markdown do not go together: choose one");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(SchemaReference.json()));
    } else if (markdown) {
      out.print(SchemaReference.markdown());
    } else {
      out.print(SchemaReference.text(lang.name()));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
