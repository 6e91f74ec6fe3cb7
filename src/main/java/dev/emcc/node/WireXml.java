package dev.emcc.node;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The simulator's wire records ({@code dev.emcc.sim.Wire}) as EMService XML: a record is an element
 * with one child element per component, a list is an element marked {@code list="true"} with one
 * {@code <item>} per entry, a null component is left out. Scalars travel as text; a lenient mapper
 * (scalar coercion on, unlike the workspace reader) turns them back into the record's types.
 */
public final class WireXml {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .findAndRegisterModules()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private WireXml() {}

  /** {@code <tag>...</tag>} for a record. */
  public static String write(String tag, Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, tag, MAPPER.valueToTree(value));
    return sb.toString();
  }

  public static <T> T read(Element element, Class<T> type) throws IOException {
    try {
      return MAPPER.treeToValue(tree(element), type);
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("<" + element.getTagName() + "> does not read as " + type.getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  private static void write(StringBuilder sb, String tag, JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    sb.append('<').append(tag);
    if (node.isArray()) {
      sb.append(" list=\"true\">");
      for (JsonNode item : node) {
        if (item.isNull()) {
          sb.append("<item nil=\"true\"/>");
        } else {
          write(sb, "item", item);
        }
      }
    } else if (node.isObject()) {
      sb.append('>');
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        write(sb, e.getKey(), e.getValue());
      }
    } else {
      sb.append('>').append(EmXml.escape(node.asText()));
    }
    sb.append("</").append(tag).append('>');
  }

  private static JsonNode tree(Element e) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if ("true".equals(e.getAttribute("nil"))) {
      return f.nullNode();
    }
    List<Element> children = EmXml.children(e);
    if ("true".equals(e.getAttribute("list"))) {
      ArrayNode a = f.arrayNode();
      children.forEach(c -> a.add(tree(c)));
      return a;
    }
    if (children.isEmpty()) {
      return f.textNode(e.getTextContent());
    }
    ObjectNode o = f.objectNode();
    children.forEach(c -> o.set(c.getTagName(), tree(c)));
    return o;
  }
}
