package dev.emcc.axl;

/** A value that has no counterpart on the other side: says the object, the field and the value. */
public final class AxlValueException extends Exception {
  public AxlValueException(String message) {
    super(message);
  }
}
