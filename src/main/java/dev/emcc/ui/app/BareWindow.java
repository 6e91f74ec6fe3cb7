package dev.emcc.ui.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of the start-up benchmark: a bare JavaFX window of the console's size, started the
 * same way (a launcher class that does not extend Application), reporting through {@link StartupProbe}.
 */
public final class BareWindow {
  private BareWindow() {}

  public static void main(String[] args) {
    Application.launch(App.class, args);
  }

  /** The empty window. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      stage.setScene(new Scene(new StackPane(), 1280, 800));
      stage.setTitle("bare");
      StartupProbe.watch(stage);
      stage.show();
    }
  }
}
