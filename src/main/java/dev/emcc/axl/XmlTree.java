package dev.emcc.axl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML element as AXL uses it: a local name, attributes, text or child elements. AXL's
 * elements below the operation are unqualified, so names are local names; a parsed tree keeps
 * the namespace of each element for the envelope's checks.
 */
public final class XmlTree {
  /** Deeper documents are refused before they are built (AXL's are about 10 deep). */
  static final int MAX_DEPTH = 40;

  private static final ThreadLocal<XMLInputFactory> STAX = ThreadLocal.withInitial(() -> {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  });

  private final String name;
  private final String namespace;
  private final Map<String, String> attributes = new LinkedHashMap<>(2);
  private final List<XmlTree> children = new ArrayList<>(4);
  private String text;

  public XmlTree(String name) {
    this(name, null);
  }

  private XmlTree(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
  }

  /** An element holding text. */
  public static XmlTree text(String name, String value) {
    XmlTree t = new XmlTree(name);
    t.text = value;
    return t;
  }

  public String name() {
    return name;
  }

  /** The namespace URI of a parsed element (null for one built here). */
  public String namespace() {
    return namespace;
  }

  /** The element's own text, "" when it has none. */
  public String text() {
    return text == null ? "" : text;
  }

  public boolean hasText() {
    return text != null && !text.isEmpty();
  }

  public XmlTree add(XmlTree child) {
    children.add(child);
    return this;
  }

  public XmlTree add(String childName, String value) {
    return add(text(childName, value));
  }

  public XmlTree attribute(String key, String value) {
    attributes.put(key, value);
    return this;
  }

  public String attribute(String key) {
    return attributes.get(key);
  }

  public List<XmlTree> children() {
    return children;
  }

  /** The first child of that name, or null. */
  public XmlTree child(String childName) {
    for (XmlTree c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  public List<XmlTree> all(String childName) {
    List<XmlTree> out = new ArrayList<>();
    for (XmlTree c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The element at a slash path below this one ("dirn/pattern"), or null. */
  public XmlTree at(String path) {
    XmlTree t = this;
    for (String part : path.split("/")) {
      t = t.child(part);
      if (t == null) {
        return null;
      }
    }
    return t;
  }

  /** The text at a slash path, or null when the element is missing. */
  public String textAt(String path) {
    XmlTree t = at(path);
    return t == null ? null : t.text();
  }

  /** Writes the element with {@code prefix:} on its own name only (AXL's children are unqualified). */
  public void write(StringBuilder out, String prefix, String namespaceDeclaration) {
    String qname = prefix == null ? name : prefix + ":" + name;
    out.append('<').append(qname);
    if (namespaceDeclaration != null) {
      out.append(" xmlns:").append(prefix).append("=\"").append(namespaceDeclaration).append('"');
    }
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      out.append(' ').append(a.getKey()).append("=\"");
      escape(out, a.getValue(), true);
      out.append('"');
    }
    if (children.isEmpty() && (text == null || text.isEmpty())) {
      out.append("/>");
      return;
    }
    out.append('>');
    if (text != null) {
      escape(out, text, false);
    }
    for (XmlTree c : children) {
      c.write(out, null, null);
    }
    out.append("</").append(qname).append('>');
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    write(b, null, null);
    return b.toString();
  }

  static void escape(StringBuilder out, String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  /**
   * Parses a document with DTDs and external entities refused; the parser's own words never
   * leave here, only ours with the line and column.
   */
  public static XmlTree parse(byte[] xml) throws IOException {
    XMLStreamReader r = null;
    try {
      r = STAX.get().createXMLStreamReader(new ByteArrayInputStream(xml));
      List<XmlTree> stack = new ArrayList<>();
      XmlTree root = null;
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int e = r.next();
        switch (e) {
          case XMLStreamConstants.DTD -> throw new IOException("the XML has a DOCTYPE, which is not allowed");
          case XMLStreamConstants.START_ELEMENT -> {
            if (stack.size() >= MAX_DEPTH) {
              throw new IOException("the XML is nested deeper than " + MAX_DEPTH + " elements at line "
                  + r.getLocation().getLineNumber());
            }
            XmlTree t = new XmlTree(r.getLocalName(), r.getNamespaceURI());
            for (int i = 0; i < r.getAttributeCount(); i++) {
              t.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            if (stack.isEmpty()) {
              root = t;
            } else {
              stack.get(stack.size() - 1).children.add(t);
            }
            stack.add(t);
            text.setLength(0);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            XmlTree t = stack.remove(stack.size() - 1);
            if (t.children.isEmpty()) {
              t.text = text.toString();
            }
            text.setLength(0);
          }
          default -> { }
        }
      }
      if (root == null) {
        throw new IOException("the XML has no element");
      }
      return root;
    } catch (XMLStreamException e) {
      javax.xml.stream.Location at = e.getLocation();
      throw new IOException("the XML is not well-formed"
          + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing to release beyond the byte array
        }
      }
    }
  }

  static byte[] utf8(StringBuilder b) {
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
