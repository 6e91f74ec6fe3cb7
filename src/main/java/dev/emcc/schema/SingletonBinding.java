package dev.emcc.schema;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A single-object window (EMCC Feature Configuration, the intercluster service profile, the cluster's own settings). */
public record SingletonBinding<T>(ClusterCollection<T> collection) implements Binding<T> {
  public SingletonBinding {
    if (!collection.singleton()) {
      throw new IllegalArgumentException(collection + " is a list, not a single object");
    }
  }

  @Override
  public Class<T> type() {
    return collection.type();
  }

  /** The JSON key in the cluster holding the object; "" for the cluster's own settings, which are the cluster's fields. */
  @Override
  public String clusterKey() {
    return collection == ClusterCollection.CLUSTER ? "" : collection.key();
  }

  public Function<Cluster, T> get() {
    return collection::value;
  }

  public BiFunction<Cluster, T, Cluster> set() {
    return (c, value) -> collection.with(c, value == null ? List.of() : List.of(value));
  }
}
