package dev.emcc.ui.start;

import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.SyncBase;
import dev.emcc.ui.sync.SyncPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registered nodes of each cluster with their last sync, as the console and {@code emcc sync}
 * recorded them (the nodes file and the sync base); {@code error} says why they could not be read.
 */
record NodeSyncs(Map<String, List<Node>> byCluster, String error) {
  /** A node: its URL, when it was last synced (null: never) and its revision then. */
  record Node(String url, Instant lastSync, long seenRevision) {}

  static final NodeSyncs NONE = new NodeSyncs(Map.of(), null);

  /** Reads without creating either file. */
  static NodeSyncs read(SyncPaths paths) {
    try {
      if (!Files.exists(paths.nodesFile())) {
        return NONE;
      }
      NodesFile file = NodesFile.load(paths.nodesFile());
      List<SyncBase.Synced> syncs = SyncBase.syncs(paths.baseFile());
      Map<String, List<Node>> out = new TreeMap<>();
      for (NodeRef r : file.nodes()) {
        if (r.clusterId() == null) {
          continue; // registered while empty: it joins its cluster with the first push
        }
        SyncBase.Synced s = syncs.stream().filter(x -> x.node().equals(r.url()) && x.clusterId().equals(r.clusterId()))
            .findFirst().orElse(null);
        out.computeIfAbsent(r.clusterId(), k -> new ArrayList<>())
            .add(new Node(r.url(), s == null ? null : s.at(), s == null ? -1 : s.seenRevision()));
      }
      return new NodeSyncs(out, null);
    } catch (IOException | RuntimeException e) {
      return new NodeSyncs(Map.of(), String.valueOf(e.getMessage()));
    }
  }
}
