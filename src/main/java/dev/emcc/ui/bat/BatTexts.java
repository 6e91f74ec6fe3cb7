package dev.emcc.ui.bat;

import dev.emcc.ui.kit.I18n;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The BAT dialogs' texts (this package's messages.properties / messages_ja.properties) in the
 * console's language, following its switch like every other console text.
 */
final class BatTexts {
  private static final String BUNDLE = "dev.emcc.ui.bat.messages";
  private final I18n i18n;

  BatTexts(I18n i18n) {
    this.i18n = i18n;
  }

  I18n i18n() {
    return i18n;
  }

  Locale locale() {
    return i18n.locale();
  }

  String text(String key, Object... args) {
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, i18n.isJapanese() ? Locale.JAPANESE : Locale.ROOT,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern = b.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, i18n.locale()).format(args);
  }

  StringBinding bind(String key, Object... args) {
    return i18n.bind(() -> text(key, args));
  }

  Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(bind(key));
    return l;
  }

  Button button(String key, String id, Runnable action) {
    Button b = new Button();
    b.textProperty().bind(bind(key));
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }
}
