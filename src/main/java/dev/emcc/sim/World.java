package dev.emcc.sim;

import dev.emcc.model.Workspace;
import java.time.Instant;

/** What the EMServices of a simulation share: the configuration, the network and the clock. */
interface World {
  Workspace workspace();

  /** The look-up tables of a cluster of the current workspace, or null when there is none. */
  ClusterIndex index(String clusterId);

  ClusterState state(String clusterId);

  HomeEmService emService(String clusterId);

  boolean wanUp();

  /** True when the fault is staged in the cluster. */
  boolean fault(String clusterId, ClusterFault fault);

  Instant now();
}
