package dev.emcc.model;

import java.time.Instant;

/**
 * What the last remote-cluster update learned: whether the remote cluster answered, its version,
 * and which of its services are "remote activated". A cluster that did not answer has all of them
 * false until the next successful update or "Update Remote Cluster Now".
 */
public record RemoteClusterStatus(Instant updatedAt, boolean answered, String version, RemoteServices remoteActivated) {
  public RemoteClusterStatus {
    remoteActivated = Defaults.or(remoteActivated, RemoteServices.NONE);
  }
}
