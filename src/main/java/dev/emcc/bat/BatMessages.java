package dev.emcc.bat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The English and Japanese texts of BAT import and export (messages.properties / messages_ja.properties). */
public final class BatMessages {
  private static final String BUNDLE = "dev.emcc.bat.messages";

  private BatMessages() {}

  /** The text in a language: Japanese for "ja", English otherwise. */
  public static String text(Locale locale, String key, Object... args) {
    Locale l = locale != null && "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    MessageFormat format = new MessageFormat(pattern, l);
    Object[] given = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      given[i] = args[i] == null ? "" : args[i];
    }
    // numbers as written (line 40000, not 40,000): they are positions in a file
    return format.format(dev.emcc.schema.Texts.numbersAsWritten(format, given));
  }

  public static String en(String key, Object... args) {
    return text(Locale.ROOT, key, args);
  }
}
