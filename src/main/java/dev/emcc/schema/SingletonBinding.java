package dev.emcc.schema;

import dev.emcc.model.Cluster;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A single-object window (EMCC Feature Configuration, the intercluster service profile). */
public record SingletonBinding<T>(
    Class<T> type,
    String clusterKey,
    Function<Cluster, T> get,
    BiFunction<Cluster, T, Cluster> set) implements Binding<T> {}
