package dev.emcc.format;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A message in English and Japanese, built from the keys of dev/emcc/format/messages*.properties.
 * Arguments that are themselves {@code Text} (phrases such as "an integer") are put in the same
 * language; anything else is inserted as written (values from the document, paths, numbers).
 */
record Text(String en, String ja) {
  // No fallback to the default locale: English must stay English on a Japanese desktop.
  private static final ResourceBundle.Control EXACT =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final ResourceBundle EN = ResourceBundle.getBundle("dev.emcc.format.messages", Locale.ROOT, EXACT);
  private static final ResourceBundle JA = ResourceBundle.getBundle("dev.emcc.format.messages", Locale.JAPANESE, EXACT);

  static Text of(String key, Object... args) {
    return new Text(format(EN, key, args, false), format(JA, key, args, true));
  }

  /** The same words in both languages (a value, or a message only Jackson knows). */
  static Text plain(String text) {
    return new Text(text, text);
  }

  private static String format(ResourceBundle bundle, String key, Object[] args, boolean ja) {
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    Object[] values = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = args[i] instanceof Text t ? (ja ? t.ja() : t.en()) : String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, ja ? Locale.JAPANESE : Locale.ROOT).format(values);
  }
}
