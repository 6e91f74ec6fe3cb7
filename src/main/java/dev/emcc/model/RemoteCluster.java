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
