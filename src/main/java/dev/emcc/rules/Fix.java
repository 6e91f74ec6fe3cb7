package dev.emcc.rules;

import dev.emcc.schema.Field;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;

/**
 * Where a problem is fixed: a window id of the schema, the object's name in that window (null for
 * single-object windows) and the key of one of the window's fields (null: the window as a whole).
 * Built from a schema field ({@link #at(Field, String)}); a pair that names no field of the
 * window is refused, so a finding cannot send the user to a field that does not exist.
 */
public record Fix(String window, String object, String field) {
  public Fix {
    Window w = Windows.get(window).orElseThrow(() -> new IllegalArgumentException("no window " + window));
    if (field != null && w.field(field).isEmpty()) {
      throw new IllegalArgumentException("window " + window + " has no field " + field);
    }
  }

  /** The field {@code field} of the object named {@code object} (null for a single-object window). */
  public static Fix at(Field field, String object) {
    return new Fix(field.window(), object, field.key());
  }

  /** A window as a whole, at an object (or none). */
  public static Fix at(Window window, String object) {
    return new Fix(window.id(), object, null);
  }
}
