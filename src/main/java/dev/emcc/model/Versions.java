package dev.emcc.model;

/** Unified CM versions ("8.6", "11.5", "14.0", "15.0SU1"), compared numerically. */
public final class Versions {
  private Versions() {}

  public static int[] parse(String version) {
    if (version == null || version.isBlank()) {
      return new int[] {0, 0};
    }
    String[] parts = version.trim().split("\\.");
    int[] out = new int[Math.max(2, parts.length)];
    for (int i = 0; i < parts.length; i++) {
      String digits = parts[i].replaceAll("^(\\d*).*$", "$1");
      out[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits.length() > 6 ? digits.substring(0, 6) : digits);
    }
    return out;
  }

  /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
  public static int compare(String a, String b) {
    int[] x = parse(a);
    int[] y = parse(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? x[i] : 0;
      int yi = i < y.length ? y[i] : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    return 0;
  }

  public static boolean atLeast(String version, String minimum) {
    return compare(version, minimum) >= 0;
  }

  public static boolean isWellFormed(String version) {
    return version != null && version.matches("\\d{1,3}(\\.\\d{1,3}){0,3}([A-Za-z].*)?");
  }
}
