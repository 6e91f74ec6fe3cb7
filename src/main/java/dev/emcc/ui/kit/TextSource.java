package dev.emcc.ui.kit;

import java.util.Locale;

/**
 * Where a view model gets its words: the console's texts in the language shown ({@link I18n} is
 * one). View models ({@code *Model} classes beside their views, no JavaFX in them) take it so
 * that they stay plain Java, tested without a screen, and still speak the user's language.
 */
public interface TextSource {
  /** The text of a key with its arguments, in the language shown. */
  String text(String key, Object... args);

  /** The language shown (for texts other packages make, e.g. a transfer failure's). */
  Locale locale();
}
