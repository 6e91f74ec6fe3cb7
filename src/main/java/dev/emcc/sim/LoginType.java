package dev.emcc.sim;

import java.util.Locale;
import java.util.Optional;

/**
 * The loginType of the EM service URL (reference §3): UID (user ID + PIN), SP (self-service user
 * ID + PIN), DN (primary extension + PIN). Values are read case-insensitively.
 */
public enum LoginType {
  UID, SP, DN;

  /** The login type a value names, empty when it names none (error 215). */
  public static Optional<LoginType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
