package dev.emcc.certs;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The English and Japanese texts of this package (messages.properties / messages_ja.properties). */
public final class CertsMessages {
  private static final String BUNDLE = "dev.emcc.certs.messages";

  private CertsMessages() {}

  /** A message argument that is itself a text in each language (formatted in the message's). */
  @FunctionalInterface
  public interface Localized {
    String text(Locale locale);
  }

  public static String text(Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] texts = args.clone();
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] instanceof Localized l) {
        texts[i] = l.text(locale);
      }
    }
    return new MessageFormat(bundle.getString(key), locale).format(texts);
  }

  public static String en(String key, Object... args) {
    return text(Locale.ROOT, key, args);
  }

  public static String ja(String key, Object... args) {
    return text(Locale.JAPANESE, key, args);
  }
}
