package dev.emcc.axl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AXL schema version: its namespace ({@code http://www.cisco.com/AXL/API/12.5}) and the
 * SOAPAction of an operation ({@code CUCM:DB ver=12.5 getPhone}).
 */
public record AxlVersion(String number) {
  /** The versions the client speaks and the node answers. */
  public static final List<String> SUPPORTED = List.of("11.5", "12.0", "12.5", "14.0", "15.0");
  public static final AxlVersion DEFAULT = new AxlVersion("12.5");

  private static final String NAMESPACE_PREFIX = "http://www.cisco.com/AXL/API/";
  private static final Pattern ACTION = Pattern.compile("\"?CUCM:DB ver=([0-9.]+)(?: (\\w+))?\"?");

  /** A supported version, given as "12.5", "14" or "15.0"; anything else is bad input. */
  public static AxlVersion of(String text) {
    String t = text == null ? "" : text.trim();
    String n = t.matches("\\d+") ? t + ".0" : t;
    if (!SUPPORTED.contains(n)) {
      throw new IllegalArgumentException("AXL version " + text + " is not supported (supported: "
          + String.join(", ", SUPPORTED) + ")");
    }
    return new AxlVersion(n);
  }

  public String namespace() {
    return NAMESPACE_PREFIX + number;
  }

  public String soapAction(String operation) {
    return "CUCM:DB ver=" + number + " " + operation;
  }

  /** The version of a namespace URI, or null when it is not an AXL namespace of a supported version. */
  public static AxlVersion ofNamespace(String namespace) {
    if (namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
      return null;
    }
    String n = namespace.substring(NAMESPACE_PREFIX.length());
    return SUPPORTED.contains(n) ? new AxlVersion(n) : null;
  }

  /** The version named by a SOAPAction header ({@code "CUCM:DB ver=12.5 getPhone"}), or null. */
  public static String ofSoapAction(String header) {
    if (header == null) {
      return null;
    }
    Matcher m = ACTION.matcher(header.trim());
    return m.matches() ? m.group(1) : null;
  }

  @Override
  public String toString() {
    return number;
  }
}
