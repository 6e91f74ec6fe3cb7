package dev.emcc.rules;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The rules' bilingual texts (messages.properties / messages_ja.properties). A message argument
 * that is a {@link Label} is itself looked up, so field names appear in the reader's language.
 */
public final class Messages {
  private static final String BUNDLE = "dev.emcc.rules.messages";
  private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
  private static final ResourceBundle JA = ResourceBundle.getBundle(BUNDLE, Locale.JAPANESE);

  /** A message argument to be translated: a key of the same bundle. */
  public record Label(String key) {}

  private Messages() {}

  public static String en(String key, Object... args) {
    return format(EN, Locale.ENGLISH, key, args);
  }

  public static String ja(String key, Object... args) {
    return format(JA, Locale.JAPANESE, key, args);
  }

  /** The text in the given language ("ja" for Japanese, anything else English). */
  public static String text(String lang, String key, Object... args) {
    return "ja".equals(lang) ? ja(key, args) : en(key, args);
  }

  public static boolean has(String key) {
    return EN.containsKey(key);
  }

  private static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no message for key " + key, e);
    }
    if (args.length == 0) {
      return pattern;
    }
    Object[] resolved = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = args[i] instanceof Label l ? format(bundle, locale, l.key()) : nullSafe(args[i]);
    }
    return new MessageFormat(pattern, locale).format(resolved);
  }

  private static Object nullSafe(Object arg) {
    if (arg == null) {
      return "(none)";
    }
    // Numbers print as written (no grouping: 60000, not 60,000), so paths and ids read back exactly.
    return arg instanceof Number ? String.valueOf(arg) : arg;
  }
}
