package dev.emcc.rules;

/** What CUCM takes for "not set": no text, or spaces only. */
final class Blank {
  private Blank() {}

  static boolean is(String s) {
    return s == null || s.isBlank();
  }
}
