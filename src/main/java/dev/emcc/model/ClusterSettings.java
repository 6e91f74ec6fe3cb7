package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The cluster window's own fields as one object: the form edits it (not the whole cluster, with its
 * 40,000 profiles), the store keeps it as the cluster's {@code cluster} object, a node serves it
 * as {@code settings/cluster} without the id (the node's cluster is the id), so a null id is left
 * out of its JSON.
 */
@JsonPropertyOrder({"clusterId", "version", "securityMode", "maxPhones"})
public record ClusterSettings(
    @JsonInclude(JsonInclude.Include.NON_NULL) String clusterId,
    String version,
    SecurityMode securityMode,
    Integer maxPhones) {

  public static ClusterSettings of(Cluster c) {
    return new ClusterSettings(c.clusterId(), c.version(), c.securityMode(), c.maxPhones());
  }

  /** The settings as a node serves them: the id is the node's. */
  public ClusterSettings withoutId() {
    return new ClusterSettings(null, version, securityMode, maxPhones);
  }

  /** The cluster with these settings; its id stays (the cluster ID is shown, not edited). */
  public Cluster applyTo(Cluster c) {
    return c.withVersion(version).withSecurityMode(securityMode).withMaxPhones(maxPhones);
  }
}
