package dev.emcc.axl;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Cisco's AXL 12.5 schema as the contract: validates the operation element of a SOAP envelope
 * (request or answer) or a fault's axlError against AXLSoap.xsd.
 */
public final class AxlSchema {
  private static Schema schema;

  private AxlSchema() {}

  static synchronized Schema schema() throws Exception {
    if (schema == null) {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      schema = f.newSchema(Peers.axlSchema().resolve("AXLSoap.xsd").toFile());
    }
    return schema;
  }

  /** Throws when the envelope's body element does not fit Cisco's schema (a 12.5 namespace is required). */
  public static void validate(byte[] envelope) throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document d = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
    Element body = null;
    for (Node n = d.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getLocalName().equals("Body")) {
        body = e;
      }
    }
    Element op = null;
    for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        op = e;
      }
    }
    if (op.getLocalName().equals("Fault")) {
      Element error = (Element) op.getElementsByTagName("axlError").item(0);
      // the detail is unqualified in CUCM's faults; the schema's element is in the AXL namespace
      Document copy = dbf.newDocumentBuilder().newDocument();
      Element root = copy.createElementNS("http://www.cisco.com/AXL/API/12.5", "ns:axlError");
      for (Node n = error.getFirstChild(); n != null; n = n.getNextSibling()) {
        root.appendChild(copy.importNode(n, true));
      }
      copy.appendChild(root);
      schema().newValidator().validate(new DOMSource(copy));
      return;
    }
    Document copy = dbf.newDocumentBuilder().newDocument();
    copy.appendChild(copy.importNode(op, true));
    schema().newValidator().validate(new DOMSource(copy));
  }

  /** A client wire that validates every request and answer, collecting what failed. */
  public static final class Validating implements AxlClient.Wire {
    public final List<String> failures = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

    public int exchanges() {
      return count.get();
    }

    @Override
    public void exchanged(String operation, byte[] request, int status, byte[] response) {
      count.incrementAndGet();
      check(operation + " request", request);
      if (status != 503) {
        check(operation + " answer (HTTP " + status + ")", response);
      }
    }

    private void check(String what, byte[] xml) {
      try {
        validate(xml);
      } catch (Exception e) {
        failures.add(what + ": " + e.getMessage() + "\n" + new String(xml, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }
}
