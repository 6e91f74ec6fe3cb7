package dev.emcc.ui.kit;

import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

/** Labels and buttons whose text follows the language switch: the views' common building blocks. */
public final class Controls {
  private Controls() {}

  /** A label showing the text of {@code key}. */
  public static Label label(I18n i18n, String key) {
    Label l = new Label();
    l.textProperty().bind(i18n.bind(key));
    return l;
  }

  /** A button showing the text of {@code key}, with the node id tests and styles find it by. */
  public static Button button(I18n i18n, String key, String id, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(i18n.bind(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  /**
   * How a non-editable choice box shows its items: text only. Such a box never turns typed text back
   * into an item, so {@code fromString} has nothing to parse and answers null.
   */
  public static <T> StringConverter<T> shownAs(Function<T, String> text) {
    return new StringConverter<>() {
      @Override public String toString(T item) {
        return item == null ? "" : text.apply(item);
      }

      @Override public T fromString(String typed) {
        return null;
      }
    };
  }

  /**
   * A combo box whose items are shown through the language (its converter or cell factory): after
   * a switch the shown value and the popup's rows are drawn again (JavaFX keeps their old text).
   */
  public static <T> void relabelOnSwitch(javafx.scene.control.ComboBox<T> combo, I18n i18n) {
    i18n.localeProperty().addListener((o, a, b) -> {
      combo.setButtonCell(new javafx.scene.control.ListCell<>() {
        @Override protected void updateItem(T item, boolean empty) {
          super.updateItem(item, empty);
          setText(empty || item == null ? null : combo.getConverter().toString(item));
        }
      });
      javafx.util.Callback<javafx.scene.control.ListView<T>, javafx.scene.control.ListCell<T>> cells = combo.getCellFactory();
      combo.setCellFactory(null);
      combo.setCellFactory(cells);
    });
  }
}
