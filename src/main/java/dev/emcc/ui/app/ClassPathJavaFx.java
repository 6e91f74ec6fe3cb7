package dev.emcc.ui.app;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * JavaFX on the class path (one jar for the console and the command line, see
 * {@code dev.emcc.app.Main}) makes every start log "Unsupported JavaFX configuration: classes
 * were loaded from 'unnamed module'". The console is built and tested that way on purpose, so
 * that one warning is dropped; JavaFX's other messages pass.
 */
public final class ClassPathJavaFx {
  // j.u.l keeps loggers only weakly: this reference keeps the filter in place
  private static final Logger JAVAFX = Logger.getLogger("javafx");

  private ClassPathJavaFx() {}

  /** Call before the JavaFX toolkit starts. */
  public static void quietUnsupportedConfigurationWarning() {
    Filter previous = JAVAFX.getFilter();
    JAVAFX.setFilter(r -> !(r.getMessage() != null && r.getMessage().startsWith("Unsupported JavaFX configuration"))
        && (previous == null || previous.isLoggable(r)));
  }
}
