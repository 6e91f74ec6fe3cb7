package dev.emcc.schema;

import dev.emcc.model.Cluster;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list window's objects: the cluster's list, how to put a changed list back, the identity key
 * (the JSON key of the name) and a blank object with CUCM defaults for Add New ({@code blankIn}:
 * the blank object in a cluster, where its defaults depend on the cluster's settings).
 */
public record CollectionBinding<T>(
    Class<T> type,
    String clusterKey,
    String nameKey,
    Function<Cluster, List<T>> get,
    BiFunction<Cluster, List<T>, Cluster> set,
    Function<T, String> name,
    Supplier<T> blank,
    List<Column<T>> columns,
    Function<Cluster, T> blankIn) implements Binding<T> {

  public CollectionBinding {
    columns = List.copyOf(columns);
  }

  /** A binding whose blank object is the same in every cluster. */
  public CollectionBinding(Class<T> type, String clusterKey, String nameKey, Function<Cluster, List<T>> get,
      BiFunction<Cluster, List<T>, Cluster> set, Function<T, String> name, Supplier<T> blank,
      List<Column<T>> columns) {
    this(type, clusterKey, nameKey, get, set, name, blank, columns, c -> blank.get());
  }

  /** A summary column of the Find list: a field and its text for an object. */
  public record Column<T>(Field field, Function<T, String> text) {
    public String labelKey() {
      return field.labelKey();
    }
  }
}
