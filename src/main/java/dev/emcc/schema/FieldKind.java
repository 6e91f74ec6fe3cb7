package dev.emcc.schema;

/** The editor a form field gets. */
public enum FieldKind {
  /** One line of text. */
  TEXT,
  /** A whole number, optionally within a range. */
  INT,
  /** A checkbox. */
  CHECK,
  /** One of fixed values (an enum's JSON values). */
  CHOICE,
  /** The name of an object of a collection; free text where the workspace does not model the target. */
  REF,
  /** A list of strings, one a line. */
  LIST,
  /** The lines of a device profile: a table of index, directory number and partition. */
  LINES,
  /** Available → chosen, two lists (Available Profiles → Controlled Profiles). */
  DUAL,
  /** A PIN typed in clear and stored as a hash. */
  PIN,
  /** Shown, not editable. */
  READ_ONLY,
  /**
   * A fact of the window that is always the field's default value, shown as CUCM shows it and not
   * stored in the object (the trunk type of an EMCC trunk: SIP trunk).
   */
  FIXED
}
