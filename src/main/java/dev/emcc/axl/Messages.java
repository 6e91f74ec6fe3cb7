package dev.emcc.axl;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** AXL's user-visible texts, English and Japanese ({@code messages*.properties} here). */
public final class Messages {
  private static final String BUNDLE = "dev.emcc.axl.messages";

  private Messages() {}

  public static String get(String key) {
    return ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
  }

  public static String format(String key, Object... args) {
    return new MessageFormat(get(key), Locale.getDefault()).format(args);
  }
}
