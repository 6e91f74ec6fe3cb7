package dev.emcc.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small edits of a JSON tree by dotted path ({@code clusters[1].phones[0].model}), for the faults. */
final class JsonEdit {
  private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

  private JsonEdit() {}

  static void set(JsonNode root, String path, Object value) {
    int dot = path.lastIndexOf('.');
    JsonNode parent = dot < 0 ? root : get(root, path.substring(0, dot));
    String last = dot < 0 ? path : path.substring(dot + 1);
    Matcher m = STEP.matcher(last);
    if (!m.matches()) {
      throw new IllegalArgumentException(path);
    }
    JsonNode v = Json.mapper().valueToTree(value);
    if (m.group(2) == null) {
      ((ObjectNode) parent).set(m.group(1), v);
    } else {
      ((ArrayNode) parent.get(m.group(1))).set(Integer.parseInt(m.group(2)), v);
    }
  }

  static void add(JsonNode root, String arrayPath, Object value) {
    ((ArrayNode) get(root, arrayPath)).add(Json.mapper().<JsonNode>valueToTree(value));
  }

  static JsonNode get(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException(path);
      }
      n = n.get(m.group(1));
      if (m.group(2) != null) {
        n = n.get(Integer.parseInt(m.group(2)));
      }
      if (n == null) {
        throw new IllegalArgumentException("no " + part + " in " + path);
      }
    }
    return n;
  }
}
