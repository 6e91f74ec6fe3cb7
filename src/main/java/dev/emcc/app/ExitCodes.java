package dev.emcc.app;

/** The command line's exit codes (design.md). */
public final class ExitCodes {
  public static final int OK = 0;
  /** Findings: validation errors, a failed simulated login. */
  public static final int FINDINGS = 1;
  /** Bad input or usage: a malformed file, an unknown option. */
  public static final int BAD_INPUT = 2;
  /** An I/O or remote failure. */
  public static final int IO = 3;

  private ExitCodes() {}
}
