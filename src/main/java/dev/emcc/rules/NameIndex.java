package dev.emcc.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The names of a collection, looked up as CUCM compares them: without regard to case. Exact
 * matches (nearly every lookup of a consistent workspace) cost one hash probe; the case-folded
 * index is built only when an exact probe misses, so a clean 60,000-object cluster allocates no
 * folded copies.
 */
final class NameIndex {
  private final List<String> names;
  private final Set<String> exact;
  private Set<String> folded;

  private NameIndex(List<String> names) {
    this.names = names;
    this.exact = new HashSet<>(Math.max(16, names.size() * 2));
    for (String n : names) {
      if (n != null) {
        exact.add(n);
      }
    }
  }

  static <T> NameIndex of(List<T> items, Function<T, String> key) {
    return new NameIndex(items.stream().map(key).toList());
  }

  boolean contains(String name) {
    if (name == null) {
      return false;
    }
    if (exact.contains(name)) {
      return true;
    }
    if (folded == null) {
      folded = new HashSet<>(Math.max(16, names.size() * 2));
      for (String n : names) {
        if (n != null) {
          folded.add(fold(n));
        }
      }
    }
    return folded.contains(fold(name));
  }

  /** True when a reference is set (not blank) and names nothing here. */
  boolean missing(String ref) {
    return ref != null && !ref.isBlank() && !contains(ref);
  }

  static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Indices of names that repeat an earlier one (case-insensitively), each with the index of its
   * first occurrence; blank names are skipped. One pass, no folded copies of the names.
   */
  static Map<Integer, Integer> repeats(List<String> names) {
    Map<Key, Integer> first = new HashMap<>(Math.max(16, names.size() * 2));
    Map<Integer, Integer> out = null;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == null || n.isBlank()) {
        continue;
      }
      Integer earlier = first.putIfAbsent(new Key(n), i);
      if (earlier != null) {
        if (out == null) {
          out = new TreeMap<>();
        }
        out.put(i, earlier);
      }
    }
    return out == null ? Map.of() : out;
  }

  /** A name compared without regard to case, hashed without making a folded copy. */
  private static final class Key {
    private final String s;
    private final int hash;

    Key(String s) {
      this.s = s;
      int h = 0;
      for (int i = 0; i < s.length(); i++) {
        h = 31 * h + Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.s.equalsIgnoreCase(s);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
