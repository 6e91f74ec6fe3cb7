package dev.emcc.catalog;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The error lookup's texts in one language: labels from {@code messages(_ja).properties} and an
 * entry laid out as a block of text (used by {@code emcc errors}; the console can reuse it).
 */
public final class ErrorTexts {
  private static final String BUNDLE = "dev.emcc.catalog.messages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private ErrorTexts(Locale locale) {
    this.locale = ErrorEntry.japanese(locale) ? Locale.JAPANESE : Locale.ENGLISH;
    // No fallback to the default locale: English must stay English on a Japanese desktop.
    this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Japanese texts for a {@code ja} locale, English for any other. */
  public static ErrorTexts of(Locale locale) {
    return new ErrorTexts(locale);
  }

  public Locale locale() {
    return locale;
  }

  public String label(String key) {
    return bundle.getString(key);
  }

  public String message(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  public String sourceName(ErrorSource source) {
    return label("errors.source." + source.json());
  }

  /**
   * An entry as lines of text: code and table, then display, short description, cause and note,
   * continuation lines indented under their label.
   */
  public String format(ErrorEntry e) {
    StringBuilder sb = new StringBuilder();
    sb.append(label("errors.code")).append(' ').append(e.code());
    if (e.internal()) {
      sb.append(" (").append(label("errors.internal")).append(')');
    }
    sb.append("  ").append(sourceName(e.source())).append('\n');
    field(sb, label("errors.phoneDisplay"), e.phoneDisplay(locale));
    field(sb, label("errors.shortDescription"), e.shortDescription(locale));
    field(sb, label("errors.cause"), e.cause(locale));
    if (e.note(locale) != null) {
      field(sb, label("errors.note"), e.note(locale));
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String label, String text) {
    List<String> lines = text.lines().toList();
    sb.append("  ").append(label).append(": ").append(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      sb.append("      ").append(line).append('\n');
    }
  }
}
