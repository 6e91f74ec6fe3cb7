package dev.emcc.ui.forms;

import dev.emcc.model.Cluster;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list window's objects: the cluster's list, how to put a changed list back, the identity key
 * (the JSON key of the name) and a blank object with CUCM defaults for Add New.
 */
public record CollectionBinding<T>(
    Class<T> type,
    String clusterKey,
    String nameKey,
    Function<Cluster, List<T>> get,
    BiFunction<Cluster, List<T>, Cluster> set,
    Function<T, String> name,
    Supplier<T> blank,
    List<Column<T>> columns) implements Binding<T> {

  /** {@link #toNode} for a value known only as an Object (tests, generic code). */
  @SuppressWarnings("unchecked")
  public com.fasterxml.jackson.databind.node.ObjectNode toNodeUnchecked(Object value) {
    return toNode((T) value);
  }

  public T fromNodeUnchecked(com.fasterxml.jackson.databind.node.ObjectNode node)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    return fromNode(node);
  }

  /** A summary column of the Find list: a field's label key and its text. */
  public record Column<T>(String labelKey, Function<T, String> text) {}
}
