package dev.emcc.app;

/** Bad input found by a command (not by the document reader): exit 2. */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
