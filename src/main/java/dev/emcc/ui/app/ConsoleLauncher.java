package dev.emcc.ui.app;

import dev.emcc.ui.ConsoleModel;
import java.util.function.Consumer;
import javafx.application.Application;

/**
 * Starts the console from the command line's entry point (which must not extend Application:
 * JavaFX is on the class path, not the module path).
 */
public final class ConsoleLauncher {
  private static volatile Consumer<ConsoleModel> wiring = m -> {};

  private ConsoleLauncher() {}

  /**
   * Opens the console and returns when its window is closed. {@code args}: an optional workspace
   * file. Throws {@link NoDisplayException} where no window can be shown.
   */
  public static void launch(String... args) {
    ClassPathJavaFx.quietUnsupportedConfigurationWarning();
    try {
      Application.launch(ConsoleApp.class, args);
    } catch (RuntimeException | LinkageError e) {
      // GTK's glass: "Unable to open DISPLAY" (an X server that is not there); without DISPLAY
      // any failure to start the toolkit is that (GTK's libraries missing as well, for one)
      String display = System.getenv("DISPLAY");
      if (display == null || display.isEmpty() || String.valueOf(e.getMessage()).contains("DISPLAY")) {
        throw new NoDisplayException(display);
      }
      throw e;
    }
  }

  /** The console's window cannot be shown: no display. */
  public static final class NoDisplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoDisplayException(String display) {
      super(display == null || display.isEmpty()
          ? "the console needs a display and DISPLAY is not set (the commands work without one: --help lists them)"
          : "the console cannot open the display " + display + " (the commands work without one: --help lists them)");
    }
  }

  /** How the application wires the model (store, validator) before the window shows. */
  public static void setWiring(Consumer<ConsoleModel> w) {
    wiring = w == null ? m -> {} : w;
  }

  static Consumer<ConsoleModel> wiring() {
    return wiring;
  }
}
