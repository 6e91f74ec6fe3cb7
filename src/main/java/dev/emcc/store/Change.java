package dev.emcc.store;

/**
 * One object a save added, changed, removed or moved: cluster, collection key ({@code phones},
 * {@code trustStores}, {@code cluster} for the cluster settings) and object name ("" for singletons).
 */
public record Change(String clusterId, String collection, String name, ChangeKind kind) {}
