package dev.emcc.schema;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list window's objects: the cluster's collection ({@link ClusterCollection}: its key, naming
 * field, list and how to put a changed list back), a blank object with CUCM defaults for Add New,
 * the summary columns of the Find list, and {@code blankIn}: the blank object in a cluster, where
 * its defaults depend on the cluster's settings.
 */
public record CollectionBinding<T>(ClusterCollection<T> collection, Supplier<T> blank, List<Column<T>> columns,
    Function<Cluster, T> blankIn) implements Binding<T> {

  public CollectionBinding {
    if (collection.singleton()) {
      throw new IllegalArgumentException(collection + " is a single object, not a list");
    }
    columns = List.copyOf(columns);
  }

  /** A binding whose blank object is the same in every cluster. */
  public CollectionBinding(ClusterCollection<T> collection, Supplier<T> blank, List<Column<T>> columns) {
    this(collection, blank, columns, c -> blank.get());
  }

  @Override
  public Class<T> type() {
    return collection.type();
  }

  @Override
  public String clusterKey() {
    return collection.key();
  }

  /** The JSON key of the field that names an object. */
  public String nameKey() {
    return collection.idField();
  }

  public Function<Cluster, List<T>> get() {
    return collection::items;
  }

  public BiFunction<Cluster, List<T>, Cluster> set() {
    return collection::with;
  }

  public Function<T, String> name() {
    return collection::nameOf;
  }

  /** A summary column of the Find list: a field and its text for an object. */
  public record Column<T>(Field field, Function<T, String> text) {
    public String labelKey() {
      return field.labelKey();
    }
  }
}
