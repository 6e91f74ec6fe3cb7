package dev.emcc.node;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The EMService XML: safe parsing (no DTDs, no external entities), the Extension Mobility API's
 * answers and requests as Cisco publishes them, and this product's cluster-to-cluster messages.
 * The documents are described in docs/emapi.md and docs/nodes.md.
 */
public final class EmXml {
  private EmXml() {}

  /** Deeper documents are refused before they are built (the EM API's are 4 deep). */
  public static final int MAX_DEPTH = 32;

  private static final ThreadLocal<XMLInputFactory> STAX = ThreadLocal.withInitial(() -> {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return f;
  });

  /**
   * Parses a document with DTDs and external entities disabled. A document that is not
   * well-formed, has a DOCTYPE (an XXE attempt) or is nested deeper than {@value #MAX_DEPTH}
   * elements is refused with our own message and its line and column; the parser's own text is
   * never passed on.
   */
  public static Element parse(String xml) throws IOException {
    checkShape(xml);
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }
      });
      Document d = b.parse(new InputSource(new StringReader(xml)));
      return d.getDocumentElement();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
    } catch (org.xml.sax.SAXParseException e) {
      throw new IOException(notWellFormed(e.getLineNumber(), e.getColumnNumber()));
    } catch (SAXException e) {
      throw new IOException("the XML is not well-formed");
    }
  }

  /** Well-formedness, no DOCTYPE and the depth, streaming (no recursion, no tree). */
  private static void checkShape(String xml) throws IOException {
    XMLStreamReader r = null;
    try {
      r = STAX.get().createXMLStreamReader(new StringReader(xml));
      int depth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
          Location at = r.getLocation();
          throw new IOException("the XML is nested deeper than " + MAX_DEPTH + " elements (line "
              + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.DTD) {
          throw new IOException("a DOCTYPE is not allowed in a request");
        }
      }
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      throw new IOException(at == null ? "the XML is not well-formed" : notWellFormed(at.getLineNumber(),
          at.getColumnNumber()));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
    }
  }

  private static String notWellFormed(int line, int column) {
    return line > 0 ? "the XML is not well-formed (line " + line + ", column " + column + ")"
        : "the XML is not well-formed";
  }

  /** The first child element with that name, or null. */
  public static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The trimmed text of a child element, or null when it is absent or empty. */
  public static String text(Element parent, String name) {
    Element e = child(parent, name);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Text content: only {@code < > &} need escaping there ({@code 'appid'} stays as CUCM writes it). */
  public static String escapeText(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String el(String name, String value) {
    return value == null ? "" : "<" + name + ">" + escape(value) + "</" + name + ">";
  }

  // ---- answers ----

  /** The EM API's success answer. */
  public static String success() {
    return "<response><success/></response>";
  }

  /** The EM API's failure answer: {@code <response><failure><error code="N">text</error></failure></response>}. */
  public static String failure(int code, String text) {
    return "<response><failure><error code=\"" + code + "\">" + escapeText(text) + "</error></failure></response>";
  }

  /**
   * A parsed answer: success (with its {@code <response>} document) or failure with the EMService
   * error code. A bare {@code <failure>} (no {@code <response>} around it) is read too.
   */
  public record Answer(boolean success, Integer code, String text, Element document) {}

  public static Answer readAnswer(String xml) throws IOException {
    Element root = parse(xml);
    Element failure = root.getTagName().equals("failure") ? root
        : root.getTagName().equals("response") ? child(root, "failure") : null;
    if (failure != null) {
      Element error = child(failure, "error");
      if (error == null) {
        return new Answer(false, 0, "failure without an error element", root);
      }
      int code;
      try {
        code = Integer.parseInt(error.getAttribute("code").trim());
      } catch (NumberFormatException e) {
        code = 0;
      }
      return new Answer(false, code, error.getTextContent().trim(), root);
    }
    return new Answer(true, null, null, root);
  }

  // ---- requests of the EM API ----

  /** The {@code <appInfo>} of an application user. */
  public static String appInfo(String appId, String password) {
    return "<appInfo>" + el("appID", appId) + el("appCertificate", password) + "</appInfo>";
  }

  /**
   * A login: {@code exclusiveMinutes} null for {@code <indefinite/>}, else {@code <time>}; no
   * {@code <exclusiveDuration>} at all when {@code exclusive} is false.
   */
  public static String login(String appInfo, String deviceName, String userId, String deviceProfile,
      Integer exclusiveMinutes) {
    return "<request>" + appInfo + "<login>" + el("deviceName", deviceName) + el("userID", userId)
        + el("deviceProfile", deviceProfile) + "<exclusiveDuration>"
        + (exclusiveMinutes == null ? "<indefinite/>" : "<time>" + exclusiveMinutes + "</time>")
        + "</exclusiveDuration></login></request>";
  }

  public static String logout(String appInfo, String deviceName) {
    return "<request>" + appInfo + "<logout>" + el("deviceName", deviceName) + "</logout></request>";
  }

  public static String logoutAll(String appInfo) {
    return "<request>" + appInfo + "<logoutAll/></request>";
  }

  /** A query of one kind (deviceUserQuery: deviceName; the others: userID) over several names. */
  public static String query(String appInfo, String kind, String... names) {
    String element = kind.equals("deviceUserQuery") ? "deviceName" : "userID";
    StringBuilder sb = new StringBuilder("<query>").append(appInfo).append('<').append(kind).append('>');
    for (String n : names) {
      sb.append(el(element, n));
    }
    return sb.append("</").append(kind).append("></query>").toString();
  }

  // ---- this product's cluster-to-cluster messages (Intercluster) ----

  /**
   * Cluster to cluster: the visiting cluster asks a remote cluster whether it is the user's home.
   * {@code loginType} is UID (default), DN (userId holds the extension) or SP (self-service id).
   */
  public static String homeClusterQuery(String visitingClusterId, String userId, String loginType, String pin) {
    return "<query><homeClusterQuery>" + el("visitingClusterId", visitingClusterId) + el("userID", userId)
        + el("loginType", loginType) + el("pin", pin) + "</homeClusterQuery></query>";
  }

  /** Cluster to cluster: "Update Remote Cluster Now", which services the remote cluster activates. */
  public static String remoteClusterQuery(String fromClusterId, String toClusterId) {
    return "<query><remoteClusterQuery>" + el("fromClusterId", fromClusterId) + el("toClusterId", toClusterId)
        + "</remoteClusterQuery></query>";
  }
}
