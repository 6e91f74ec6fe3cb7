package dev.emcc.edit;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The edit service's user-visible texts, English and Japanese ({@code messages*.properties} here). */
public final class EditMessages {
  private static final String BUNDLE = "dev.emcc.edit.messages";

  private EditMessages() {}

  public static String format(Locale locale, String key, Object... args) {
    return new MessageFormat(ResourceBundle.getBundle(BUNDLE, locale).getString(key), locale).format(args);
  }

  /** One line for a command's output: the findings of the workspace it saved. */
  public static String checked(Locale locale, EditResult result) {
    return format(locale, "edit.checked", result.count(dev.emcc.rules.Severity.ERROR, null),
        result.count(dev.emcc.rules.Severity.WARNING, null));
  }
}
