package dev.emcc.model;

/** A remote cluster entry (Advanced Features > Cluster View): the link to another EMCC cluster. */
public record RemoteCluster(
    String clusterId,
    String fullyQualifiedName,
    String description,
    RemoteServices services,
    RemoteClusterStatus status) {

  public RemoteCluster {
    services = Defaults.or(services, RemoteServices.NONE);
  }

  /**
   * An entry as Cluster View's Add New saves it in a cluster with this feature configuration
   * (seed line 456): with "Enable All Remote Cluster Services When Adding A New Remote Cluster"
   * True the remote cluster services start on, with False (the default) they all start off and
   * are enabled by hand. No update has run yet: no status.
   */
  public static RemoteCluster added(String clusterId, String fullyQualifiedName, String description,
      EmccFeatureConfig feature) {
    return new RemoteCluster(clusterId, fullyQualifiedName, description,
        RemoteServices.whenAdded(feature.enableAllRemoteClusterServicesOnAdd()), null);
  }

  public RemoteCluster withServices(RemoteServices s) {
    return new RemoteCluster(clusterId, fullyQualifiedName, description, s, status);
  }

  public RemoteCluster withStatus(RemoteClusterStatus s) {
    return new RemoteCluster(clusterId, fullyQualifiedName, description, services, s);
  }

  public RemoteCluster withClusterId(String id) {
    return new RemoteCluster(id, fullyQualifiedName, description, services, status);
  }
}
