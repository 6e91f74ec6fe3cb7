package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.AtomicFiles;
import dev.emcc.format.Json;
import dev.emcc.store.WorkspaceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The nodes this console talks to: URL, pinned certificate fingerprint, API token and cluster.
 * Kept in its own file readable by its owner only (rw-------), beside the workspace database by
 * default; tokens live here and nowhere else (never in a workspace export).
 */
public final class NodesFile {
  private final Path file;
  private final List<NodeRef> nodes;

  private NodesFile(Path file, List<NodeRef> nodes) {
    this.file = file;
    this.nodes = nodes;
  }

  /** {@code nodes.json} in the console's data folder (beside workspace.db). */
  public static Path defaultPath() {
    return WorkspaceStore.defaultPath().resolveSibling("nodes.json");
  }

  public static NodesFile load(Path file) throws IOException {
    List<NodeRef> nodes = new ArrayList<>();
    if (Files.exists(file)) {
      JsonNode root = Json.mapper().readTree(file.toFile());
      for (JsonNode n : root.path("nodes")) {
        nodes.add(new NodeRef(n.path("url").asText(), n.path("fingerprint").asText(), n.path("token").asText(),
            n.hasNonNull("clusterId") ? n.get("clusterId").asText() : null));
      }
    }
    return new NodesFile(file, nodes);
  }

  public Path file() {
    return file;
  }

  public List<NodeRef> nodes() {
    return List.copyOf(nodes);
  }

  public Optional<NodeRef> find(String url) {
    String u = NodeRef.normalizeUrl(url);
    return nodes.stream().filter(n -> n.url().equalsIgnoreCase(u)).findFirst();
  }

  public List<NodeRef> forCluster(String clusterId) {
    return nodes.stream().filter(n -> clusterId.equals(n.clusterId())).toList();
  }

  /** Adds a node, replacing an entry with the same URL. */
  public void add(NodeRef node) {
    nodes.removeIf(n -> n.url().equalsIgnoreCase(node.url()));
    nodes.add(node);
  }

  public boolean remove(String url) {
    String u = NodeRef.normalizeUrl(url);
    return nodes.removeIf(n -> n.url().equalsIgnoreCase(u));
  }

  /** Writes the file with owner-only permissions, created so from the start, then moved in place. */
  public void save() throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("formatVersion", 1);
    ArrayNode list = root.putArray("nodes");
    for (NodeRef n : nodes) {
      list.addObject().put("url", n.url()).put("fingerprint", n.fingerprint()).put("token", n.token())
          .put("clusterId", n.clusterId());
    }
    AtomicFiles.writeOwnerOnly(file, Json.mapper().writeValueAsBytes(root));
  }
}
