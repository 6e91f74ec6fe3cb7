package dev.emcc.bat;

import dev.emcc.schema.Field;
import dev.emcc.schema.Window;

/**
 * One column of a BAT file: its name as the guide writes it, the window whose object it belongs to
 * (a phones-with-users row holds a user and a phone), the schema field it carries (null when the
 * model does not carry it) and BAT's own rules for its text (length, mandatory).
 *
 * @param minLength the fewest characters of a non-blank value (Login User ID: 4), 0 for none
 * @param maxLength the most characters (code points), 0 for no limit. A column the model carries
 *     takes both from its field ({@code Field.bat}: one place); only the columns no field carries
 *     (Display, Line Text Label ...) and a file's own exceptions set them in {@code BatLayouts}
 */
public record BatColumn(String name, Window window, Field field, Role role, int minLength, int maxLength,
    boolean mandatory) {

  /** How a column's text becomes its field's value. */
  public enum Role {
    /** The field's value as BAT writes it. */
    VALUE,
    /** A MAC address: the phone is named SEP followed by it. */
    MAC_ADDRESS,
    /** A secret (a password, a secure shell password): never stored, not even as a kept column. */
    SECRET,
    /** A user's controlled device: a device profile's name goes to the controlled profiles, a phone's is not carried. */
    CONTROLLED_DEVICE,
    /** A second column of the same field (Subscribed Service Name): written alike, read when the first is blank. */
    ECHO
  }

  public boolean carried() {
    return field != null && role != Role.SECRET;
  }

  BatColumn len(int min, int max) {
    return new BatColumn(name, window, field, role, min, max, mandatory);
  }

  BatColumn max(int max) {
    return len(minLength, max);
  }

  BatColumn required() {
    return new BatColumn(name, window, field, role, minLength, maxLength, true);
  }

  /** A column of this field: BAT's length of it is the field's ({@code Field.bat}). */
  static BatColumn of(String name, Window window, Field f) {
    return new BatColumn(name, window, f, Role.VALUE, f == null ? 0 : f.external().batMinLength(),
        f == null ? 0 : f.batMaxLength(), false);
  }

  /** This column carrying another field (its length that field's) in another role. */
  BatColumn as(Field f, Role r) {
    return new BatColumn(name, window, f, r, f.external().batMinLength(), f.batMaxLength(), mandatory);
  }

  BatColumn role(Role r) {
    return new BatColumn(name, window, r == Role.SECRET ? null : field, r, minLength, maxLength, mandatory);
  }
}
