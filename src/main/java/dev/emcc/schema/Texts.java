package dev.emcc.schema;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema's words in English and Japanese (messages.properties / messages_ja.properties):
 * window titles, menus, sections, field labels and help, option names, and the messages of the
 * field constraints. The console, the rules and the command line all read them from here.
 */
public final class Texts {
  private static final String BUNDLE = "dev.emcc.schema.messages";
  private static final ResourceBundle EN = load(Locale.ROOT);
  private static final ResourceBundle JA = load(Locale.JAPANESE);
  private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

  private Texts() {}

  private static ResourceBundle load(Locale l) {
    // no fallback to the machine's locale: English must come from messages.properties
    return ResourceBundle.getBundle(BUNDLE, l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The bundle of a language (Japanese for "ja", English otherwise). */
  public static ResourceBundle bundle(Locale l) {
    return l != null && "ja".equals(l.getLanguage()) ? JA : EN;
  }

  public static boolean has(String key) {
    return EN.containsKey(key);
  }

  /** The text of a key in a language ("ja" for Japanese, anything else English). */
  public static String text(String lang, String key, Object... args) {
    Locale l = "ja".equals(lang) ? Locale.JAPANESE : Locale.ENGLISH;
    return format(bundle(l), l, key, args);
  }

  /** A field's label in a language. */
  public static String label(Field field, String lang) {
    return text(lang, field.labelKey());
  }

  /**
   * Formats a message of {@code bundle}: a {@link Field} argument becomes its label in the same
   * language, numbers print as written (60000, not 60,000), null prints as "(none)".
   */
  public static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no message for key " + key, e);
    }
    if (args.length == 0) {
      return pattern;
    }
    // Parsed patterns are kept: a workspace with thousands of findings formats the same few keys.
    MessageFormat format = FORMATS.computeIfAbsent(locale.getLanguage() + "|" + bundle.getBaseBundleName() + "|" + key,
        k -> new MessageFormat(pattern, locale));
    Object[] resolved = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = args[i] instanceof Field f ? bundle(locale).getString(f.labelKey())
          : args[i] instanceof Options o ? o.text(bundle(locale)) : args[i];
    }
    resolved = numbersAsWritten(format, resolved);
    synchronized (format) {
      return format.format(resolved);
    }
  }

  /**
   * A field's choices as a message argument: shown as the form shows them ("SCCP, SIP", "Standard
   * IP Phone Service"), not as their JSON values.
   */
  public record Options(java.util.List<String> values) {
    public Options {
      values = java.util.List.copyOf(values);
    }

    String text(ResourceBundle b) {
      return String.join(", ", values.stream().map(v -> b.containsKey("opt." + v) ? b.getString("opt." + v) : v).toList());
    }
  }

  /**
   * The arguments for {@code format}: a number as written (line 40000, not 40,000) unless the
   * pattern formats it itself (a count's choice of "1 error" or "2 errors"); null as "(none)".
   */
  public static Object[] numbersAsWritten(MessageFormat format, Object... args) {
    java.text.Format[] formats;
    synchronized (format) {
      formats = format.getFormatsByArgumentIndex();
    }
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      boolean formatted = i < formats.length && formats[i] != null;
      plain[i] = args[i] == null ? "(none)" : args[i] instanceof Number && !formatted ? String.valueOf(args[i]) : args[i];
    }
    return plain;
  }
}
