package dev.emcc.ui.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.schema.Binding;

/**
 * A form edits an {@link ObjectNode} copy of its object, so field keys are JSON keys and the
 * record's own checks (compact constructors) run when the copy turns back into a record on save.
 */
public final class FormJson {
  private FormJson() {}

  public static ObjectNode toNode(Object value) {
    return (ObjectNode) WorkspaceFormat.toTree(value);
  }

  public static <T> T fromNode(Binding<T> binding, ObjectNode node) throws JsonProcessingException {
    return Json.mapper().treeToValue(node, binding.type());
  }
}
