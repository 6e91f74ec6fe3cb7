package dev.emcc.ui;

import dev.emcc.model.Cluster;
import dev.emcc.ui.kit.I18n;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** What every view needs: the model, the texts and the status bar's message. */
public final class UiContext {
  private final ConsoleModel model;
  private final I18n i18n;
  private final StringProperty status = new SimpleStringProperty("");
  /** Shows a window at an object (the shell sets it): for links inside views that have no shell. */
  private java.util.function.BiConsumer<String, String> reveal = (window, object) -> { };

  public UiContext(ConsoleModel model, I18n i18n) {
    this.model = model;
    this.i18n = i18n;
    i18n.localeProperty().addListener((o, before, now) -> restateStatus());
  }

  public ConsoleModel model() {
    return model;
  }

  public I18n i18n() {
    return i18n;
  }

  public Cluster cluster() {
    return model.cluster().orElse(null);
  }

  /** Shows a window, at an object of it (null: the window as it is). */
  public void reveal(String window, String object) {
    reveal.accept(window, object);
  }

  /** Where {@link #reveal} goes: the shell's {@code reveal}. */
  public void onReveal(java.util.function.BiConsumer<String, String> to) {
    reveal = to;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public void status(String key, Object... args) {
    statusKey = key;
    statusArgs = args;
    status.set(i18n.text(key, args));
    statusSaid = status.get();
  }

  private String statusKey;
  private Object[] statusArgs;
  private String statusSaid;

  /** After a language switch the status message is said again in the new language (unless set otherwise since). */
  private void restateStatus() {
    if (statusKey != null && status.get().equals(statusSaid)) {
      status(statusKey, statusArgs);
    }
  }

  /** The answers to "unsaved changes". */
  public enum Unsaved { SAVE, DISCARD, CANCEL }

  private boolean closing;

  /** Runs a question about unsaved edits asked because the console is closing (it says so). */
  public boolean whileClosing(java.util.function.BooleanSupplier ask) {
    closing = true;
    try {
      return ask.getAsBoolean();
    } finally {
      closing = false;
    }
  }

  /** Asks what to do with unsaved edits of an object (its name, or a window title); Save is the default. */
  public Unsaved askUnsaved(String what) {
    ButtonType save = new ButtonType(i18n.text("unsaved.save"), javafx.scene.control.ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType(i18n.text("unsaved.discard"), javafx.scene.control.ButtonBar.ButtonData.NO);
    ButtonType cancel = new ButtonType(i18n.text("unsaved.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.text(closing ? "unsaved.textClosing" : "unsaved.text", what), save, discard, cancel);
    alert.setTitle(i18n.text("app.title"));
    alert.setHeaderText(i18n.text("unsaved.header"));
    ownedByTheActiveWindow(alert);
    ButtonType answer = alert.showAndWait().orElse(cancel);
    return answer == save ? Unsaved.SAVE : answer == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
  }

  /** Asks before something destructive; OK is not the default button. */
  public boolean confirm(String key, Object... args) {
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.text(key, args), ButtonType.OK, ButtonType.CANCEL);
    alert.setTitle(i18n.text("app.title"));
    alert.setHeaderText(null);
    ownedByTheActiveWindow(alert);
    return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  /** Over the window the user works in, which gets the focus back when the question is answered. */
  public static void ownedByTheActiveWindow(javafx.scene.control.Dialog<?> dialog) {
    javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isFocused).findFirst()
        .ifPresent(dialog::initOwner);
  }
}
