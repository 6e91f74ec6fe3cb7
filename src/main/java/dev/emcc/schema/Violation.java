package dev.emcc.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A value that breaks one of its field's limits.
 *
 * @param field the field whose limit is broken (a column of a table field, for a line)
 * @param at the window's field where it is fixed (the table itself, for a column)
 * @param path where the value is in its object: the field's key, or {@code lines[2].directoryNumber}
 * @param rule the rule id ({@code field.required}, {@code field.enum}, {@code field.maxLength},
 *     {@code field.range}, {@code field.pattern})
 * @param message the message key (the rule id, or a pattern's own message)
 * @param args the message's arguments after the field's label
 */
public record Violation(Field field, Field at, String path, String rule, String message, List<Object> args) {
  public static final String REQUIRED = "field.required";
  public static final String ENUM = "field.enum";
  public static final String MAX_LENGTH = "field.maxLength";
  public static final String RANGE = "field.range";
  public static final String PATTERN = "field.pattern";
  /** Not a limit but a form's: a typed text that is no whole number. */
  public static final String INTEGER = "field.integer";

  public Violation {
    args = List.copyOf(args);
  }

  /** The message in a language ("ja" or English), the field named by its label. */
  public String text(String lang) {
    List<Object> all = new ArrayList<>();
    all.add(field);
    all.addAll(args);
    return Texts.text(lang, message, all.toArray());
  }

  /** The same violation found inside a table's entry. */
  Violation inside(Field table, String entryPath) {
    return new Violation(field, table, entryPath + "." + path, rule, message, args);
  }
}
