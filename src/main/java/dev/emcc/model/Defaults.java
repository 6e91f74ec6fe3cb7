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
    // Not value.contains(null): immutable lists (List.of, List.copyOf) throw on that query.
    for (T item : value) {
      if (item == null) {
        throw new IllegalArgumentException("a list may not contain null");
      }
    }
    return List.copyOf(value);
  }
}
