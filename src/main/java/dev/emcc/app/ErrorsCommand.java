package dev.emcc.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import dev.emcc.catalog.ErrorTexts;
import dev.emcc.format.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emcc errors QUERY}: looks up the seed's EMApp/EMService error codes by code, by the number
 * the phone shows, or by words in English or Japanese. Exit 0 when something matches, 1 when
 * nothing does.
 */
@Command(
    name = "errors",
    resourceBundle = "dev.emcc.app.messages",
    mixinStandardHelpOptions = true,
    description = {
        "Look up EMCC error codes (EMApp and EMService tables) by code, by the number the phone "
            + "shows, or by words in English or Japanese.",
        "Exit codes: 0 found, 1 nothing matches, 2 usage error."})
public final class ErrorsCommand implements Callable<Integer> {

  /** Output language. */
  enum Lang { en, ja }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", descriptionKey = "query",
      description = "A code (28), a number the phone shows (201) or words (untrusted ip, 信頼されない).")
  List<String> query;

  @Option(names = "--json", description = "Print a JSON array of the matching entries.")
  boolean json;

  @Option(names = "--lang", paramLabel = "en|ja",
      description = "Language of the text output and of the JSON note (default: the system's).")
  Lang lang;

  @Override
  public Integer call() throws JsonProcessingException {
    Locale locale = locale();
    ErrorTexts texts = ErrorTexts.of(locale);
    String q = String.join(" ", query);
    List<ErrorEntry> found;
    try {
      found = ErrorCatalog.standard().query(q);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    if (found.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("emcc errors: " + texts.message("errors.noMatch", q.strip()));
      err.flush();
      return ExitCodes.FINDINGS;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<ErrorJson> rows = found.stream().map(e -> ErrorJson.of(e, locale)).toList();
      out.println(Json.mapper().writeValueAsString(rows));
    } else {
      for (int i = 0; i < found.size(); i++) {
        if (i > 0) {
          out.println();
        }
        out.print(texts.format(found.get(i)));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Locale locale() {
    if (lang != null) {
      return lang == Lang.ja ? Locale.JAPANESE : Locale.ENGLISH;
    }
    return ErrorEntry.japanese(Locale.getDefault()) ? Locale.JAPANESE : Locale.ENGLISH;
  }

  /** The JSON shape of one entry: exactly these keys, in this order. */
  record ErrorJson(
      int code,
      String source,
      String phoneDisplay,
      String phoneDisplayJa,
      String shortDescription,
      String shortDescriptionJa,
      String cause,
      String causeJa,
      boolean internal,
      String note) {
    static ErrorJson of(ErrorEntry e, Locale locale) {
      return new ErrorJson(e.code(), e.source().json(), e.phoneDisplay(), e.phoneDisplayJa(),
          e.shortDescription(), e.shortDescriptionJa(), e.cause(), e.causeJa(), e.internal(),
          e.note(locale));
    }
  }
}
