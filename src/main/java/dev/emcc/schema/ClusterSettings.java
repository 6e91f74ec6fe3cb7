package dev.emcc.schema;

import dev.emcc.model.Cluster;
import dev.emcc.model.SecurityMode;

/**
 * The cluster window's few fields, as a small record so the form does not copy the whole cluster
 * (40,000 profiles) into JSON. The cluster ID is shown, not edited: it identifies the cluster.
 */
public record ClusterSettings(String clusterId, String version, SecurityMode securityMode, Integer maxPhones) {
  public static ClusterSettings of(Cluster c) {
    return new ClusterSettings(c.clusterId(), c.version(), c.securityMode(), c.maxPhones());
  }

  public Cluster applyTo(Cluster c) {
    return c.withVersion(version).withSecurityMode(securityMode).withMaxPhones(maxPhones);
  }
}
