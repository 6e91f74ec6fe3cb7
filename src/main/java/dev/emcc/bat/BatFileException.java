package dev.emcc.bat;

import java.util.Locale;

/**
 * A file that cannot be read as a BAT CSV file at all (not UTF-8, an unclosed quote, no header
 * where one is needed): nothing of it is applied. {@code line} is where it went wrong, 0 when
 * the whole file is meant.
 */
public final class BatFileException extends Exception {
  private final long line;
  private final String key;
  private final Object[] args;

  public BatFileException(long line, String key, Object... args) {
    super(line > 0 ? BatMessages.en("file.atLine", line, BatMessages.en(key, args)) : BatMessages.en(key, args));
    this.line = line;
    this.key = key;
    this.args = args.clone();
  }

  public long line() {
    return line;
  }

  /** The message in a language, with the line where it applies. */
  public String text(Locale locale) {
    String m = BatMessages.text(locale, key, args);
    return line > 0 ? BatMessages.text(locale, "file.atLine", line, m) : m;
  }
}
