package dev.emcc.axl;

import dev.emcc.format.AtomicFiles;
import dev.emcc.format.DocumentException;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The cluster as last pulled from (or pushed to) an AXL server, kept per server and cluster in
 * {@code ~/.emcc/axl/}: a plan compares with it to tell the cluster's own changes since (AXL has
 * no change feed every version answers).
 */
public final class PulledStates {
  private final Path dir;

  public PulledStates(Path dir) {
    this.dir = dir;
  }

  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".emcc", "axl");
  }

  public Path file(String host, int port, String clusterId) {
    String name = (host + "_" + port + "_" + clusterId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    return dir.resolve(name + ".json");
  }

  /** The cluster as last pulled, or null when it never was. */
  public Cluster load(String host, int port, String clusterId) throws IOException, DocumentException {
    Path f = file(host, port, clusterId);
    return Files.exists(f) ? WorkspaceFormat.readCluster(Files.readAllBytes(f), f.toString()) : null;
  }

  public void save(String host, int port, Cluster cluster) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.writeOwnerOnly(file(host, port, cluster.clusterId()),
        dev.emcc.format.Json.mapper().writeValueAsBytes(cluster));
  }
}
