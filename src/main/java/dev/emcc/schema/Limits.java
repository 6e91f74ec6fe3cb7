package dev.emcc.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The limits of the schema's fields, checked in one place: by the form as a value is typed, by
 * the constraint rule of {@code emcc validate} over every object, by a node over every object it
 * is sent. A value is a model value: text, number, boolean, enum, list, or a record (a line).
 */
public final class Limits {
  /** The limited fields of each window, with their readers: built once, read for every object. */
  private static final Map<String, List<Check>> CHECKS = new HashMap<>();

  static {
    for (Window w : Windows.ALL) {
      CHECKS.put(w.id(), w.fields().stream().filter(Limits::limited).map(Check::new).toList());
    }
  }

  /** A limited field and the reader of its key on the class last seen (one class a window, as a rule). */
  private static final class Check {
    private record Bound(Class<?> type, FieldValues.Reader reader) {}

    final Field field;
    /** A table's limited columns. */
    final List<Check> columns;
    private volatile Bound bound = new Bound(Void.class, null);

    Check(Field field) {
      this.field = field;
      this.columns = field.columns().stream().filter(Limits::limited).map(Check::new).toList();
    }

    Object read(Object object) {
      Bound b = bound;
      if (b.type() != object.getClass()) {
        b = new Bound(object.getClass(), FieldValues.reader(object.getClass(), field.key()));
        bound = b;
      }
      return b.reader().read(object);
    }
  }

  private Limits() {}

  /** Whether a field has limits to check: constraints, a choice CUCM has no default for, a table's columns. */
  public static boolean limited(Field f) {
    if (f.kind() == FieldKind.PIN) {
      return false; // a new PIN is checked as typed: the object keeps only its hash
    }
    return f.constraints().any() || choiceWithoutDefault(f)
        || f.kind() == FieldKind.LINES && f.columns().stream().anyMatch(Limits::limited);
  }

  private static boolean choiceWithoutDefault(Field f) {
    return f.kind() == FieldKind.CHOICE && f.defaultValue() == null;
  }

  /** Every limit an object of the window breaks: at most one a field, one a column of each line. */
  public static List<Violation> check(Window window, Object object) {
    List<Violation> out = new ArrayList<>(0);
    for (Check check : CHECKS.getOrDefault(window.id(), List.of())) {
      Field f = check.field;
      Object value = check.read(object);
      if (value == FieldValues.ABSENT) {
        continue; // a field the object's type does not carry
      }
      if (f.kind() == FieldKind.LINES) {
        lines(check, value, out);
      } else {
        check(f, value).ifPresent(out::add);
      }
    }
    return out;
  }

  private static void lines(Check table, Object value, List<Violation> out) {
    if (!(value instanceof List<?> entries)) {
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      for (Check column : table.columns) {
        Object v = entry == null ? null : column.read(entry);
        if (v != FieldValues.ABSENT) {
          int index = i;
          check(column.field, v).ifPresent(x -> out.add(x.inside(table.field, table.field.key() + "[" + index + "]")));
        }
      }
    }
  }

  /** The first limit a value of the field breaks: required, choice, length, range, shape. */
  public static Optional<Violation> check(Field f, Object value) {
    if (f.required() && empty(value)) {
      return Optional.of(violation(f, Violation.REQUIRED, Violation.REQUIRED));
    }
    if (choiceWithoutDefault(f) && value == null) {
      return Optional.of(violation(f, Violation.ENUM, Violation.ENUM, new Texts.Options(f.options())));
    }
    if (value instanceof String s && f.maxLength() > 0 && s.codePointCount(0, s.length()) > f.maxLength()) {
      return Optional.of(violation(f, Violation.MAX_LENGTH, Violation.MAX_LENGTH, s, s.codePointCount(0, s.length()),
          f.maxLength()));
    }
    if (value instanceof Number n && outside(f, n.longValue())) {
      return Optional.of(violation(f, Violation.RANGE, Violation.RANGE, n, shown(f.min()), shown(f.max()),
          f.defaultValue() == null ? "-" : f.defaultValue()));
    }
    Constraints.Pattern p = f.constraints().pattern();
    if (p != null && value instanceof String s && !s.isEmpty() && !p.matches(s)) {
      return Optional.of(violation(f, Violation.PATTERN, p.message(), s));
    }
    return Optional.empty();
  }

  /** A typed text that is no whole number (the form's, before any limit). */
  public static Violation notAnInteger(Field f, String text) {
    return violation(f, Violation.INTEGER, Violation.INTEGER, text);
  }

  private static Violation violation(Field f, String rule, String message, Object... args) {
    return new Violation(f, f, f.key(), rule, message, List.of(args));
  }

  private static boolean outside(Field f, long v) {
    return (f.min() != null && v < f.min()) || (f.max() != null && v > f.max());
  }

  private static String shown(Integer bound) {
    return bound == null ? "-" : String.valueOf(bound);
  }

  /** No value: null, blank text, an empty list or one with a blank entry. */
  private static boolean empty(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof String s) {
      return s.isBlank();
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty() || c.stream().anyMatch(x -> x == null || x instanceof String s && s.isBlank());
    }
    return false;
  }
}
