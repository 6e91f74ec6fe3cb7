package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;

/** Where a window's objects live in a cluster: a list of named objects or one object. */
public sealed interface Binding<T> permits CollectionBinding, SingletonBinding {
  /** The part of the cluster the window edits. */
  ClusterCollection<T> collection();

  Class<T> type();

  /** The JSON key in the cluster holding the object(s) ("" for the cluster's own settings). */
  String clusterKey();
}
