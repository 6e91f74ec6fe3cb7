package dev.emcc.ui.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;

/**
 * Where a window's objects live in a cluster and how the form's JSON copy turns back into a
 * record. The form edits an {@link ObjectNode} copy, so field keys are JSON keys and the
 * record's own checks (compact constructors) run on save.
 */
public sealed interface Binding<T> permits CollectionBinding, SingletonBinding {
  Class<T> type();

  /** The JSON key of the cluster holding the object(s), for diagnostic paths. */
  String clusterKey();

  default ObjectNode toNode(T value) {
    return (ObjectNode) WorkspaceFormat.toTree(value);
  }

  default T fromNode(ObjectNode node) throws JsonProcessingException {
    return Json.mapper().treeToValue(node, type());
  }
}
