package dev.emcc.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the seed's error tables, bilingual. Japanese text is the seed's, word for word.
 * {@code note} (en) / {@code noteJa} explain where the seed is inconsistent (misprints) or what an
 * internal code looks like on the phone; null when there is nothing to say.
 *
 * <p>{@code phoneDisplay}/{@code phoneDisplayJa} hold one message per line: the login message
 * first, then the logout message when the row has one. {@code shownAs} is the number the phone
 * displays (39 and 44 show 201, 40 shows 202); for 41, which shows no number, it is the code.
 * {@code printedCode} is the number the seed prints in its code column (36 for code 28, 54 for
 * code 42; otherwise the code). {@code englishFromSeed} names the English fields taken from the
 * seed's parenthesised English ({@code phoneDisplay}, {@code shortDescription}); the other English
 * texts are translations.
 */
public record ErrorEntry(
    int code,
    ErrorSource source,
    String phoneDisplay,
    String phoneDisplayJa,
    String shortDescription,
    String shortDescriptionJa,
    String cause,
    String causeJa,
    boolean internal,
    String note,
    String noteJa,
    int shownAs,
    int printedCode,
    List<String> englishFromSeed) {

  public ErrorEntry {
    Objects.requireNonNull(source, "source");
    requireText(code, "phoneDisplay", phoneDisplay);
    requireText(code, "phoneDisplayJa", phoneDisplayJa);
    requireText(code, "shortDescription", shortDescription);
    requireText(code, "shortDescriptionJa", shortDescriptionJa);
    requireText(code, "cause", cause);
    requireText(code, "causeJa", causeJa);
    if ((note == null) != (noteJa == null)) {
      throw new IllegalArgumentException("error " + code + ": note and noteJa go together");
    }
    englishFromSeed = englishFromSeed == null ? List.of() : List.copyOf(englishFromSeed);
  }

  private static void requireText(int code, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("error " + code + ": " + field + " is empty");
    }
  }

  /** True when texts for this locale should be Japanese; English otherwise. */
  public static boolean japanese(Locale locale) {
    return locale != null && "ja".equals(locale.getLanguage());
  }

  public String phoneDisplay(Locale locale) {
    return japanese(locale) ? phoneDisplayJa : phoneDisplay;
  }

  /** The messages of the display column, login first. */
  public List<String> phoneDisplayLines(Locale locale) {
    return Arrays.asList(phoneDisplay(locale).split("\n"));
  }

  public String shortDescription(Locale locale) {
    return japanese(locale) ? shortDescriptionJa : shortDescription;
  }

  public String cause(Locale locale) {
    return japanese(locale) ? causeJa : cause;
  }

  /** The note in this locale's language, or null. */
  public String note(Locale locale) {
    return japanese(locale) ? noteJa : note;
  }

  /** True when the seed prints this row under another number than its code. */
  public boolean misprintedCode() {
    return printedCode != code;
  }
}
