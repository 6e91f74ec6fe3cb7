package dev.emcc.schema;

/**
 * What other programs call a field: its element in Cisco's AXL schema and its column in a Bulk
 * Administration (BAT) CSV file, with the length BAT's files give that column. Null where not yet
 * known; the AXL and BAT work fills them here, in the one place every field is described.
 *
 * @param batMinLength the fewest characters of a non-blank value in a BAT file (Login User ID: 4), 0 for none
 * @param batMaxLength the most characters in a BAT file; 0: the field's own {@code maxLength}
 */
public record ExternalNames(String axl, String bat, int batMinLength, int batMaxLength) {
  public static final ExternalNames NONE = new ExternalNames(null, null);

  public ExternalNames(String axl, String bat) {
    this(axl, bat, 0, 0);
  }

  /** The BAT column with its length as the guide gives it: {@code Login User ID (4-30)}, {@code First Name (≤ 64)}. */
  public String batText(int fieldMaxLength) {
    if (bat == null) {
      return null;
    }
    int max = batMaxLength > 0 ? batMaxLength : fieldMaxLength;
    return max <= 0 ? bat : batMinLength > 0 ? bat + " (" + batMinLength + "-" + max + ")" : bat + " (≤ " + max + ")";
  }
}
