package dev.emcc.ui.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * For {@code emcc bench} and the AppCDS training start: with the system property
 * {@code emcc.startupProbe} set, a window prints "EMCC-PROBE shown EPOCH_MS" when it is first
 * shown, and "EMCC-PROBE loaded EPOCH_MS" when its workspace first arrives. The value says when the
 * JVM ends: {@code exit} once shown, {@code loaded} once the workspace is loaded (a training start
 * that goes through the console's whole start path), {@code stay} never.
 */
public final class StartupProbe {
  public static final String PROPERTY = "emcc.startupProbe";

  private StartupProbe() {}

  /** Call before {@code stage.show()}. */
  public static void watch(Stage stage) {
    String mode = System.getProperty(PROPERTY);
    if (mode == null) {
      return;
    }
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
      @Override
      public void handle(WindowEvent e) {
        stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
        report("shown");
        if ("exit".equals(mode)) {
          System.exit(0);
        }
      }
    });
  }

  /** Reports the first change of {@code loaded} (the console's workspace). */
  public static void watchLoaded(ObservableValue<?> loaded) {
    String mode = System.getProperty(PROPERTY);
    if (mode == null) {
      return;
    }
    loaded.addListener(new ChangeListener<Object>() {
      @Override
      public void changed(ObservableValue<?> o, Object before, Object now) {
        o.removeListener(this);
        report("loaded");
        if ("loaded".equals(mode)) {
          // after the listeners of this load have run and the next pulse has shown it
          Platform.runLater(() -> System.exit(0));
        }
      }
    });
  }

  private static void report(String event) {
    System.out.println("EMCC-PROBE " + event + " " + System.currentTimeMillis());
    System.out.flush();
  }
}
