package dev.emcc.model;

/**
 * A value refused by a record's creator, naming the field (JSON key) at fault so the document
 * reader can point at it: {@code $.clusters[0].endUsers[3].pinHash}, line and column.
 */
public class FieldException extends IllegalArgumentException {
  private final String field;
  private final String key;

  /**
   * @param field the JSON key at fault
   * @param key the message key the document reader translates ({@code model.KEY} in
   *     dev/emcc/format/messages*.properties); null when there is only the English text
   * @param message the English text
   */
  public FieldException(String field, String key, String message) {
    super(message);
    this.field = field;
    this.key = key;
  }

  /** The message key, or null. */
  public String key() {
    return key;
  }

  /** The JSON key of the offending value. */
  public String field() {
    return field;
  }
}
