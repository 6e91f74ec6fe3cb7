package dev.emcc.rules;

import dev.emcc.schema.Texts;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The rules' bilingual texts (messages.properties / messages_ja.properties). A message argument
 * that is a schema field appears as the field's label, in the reader's language.
 */
public final class Messages {
  private static final String BUNDLE = "dev.emcc.rules.messages";
  private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
  private static final ResourceBundle JA = ResourceBundle.getBundle(BUNDLE, Locale.JAPANESE);

  private Messages() {}

  public static String en(String key, Object... args) {
    return Texts.format(EN, Locale.ENGLISH, key, args);
  }

  public static String ja(String key, Object... args) {
    return Texts.format(JA, Locale.JAPANESE, key, args);
  }

  /** The text in the given language ("ja" for Japanese, anything else English). */
  public static String text(String lang, String key, Object... args) {
    return "ja".equals(lang) ? ja(key, args) : en(key, args);
  }

  public static boolean has(String key) {
    return EN.containsKey(key);
  }
}
