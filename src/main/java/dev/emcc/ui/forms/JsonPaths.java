package dev.emcc.ui.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes dotted keys ({@code services.tftp}) in a form's JSON copy. */
final class JsonPaths {
  private JsonPaths() {}

  static JsonNode get(ObjectNode root, String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) {
      n = n == null ? MissingNode.getInstance() : n.path(part);
    }
    return n;
  }

  static void set(ObjectNode root, String key, JsonNode value) {
    String[] parts = key.split("\\.");
    ObjectNode n = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = n.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = n.putObject(parts[i]);
      }
      n = (ObjectNode) child;
    }
    n.set(parts[parts.length - 1], value);
  }

  static String text(ObjectNode root, String key) {
    JsonNode n = get(root, key);
    return n.isMissingNode() || n.isNull() ? "" : n.asText();
  }
}
