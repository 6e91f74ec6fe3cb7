package dev.emcc.sim;

import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the phone displays for an error, in English and Japanese, from the error catalog. While an
 * entry is missing from the catalog the display is a neutral "Login is unavailable (code)". The
 * phone shows one number in both languages, the catalog's {@code shownAs}: the product
 * documentation prints "(23)" in the Japanese display of code 40 and "(202)" in the English one.
 */
final class PhoneDisplay {
  private PhoneDisplay() {}

  static String[] of(EmccError error, boolean logout) {
    Optional<ErrorEntry> entry = lookup(error);
    if (entry.isPresent() && entry.get().phoneDisplay() != null) {
      int shown = entry.get().shownAs();
      return new String[] {shown(pick(entry.get().phoneDisplay(), logout), shown),
          shown(pick(entry.get().phoneDisplayJa(), logout), shown)};
    }
    int code = error.code();
    return logout
        ? new String[] {"Logout is unavailable (" + code + ")", "ログアウトできません (" + code + ")"}
        : new String[] {"Login is unavailable (" + code + ")", "ログインできません (" + code + ")"};
  }

  private static final Pattern NUMBER = Pattern.compile("\\(\\d+\\)");

  static String shown(String display, int number) {
    return NUMBER.matcher(display).replaceAll("(" + number + ")");
  }

  private static Optional<ErrorEntry> lookup(EmccError error) {
    try {
      return ErrorCatalog.standard().get(error.source(), error.code());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Many rows carry a login and a logout display in one cell ("Login is unavailable (5) Logout is
   * unavailable (5)"): keep the half that fits the request.
   */
  static String pick(String cell, boolean logout) {
    if (cell == null) {
      return null;
    }
    int i = indexOfAny(cell, new String[] {"Logout", "ログアウト"}, 0);
    if (i <= 0) {
      return cell.trim();
    }
    return (logout ? cell.substring(i) : cell.substring(0, i)).trim();
  }

  private static int indexOfAny(String s, String[] needles, int from) {
    int best = -1;
    for (String n : needles) {
      int i = s.indexOf(n, from);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }
}
