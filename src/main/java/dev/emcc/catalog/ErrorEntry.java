package dev.emcc.catalog;

/**
 * One row of the seed's error tables, bilingual. Japanese text is the seed's, word for word.
 * {@code note} (en) / {@code noteJa} explain where the seed is inconsistent (misprints); null
 * when it is not. {@code shownAs} is the number the phone displays when it differs from the code
 * (39 and 44 show 201), else the code itself.
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
    int shownAs) {}
