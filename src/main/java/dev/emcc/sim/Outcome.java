package dev.emcc.sim;

/**
 * What one check found: passed (with a message), failed (with the error code and a message), or
 * not applicable (no step in the trace).
 */
record Outcome(Kind kind, EmccError error, String key, Object[] args) {
  enum Kind { PASS, FAIL, SKIP }

  static final Outcome SKIP = new Outcome(Kind.SKIP, null, null, new Object[0]);

  static Outcome pass(String key, Object... args) {
    return new Outcome(Kind.PASS, null, key, args);
  }

  static Outcome fail(EmccError error, String key, Object... args) {
    return new Outcome(Kind.FAIL, error, key, args);
  }

  boolean failed() {
    return kind == Kind.FAIL;
  }
}
