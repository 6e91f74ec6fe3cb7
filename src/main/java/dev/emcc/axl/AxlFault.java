package dev.emcc.axl;

/**
 * An AXL fault: CUCM's {@code axlcode} and {@code axlmessage} with the operation that failed.
 * The codes are CUCM's where we know them (docs/axl.md lists the ones the node answers).
 */
public final class AxlFault extends Exception {
  /** The object named in the request was not found. */
  public static final int NOT_FOUND = 5007;
  /** A unique name is taken (CUCM passes on the database's duplicate-key error). */
  public static final int DUPLICATE = -239;
  /** A value the field does not accept, or a required element missing. */
  public static final int INVALID_VALUE = 5003;
  /** The request is not one AXL knows or this node answers. */
  public static final int UNKNOWN_REQUEST = 5000;
  /** A list whose answer would pass the server's size limit: ask again in smaller pages. */
  public static final int TOO_LARGE = 5002;

  private final int code;
  private final String request;

  public AxlFault(int code, String message, String request) {
    super(message);
    this.code = code;
    this.request = request;
  }

  public int code() {
    return code;
  }

  /** The operation that failed ({@code addPhone}). */
  public String request() {
    return request;
  }

  /** True when the server says it is busy: the request may be sent again after a pause. */
  public boolean busy() {
    String m = String.valueOf(getMessage()).toLowerCase(java.util.Locale.ROOT);
    return m.contains("busy");
  }
}
