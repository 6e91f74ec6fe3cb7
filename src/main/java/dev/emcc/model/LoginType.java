package dev.emcc.model;

import java.util.Optional;

/**
 * The loginType of the EM service URL (seed, Extension Mobility phone service step 6): UID (user
 * ID + PIN), SP (self-service user ID + PIN), DN (primary extension + PIN). The seed lists the
 * values in capitals and this console reads them as written: "uid" is not a login type (215). The
 * simulator and the validator both ask {@link #parse}.
 */
public enum LoginType {
  UID, SP, DN;

  /** The login type a value names, empty when it names none (error 215). */
  public static Optional<LoginType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (LoginType t : values()) {
      if (t.name().equals(value.trim())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
