package dev.emcc.store;

/** Where an object is stored: its cluster, collection key and name ("" for singletons). */
record RowKey(String clusterId, String collection, String name) {}
