package dev.emcc.ui.kit;

import dev.emcc.schema.Texts;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The console's texts in English and Japanese, switchable at run time: labels bind to
 * {@link #bind(String)} so a language switch relabels every open view in place. A key the
 * console's bundle lacks is looked up in the schema's (window titles, field labels and help,
 * option names live there, once, for the console, the rules and the command line).
 */
public final class I18n implements TextSource {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale JAPANESE = Locale.JAPANESE;
  private static final String BUNDLE = "dev.emcc.ui.messages";

  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
  // loaded on first use: the first window needs only the shown language
  private volatile ResourceBundle english;
  private volatile ResourceBundle japanese;

  public I18n(Locale initial) {
    locale.set(supported(initial));
  }

  /** Read from the property each time: bindings recompute before change listeners run. */
  private ResourceBundle bundle() {
    return isJapanese() ? japanese() : english();
  }

  private ResourceBundle english() {
    ResourceBundle b = english;
    if (b == null) {
      b = load(ENGLISH);
      english = b;
    }
    return b;
  }

  private ResourceBundle japanese() {
    ResourceBundle b = japanese;
    if (b == null) {
      b = load(JAPANESE);
      japanese = b;
    }
    return b;
  }

  /** Japanese when the OS speaks Japanese, English otherwise. */
  public static Locale fromSystem() {
    return supported(Locale.getDefault());
  }

  public static Locale supported(Locale l) {
    return l != null && "ja".equals(l.getLanguage()) ? JAPANESE : ENGLISH;
  }

  private static ResourceBundle load(Locale l) {
    // Control.getNoFallbackControl: English must come from messages.properties, not the OS locale
    return ResourceBundle.getBundle(BUNDLE, l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  @Override
  public Locale locale() {
    return locale.get();
  }

  public void setLocale(Locale l) {
    locale.set(supported(l));
  }

  public boolean isJapanese() {
    return JAPANESE.equals(locale.get());
  }

  public boolean has(String key) {
    return bundle().containsKey(key) || Texts.has(key);
  }

  /** The text of a key; the key itself when it is missing (visible, never a crash). */
  @Override
  public String text(String key, Object... args) {
    String s = lookup(bundle(), Texts.bundle(locale.get()), key);
    if (s == null) {
      return key;
    }
    return args.length == 0 ? s : new MessageFormat(s, locale.get()).format(args);
  }

  /** A text in a given language, whatever the console shows (the search finds windows by both titles). */
  public String textIn(Locale l, String key) {
    boolean ja = JAPANESE.equals(supported(l));
    String s = lookup(ja ? japanese() : english(), Texts.bundle(ja ? JAPANESE : ENGLISH), key);
    return s == null ? key : s;
  }

  private static String lookup(ResourceBundle console, ResourceBundle schema, String key) {
    if (console.containsKey(key)) {
      return console.getString(key);
    }
    return schema.containsKey(key) ? schema.getString(key) : null;
  }

  /** A computed text that follows the language switch. */
  public StringBinding bind(java.util.function.Supplier<String> text) {
    return Bindings.createStringBinding(text::get, locale);
  }

  /** A text that follows the language switch. */
  public StringBinding bind(String key, Object... args) {
    return Bindings.createStringBinding(() -> text(key, args), locale);
  }

  /**
   * Shows a message in a label, shown again in the new language after a switch (until the next
   * {@code show} or {@link #clear}): a status or result line, not only a fixed label.
   */
  public void show(javafx.scene.control.Labeled label, String key, Object... args) {
    label.textProperty().bind(bind(key, args));
  }

  /** Empties a label that {@link #show} filled. */
  public static void clear(javafx.scene.control.Labeled label) {
    label.textProperty().unbind();
    label.setText("");
  }

  /**
   * An argument of a message that is itself a text: formatted in the language shown when the
   * message is (again after a switch), not in the one of the moment it was made.
   */
  public Object deferred(String key, Object... args) {
    return new Object() {
      @Override public String toString() {
        return text(key, args);
      }
    };
  }
}
