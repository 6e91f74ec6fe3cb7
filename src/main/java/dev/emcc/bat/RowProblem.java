package dev.emcc.bat;

import java.util.Locale;

/**
 * A bad row: where (line, and the column by number and BAT name when one cell is at fault), which
 * rule it breaks ({@code row.length}, {@code row.emccName}, the schema's {@code field.maxLength}
 * ...) and what is wrong, in English and Japanese.
 *
 * @param column the 1-based position of the cell in its row, null when the row as a whole is at fault
 */
public record RowProblem(long line, Integer column, String columnName, String rule, String en, String ja) {
  public String text(Locale locale) {
    return locale != null && "ja".equals(locale.getLanguage()) ? ja : en;
  }

  /** "line 7, column 4 (Login User ID): ..." in a language. */
  public String located(Locale locale) {
    String where = column == null
        ? BatMessages.text(locale, columnName == null ? "at.line" : "at.lineField", line, columnName)
        : columnName == null ? BatMessages.text(locale, "at.lineColumnOnly", line, column)
        : BatMessages.text(locale, "at.lineColumn", line, column, columnName);
    return where + ": " + text(locale) + " [" + rule + "]";
  }

  static RowProblem of(long line, Integer column, String columnName, String rule, String key, Object... args) {
    return new RowProblem(line, column, columnName, rule, BatMessages.en(key, args),
        BatMessages.text(Locale.JAPANESE, key, args));
  }
}
