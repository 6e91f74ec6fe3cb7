package dev.emcc.model;

/**
 * A value refused by a record's creator, naming the field (JSON key) at fault so the document
 * reader can point at it: {@code $.clusters[0].endUsers[3].pinHash}, line and column.
 */
public class FieldException extends IllegalArgumentException {
  private final String field;

  public FieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The JSON key of the offending value. */
  public String field() {
    return field;
  }
}
