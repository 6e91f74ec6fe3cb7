package dev.emcc.schema;

/**
 * The limits a field's value must keep, checked alike by the form as you type, by {@code emcc
 * validate} and by a node receiving an object.
 *
 * @param required the value may not be empty (a list not empty, none of its entries blank)
 * @param maxLength at most this many characters (code points); 0 for no limit
 * @param min the smallest whole number allowed, null for none
 * @param max the largest whole number allowed, null for none
 * @param pattern what every non-empty text must look like, null for anything
 */
public record Constraints(boolean required, int maxLength, Integer min, Integer max, Pattern pattern) {
  public static final Constraints NONE = new Constraints(false, 0, null, null, null);

  /**
   * A shape a text must have; {@code message} is the key of the message that says so in words
   * (a regular expression is no message for an administrator).
   */
  public record Pattern(String regex, String message) {
    private static final java.util.Map<String, java.util.regex.Pattern> COMPILED =
        new java.util.concurrent.ConcurrentHashMap<>();

    public boolean matches(String text) {
      return COMPILED.computeIfAbsent(regex, java.util.regex.Pattern::compile).matcher(text).matches();
    }
  }

  public boolean any() {
    return required || maxLength > 0 || min != null || max != null || pattern != null;
  }

  Constraints withRequired() {
    return new Constraints(true, maxLength, min, max, pattern);
  }

  Constraints withMaxLength(int n) {
    return new Constraints(required, n, min, max, pattern);
  }

  Constraints withRange(Integer lo, Integer hi) {
    return new Constraints(required, maxLength, lo, hi, pattern);
  }

  Constraints withPattern(Pattern p) {
    return new Constraints(required, maxLength, min, max, p);
  }
}
