package dev.emcc.ui;

import java.util.function.Consumer;
import javafx.application.Application;

/**
 * Starts the console from the command line's entry point (which must not extend Application:
 * JavaFX is on the class path, not the module path).
 */
public final class ConsoleLauncher {
  private static volatile Consumer<ConsoleModel> wiring = m -> {};

  private ConsoleLauncher() {}

  /** Opens the console and returns when its window is closed. {@code args}: an optional workspace file. */
  public static void launch(String... args) {
    Application.launch(ConsoleApp.class, args);
  }

  /** How the application wires the model (store, validator) before the window shows. */
  public static void setWiring(Consumer<ConsoleModel> w) {
    wiring = w == null ? m -> {} : w;
  }

  static Consumer<ConsoleModel> wiring() {
    return wiring;
  }
}
