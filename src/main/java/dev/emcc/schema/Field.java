package dev.emcc.schema;

import java.util.Arrays;
import java.util.List;

/**
 * One field of a window, described once: what the form edits, what {@code emcc validate} and a
 * node check, what a finding points at and what {@code emcc schema} prints. Rules name fields by
 * their constants ({@code PhoneFields.NAME}), so a finding cannot point at a field no window has.
 *
 * @param window the id of the window the field belongs to
 * @param parent for a column of a table field (a device profile's lines), that field's key
 * @param key the JSON key in the workspace document, dotted for nested objects ({@code services.tftp});
 *     a column's key is relative to one entry of its table
 * @param options the JSON values of a CHOICE (or the fixed items of a DUAL)
 * @param refersTo for a REF or DUAL, the window whose objects it names (null: names nothing we model)
 * @param freeText a REF may hold names the workspace does not model (templates, CSS, locales ...)
 * @param defaultValue the CUCM default as its JSON text, null where CUCM has none
 * @param columns the fields of each entry of a LINES table
 */
public record Field(
    String window,
    String parent,
    String key,
    FieldKind kind,
    List<String> options,
    String refersTo,
    boolean freeText,
    Constraints constraints,
    String defaultValue,
    ExternalNames external,
    List<Field> columns,
    boolean chosenOnAdd) {

  public Field {
    options = List.copyOf(options);
    columns = List.copyOf(columns);
  }

  /** Makes the fields of one window. */
  public static Maker in(String window) {
    return new Maker(window, null);
  }

  /** The message key of the label: {@code f.<window>.<key>} ({@code f.<window>.<table>.<key>} for a column). */
  public String labelKey() {
    return "f." + window + "." + (parent == null ? "" : parent + ".") + key;
  }

  public String helpKey() {
    return labelKey() + ".help";
  }

  public boolean required() {
    return constraints.required();
  }

  /** A choice among whole numbers (the region bit rates): its value is a number in the document. */
  public boolean numberChoice() {
    return kind == FieldKind.CHOICE && !options.isEmpty() && options.stream().allMatch(o -> o.matches("\\d+"));
  }

  public int maxLength() {
    return constraints.maxLength();
  }

  public Integer min() {
    return constraints.min();
  }

  public Integer max() {
    return constraints.max();
  }

  /** A value must be given: no blank text, no empty list. */
  public Field mandatory() {
    return withConstraints(constraints.withRequired());
  }

  public Field maxLength(int n) {
    return withConstraints(constraints.withMaxLength(n));
  }

  /** What a non-empty text must look like, and the message key that says so. */
  public Field pattern(String regex, String message) {
    return withConstraints(constraints.withPattern(new Constraints.Pattern(regex, message)));
  }

  public Field defaults(String value) {
    return new Field(window, parent, key, kind, options, refersTo, freeText, constraints, value, external, columns, chosenOnAdd);
  }

  /** Its element in Cisco's AXL schema. */
  public Field axl(String element) {
    return new Field(window, parent, key, kind, options, refersTo, freeText, constraints, defaultValue,
        new ExternalNames(element, external.bat(), external.batMinLength(), external.batMaxLength()), columns,
        chosenOnAdd);
  }

  /** Its column in a Bulk Administration CSV file, as long as the field's own {@code maxLength} allows. */
  public Field bat(String column) {
    return bat(column, 0, 0);
  }

  /**
   * Its column in a Bulk Administration CSV file, whose files hold from {@code minLength} (0: any)
   * to {@code maxLength} characters (the guide's lengths, where the field itself has none or another).
   */
  public Field bat(String column, int minLength, int maxLength) {
    return new Field(window, parent, key, kind, options, refersTo, freeText, constraints, defaultValue,
        new ExternalNames(external.axl(), column, minLength, maxLength), columns, chosenOnAdd);
  }

  /** The most characters a BAT file holds for this field: BAT's own length, else the field's (0: no limit). */
  public int batMaxLength() {
    return external.batMaxLength() > 0 ? external.batMaxLength() : maxLength();
  }

  /**
   * Chosen when the object is added and shown, not editable, afterwards (a device profile's
   * product type and protocol, seed table 1: "displays the product type ...").
   */
  public Field chosenWhenAdded() {
    return new Field(window, parent, key, kind, options, refersTo, freeText, constraints, defaultValue, external,
        columns, true);
  }

  private Field withConstraints(Constraints c) {
    return new Field(window, parent, key, kind, options, refersTo, freeText, c, defaultValue, external, columns, chosenOnAdd);
  }

  /** The JSON text of an enum constant (the model's enums carry {@code json()}). */
  public static String json(Enum<?> e) {
    try {
      return (String) e.getClass().getMethod("json").invoke(e);
    } catch (ReflectiveOperationException ex) {
      return e.name();
    }
  }

  static List<String> jsonValues(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Field::json).toList();
  }

  /** The factory methods of one window's (or one table's) fields. */
  public static final class Maker {
    private final String window;
    private final String parent;

    private Maker(String window, String parent) {
      this.window = window;
      this.parent = parent;
    }

    private Field of(String key, FieldKind kind, List<String> options, String refersTo, boolean freeText,
        Constraints constraints, List<Field> columns) {
      return new Field(window, parent, key, kind, options, refersTo, freeText, constraints, null,
          ExternalNames.NONE, columns, false);
    }

    public Field of(String key, FieldKind kind) {
      return of(key, kind, List.of(), null, true, Constraints.NONE, List.of());
    }

    public Field text(String key) {
      return of(key, FieldKind.TEXT);
    }

    public Field check(String key) {
      return of(key, FieldKind.CHECK);
    }

    public Field readOnly(String key) {
      return of(key, FieldKind.READ_ONLY);
    }

    /** A fact shown read-only, always {@code value} (an option's JSON text), not part of the object. */
    public Field fixed(String key, String value) {
      return of(key, FieldKind.FIXED).defaults(value);
    }

    public Field pin(String key) {
      return of(key, FieldKind.PIN);
    }

    public Field list(String key) {
      return of(key, FieldKind.LIST);
    }

    public Field integer(String key, int min, int max) {
      return of(key, FieldKind.INT, List.of(), null, true, Constraints.NONE.withRange(min, max), List.of());
    }

    /** A choice among whole numbers (stored as numbers). */
    public Field choiceOf(String key, List<Integer> values) {
      return of(key, FieldKind.CHOICE, values.stream().map(String::valueOf).toList(), null, false, Constraints.NONE,
          List.of());
    }

    /** A choice among an enum's JSON values. */
    public Field choice(String key, Class<? extends Enum<?>> type) {
      return of(key, FieldKind.CHOICE, jsonValues(type), null, false, Constraints.NONE, List.of());
    }

    /** A name of an object of another window: an unknown name is an error. */
    public Field ref(String key, String window) {
      return of(key, FieldKind.REF, List.of(), window, false, Constraints.NONE, List.of());
    }

    /** A name of something the workspace may not model: the window's names are suggestions. */
    public Field freeRef(String key, String window) {
      return of(key, FieldKind.REF, List.of(), window, true, Constraints.NONE, List.of());
    }

    /** A name of something the workspace does not model at all (templates, CSS, locales ...). */
    public Field freeRef(String key) {
      return freeRef(key, null);
    }

    /** Available → chosen, the available ones being the names of another window's objects. */
    public Field dual(String key, String window) {
      return of(key, FieldKind.DUAL, List.of(), window, false, Constraints.NONE, List.of());
    }

    /** Available → chosen over an enum's values (geolocation filter parts). */
    public Field dualOf(String key, Class<? extends Enum<?>> type) {
      return of(key, FieldKind.DUAL, jsonValues(type), null, false, Constraints.NONE, List.of());
    }

    /** The maker of the columns of a table field of this window ({@link #lines}). */
    public Maker columnsOf(String table) {
      return new Maker(window, table);
    }

    /** A table of entries, one field a column (a device profile's lines). */
    public Field lines(String key, Field... columns) {
      return of(key, FieldKind.LINES, List.of(), null, true, Constraints.NONE, List.of(columns));
    }
  }
}
