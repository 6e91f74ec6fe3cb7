package dev.emcc.node;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The EMService XML, modelled on the Extension Mobility API: safe parsing (no DTDs, no external
 * entities), request builders for callers (the simulator, a visiting cluster) and answer writers.
 * The documents are described in docs/nodes.md.
 */
public final class EmXml {
  private EmXml() {}

  /** Parses a document with DTDs and external entities disabled: an XXE attempt is a parse error. */
  public static Element parse(String xml) throws IOException {
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
    } catch (SAXException e) {
      throw new IOException(e.getMessage(), e);
    }
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

  private static String el(String name, String value) {
    return value == null ? "" : "<" + name + ">" + escape(value) + "</" + name + ">";
  }

  // ---- answers ----

  public static String success() {
    return "<success/>";
  }

  public static String failure(int code, String text) {
    return "<failure><error code=\"" + code + "\">" + escape(text) + "</error></failure>";
  }

  /** A parsed answer: success (with its document) or failure with the EMService error code. */
  public record Answer(boolean success, Integer code, String text, Element document) {}

  public static Answer readAnswer(String xml) throws IOException {
    Element root = parse(xml);
    if (root.getTagName().equals("failure")) {
      Element error = child(root, "error");
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

  // ---- requests ----

  public static String login(String deviceName, String userId, String pin, String deviceProfile) {
    return "<request><login>" + el("deviceName", deviceName) + el("userID", userId) + el("pin", pin)
        + el("deviceProfile", deviceProfile) + "<exclusiveDuration><indefinite/></exclusiveDuration>"
        + "</login></request>";
  }

  public static String logout(String deviceName) {
    return "<request><logout>" + el("deviceName", deviceName) + "</logout></request>";
  }

  public static String deviceUserQuery(String... deviceNames) {
    StringBuilder sb = new StringBuilder("<query><deviceUserQuery>");
    for (String d : deviceNames) {
      sb.append(el("deviceName", d));
    }
    return sb.append("</deviceUserQuery></query>").toString();
  }

  public static String userDevicesQuery(String... userIds) {
    StringBuilder sb = new StringBuilder("<query><userDevicesQuery>");
    for (String u : userIds) {
      sb.append(el("userID", u));
    }
    return sb.append("</userDevicesQuery></query>").toString();
  }

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
