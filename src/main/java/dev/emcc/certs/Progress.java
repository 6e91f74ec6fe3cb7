package dev.emcc.certs;

import java.util.List;
import java.util.Locale;

/**
 * One step of a certificate job: {@code done} of {@code total} steps, and what is happening as a
 * message key of this package's bundle with its arguments, so each face shows it in its language.
 */
public record Progress(int done, int total, String key, List<Object> args) {
  public Progress {
    args = List.copyOf(args);
  }

  public static Progress of(int done, int total, String key, Object... args) {
    return new Progress(done, total, key, List.of(args));
  }

  public double fraction() {
    return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
  }

  public String text(Locale locale) {
    return CertsMessages.text(locale, key, args.toArray());
  }
}
