package dev.emcc.bat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of BAT file: an insert file (no header row; the columns in the order of BAT's
 * default file format) and an "All details" export file (a header row naming the columns).
 */
public enum BatFormat {
  INSERT("insert"),
  EXPORT("export");

  private final String id;

  BatFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public boolean hasHeader() {
    return this == EXPORT;
  }

  public static Optional<BatFormat> of(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
