package dev.emcc.sync;

import dev.emcc.wire.ObjectKey;
import java.util.Set;

/**
 * Which local objects may have changed since the file index numbered {@code sinceIndex} (a scan of
 * a workspace file or database tells it: elements it had to read, elements the index held that are
 * gone, and the cluster's own objects, always); {@code index} is the index now kept. A sync section
 * reconciled with {@code sinceIndex} then plans only these, the node's changes and what it left
 * unsynced ({@link Syncer}); any other section compares every object.
 */
record LocalChanges(long sinceIndex, long index, Set<ObjectKey> keys) {
  LocalChanges {
    keys = Set.copyOf(keys);
  }
}
