package dev.emcc.model;

import java.util.List;

/** Null-to-default helpers for the records' compact constructors: missing keys take CUCM defaults. */
final class Defaults {
  private Defaults() {}

  static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  static <T> List<T> list(List<T> value) {
    if (value == null) {
      return List.of();
    }
    // List.of(...).contains(null) throws: look for a null element by hand.
    if (value.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("a list may not contain null");
    }
    return List.copyOf(value);
  }
}
