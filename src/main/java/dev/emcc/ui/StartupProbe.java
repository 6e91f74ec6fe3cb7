package dev.emcc.ui;

import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * For {@code emcc bench}: with the system property {@code emcc.startupProbe} set, a window prints
 * "EMCC-PROBE shown EPOCH_MS" when it is first shown, and (value {@code stay}) "EMCC-PROBE loaded
 * EPOCH_MS" when its workspace first arrives; value {@code exit} ends the JVM once shown.
 */
public final class StartupProbe {
  public static final String PROPERTY = "emcc.startupProbe";

  private StartupProbe() {}

  /** Call before {@code stage.show()}. {@code loaded} may be null (nothing to load). */
  public static void watch(Stage stage, ObservableValue<?> loaded) {
    String mode = System.getProperty(PROPERTY);
    if (mode == null) {
      return;
    }
    stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
      @Override
      public void handle(WindowEvent e) {
        stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
        report("shown");
        if ("exit".equals(mode)) {
          System.exit(0);
        }
      }
    });
    if (loaded != null) {
      loaded.addListener(new javafx.beans.value.ChangeListener<Object>() {
        @Override
        public void changed(ObservableValue<?> o, Object before, Object now) {
          o.removeListener(this);
          report("loaded");
        }
      });
    }
  }

  private static void report(String event) {
    System.out.println("EMCC-PROBE " + event + " " + System.currentTimeMillis());
    System.out.flush();
  }
}
