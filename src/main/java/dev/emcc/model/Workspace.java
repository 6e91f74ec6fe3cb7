package dev.emcc.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A whole EMCC deployment: the clusters that take part, as one workspace document holds them. */
public record Workspace(int formatVersion, List<Cluster> clusters) {
  public static final int FORMAT_VERSION = 1;

  public Workspace {
    clusters = Defaults.list(clusters);
  }

  public static Workspace of(List<Cluster> clusters) {
    return new Workspace(FORMAT_VERSION, clusters);
  }

  public Optional<Cluster> cluster(String clusterId) {
    return clusters.stream().filter(c -> c.clusterId().equals(clusterId)).findFirst();
  }

  /** A copy with one cluster replaced (matched by id) or appended when it is new. */
  public Workspace withCluster(Cluster cluster) {
    List<Cluster> next = new ArrayList<>(clusters);
    int i = indexOf(cluster.clusterId());
    if (i >= 0) {
      next.set(i, cluster);
    } else {
      next.add(cluster);
    }
    return new Workspace(formatVersion, next);
  }

  public Workspace updateCluster(String clusterId, UnaryOperator<Cluster> change) {
    return cluster(clusterId).map(c -> withCluster(change.apply(c))).orElse(this);
  }

  public Workspace withoutCluster(String clusterId) {
    return new Workspace(formatVersion,
        clusters.stream().filter(c -> !c.clusterId().equals(clusterId)).toList());
  }

  public int indexOf(String clusterId) {
    for (int i = 0; i < clusters.size(); i++) {
      if (clusters.get(i).clusterId().equals(clusterId)) {
        return i;
      }
    }
    return -1;
  }
}
