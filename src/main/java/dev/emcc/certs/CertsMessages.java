package dev.emcc.certs;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The English and Japanese texts of this package (messages.properties / messages_ja.properties). */
public final class CertsMessages {
  private static final String BUNDLE = "dev.emcc.certs.messages";

  private CertsMessages() {}

  public static String text(Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  public static String en(String key, Object... args) {
    return text(Locale.ROOT, key, args);
  }

  public static String ja(String key, Object... args) {
    return text(Locale.JAPANESE, key, args);
  }
}
