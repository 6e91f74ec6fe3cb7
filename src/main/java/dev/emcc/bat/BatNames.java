package dev.emcc.bat;

import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Window;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column names compared as BAT files spell them: case, spaces and punctuation aside ("DIRECTORY
 * NUMBER  1", "Directory Number1" and "directory number 1" are one name), and the field of a
 * window a BAT name belongs to, from the schema's {@code Field.bat}.
 */
final class BatNames {
  private static final Map<String, Map<String, Field>> BY_WINDOW = new ConcurrentHashMap<>();

  private BatNames() {}

  /** The name as compared: lower case letters and digits only. */
  static String key(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** The field of the window (or a column of its lines) whose BAT name this is, or null. */
  static Field field(Window window, String batName) {
    return BY_WINDOW.computeIfAbsent(window.id(), id -> index(window)).get(key(batName));
  }

  private static Map<String, Field> index(Window window) {
    Map<String, Field> m = new HashMap<>();
    for (Field f : window.fields()) {
      put(m, f);
      if (f.kind() == FieldKind.LINES) {
        f.columns().forEach(c -> put(m, c));
      }
    }
    return m;
  }

  private static void put(Map<String, Field> m, Field f) {
    if (f.external().bat() != null && m.put(key(f.external().bat()), f) != null) {
      throw new IllegalStateException("two fields of " + f.window() + " are BAT's " + f.external().bat());
    }
  }
}
