package dev.emcc.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.emcc.model.Cluster;
import dev.emcc.model.SecurityMode;

/**
 * The cluster window's own fields, stored as the singleton object {@code cluster} of a cluster.
 * Keys as the workspace document writes them.
 */
@JsonPropertyOrder({"clusterId", "version", "securityMode", "maxPhones"})
public record ClusterSettings(String clusterId, String version, SecurityMode securityMode, Integer maxPhones) {

  public static ClusterSettings of(Cluster c) {
    return new ClusterSettings(c.clusterId(), c.version(), c.securityMode(), c.maxPhones());
  }
}
