package dev.emcc.sim;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator's texts in English and Japanese (messages*.properties beside this class). */
public final class Messages {
  private static final String BUNDLE = "dev.emcc.sim.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK);
  private static final ResourceBundle JA = ResourceBundle.getBundle(BUNDLE, Locale.JAPANESE, NO_FALLBACK);

  private Messages() {}

  public static String en(String key, Object... args) {
    return format(EN, Locale.ENGLISH, key, args);
  }

  public static String ja(String key, Object... args) {
    return format(JA, Locale.JAPANESE, key, args);
  }

  public static String get(boolean japanese, String key, Object... args) {
    return japanese ? ja(key, args) : en(key, args);
  }

  /** True when both languages carry the key (tests use it). */
  static boolean has(String key) {
    return EN.containsKey(key) && JA.containsKey(key) && JA.getString(key) != EN.getString(key);
  }

  /** Parsed formats, per language and key: a login formats some fifty texts. */
  private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

  private static String format(ResourceBundle bundle, Locale locale, String key, Object[] args) {
    MessageFormat f = FORMATS.computeIfAbsent(locale.getLanguage() + ":" + key, k -> {
      try {
        return new MessageFormat(bundle.getString(key), locale);
      } catch (MissingResourceException e) {
        throw new IllegalStateException("message " + key + " is missing from " + BUNDLE, e);
      }
    });
    synchronized (f) { // MessageFormat is not thread-safe
      return f.format(args);
    }
  }
}
