package dev.emcc.app;

import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The emcc command line in English for a test class ({@code @RegisterExtension}): the default
 * locale set for each test and put back after it; each {@link #run} keeps its own output.
 */
final class EnglishCli implements BeforeEachCallback, AfterEachCallback {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Locale saved;

  @Override
  public void beforeEach(ExtensionContext context) {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Locale.setDefault(saved);
  }

  /** Runs emcc with these arguments; the last run's output is {@link #out()} and {@link #err()}. */
  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return CliRun.execute(out, err, args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
