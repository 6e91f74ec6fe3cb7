package dev.emcc.schema;

/**
 * What other programs call a field: its element in Cisco's AXL schema and its column in a Bulk
 * Administration (BAT) CSV file. Null where not yet known; the AXL and BAT work fills them here,
 * in the one place every field is described.
 */
public record ExternalNames(String axl, String bat) {
  public static final ExternalNames NONE = new ExternalNames(null, null);
}
