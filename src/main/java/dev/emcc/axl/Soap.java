package dev.emcc.axl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * SOAP 1.1 envelopes as AXL sends and answers them: the operation element in the version's AXL
 * namespace, its children unqualified; faults with CUCM's {@code axlError} detail.
 */
public final class Soap {
  public static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

  private Soap() {}

  /** A request or answer envelope around one operation element. */
  public static byte[] envelope(AxlVersion version, XmlTree operation) {
    StringBuilder b = new StringBuilder(256 + operation.children().size() * 64);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<soapenv:Envelope xmlns:soapenv=\"").append(ENVELOPE_NS).append("\">")
        .append("<soapenv:Header/><soapenv:Body>");
    operation.write(b, "ns", version.namespace());
    b.append("</soapenv:Body></soapenv:Envelope>");
    return XmlTree.utf8(b);
  }

  /** A fault as CUCM words it: faultcode, faultstring and the axlError detail. */
  public static byte[] fault(AxlFault f) {
    StringBuilder b = new StringBuilder(512);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .append("<soapenv:Envelope xmlns:soapenv=\"").append(ENVELOPE_NS).append("\"><soapenv:Body><soapenv:Fault>")
        .append("<faultcode>soapenv:").append(f.code() == AxlFault.UNKNOWN_REQUEST ? "Client" : "Server")
        .append("</faultcode><faultstring>");
    XmlTree.escape(b, String.valueOf(f.getMessage()), false);
    b.append("</faultstring><detail><axlError><axlcode>").append(f.code()).append("</axlcode><axlmessage>");
    XmlTree.escape(b, String.valueOf(f.getMessage()), false);
    b.append("</axlmessage><request>");
    XmlTree.escape(b, f.request() == null ? "" : f.request(), false);
    b.append("</request></axlError></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The one element in the Body of an envelope; a Fault there is thrown as an {@link AxlFault}. */
  public static XmlTree body(byte[] envelope) throws IOException, AxlFault {
    XmlTree root = XmlTree.parse(envelope);
    if (!root.name().equals("Envelope") || !ENVELOPE_NS.equals(root.namespace())) {
      throw new IOException("not a SOAP 1.1 envelope (the root is <" + root.name() + ">)");
    }
    XmlTree body = null;
    for (XmlTree c : root.children()) {
      if (c.name().equals("Body") && ENVELOPE_NS.equals(c.namespace())) {
        body = c;
      }
    }
    if (body == null || body.children().size() != 1) {
      throw new IOException("the SOAP Body must hold exactly one element");
    }
    XmlTree op = body.children().get(0);
    if (op.name().equals("Fault") && ENVELOPE_NS.equals(op.namespace())) {
      XmlTree error = op.at("detail/axlError");
      String message = error != null && error.textAt("axlmessage") != null ? error.textAt("axlmessage")
          : String.valueOf(op.textAt("faultstring"));
      int code = 0;
      if (error != null && error.textAt("axlcode") != null) {
        try {
          code = Integer.parseInt(error.textAt("axlcode").trim());
        } catch (NumberFormatException e) {
          code = 0;
        }
      }
      throw new AxlFault(code, message, error == null ? null : error.textAt("request"));
    }
    return op;
  }
}
