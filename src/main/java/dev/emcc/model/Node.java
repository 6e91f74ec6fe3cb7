package dev.emcc.model;

import java.util.List;

/** A Unified CM node (server) of a cluster, with the services activated on it and its certificates. */
public record Node(
    String name,
    String address,
    boolean publisher,
    boolean autoRegistration,
    NodeServices services,
    List<Certificate> certificates) {

  public Node {
    services = Defaults.or(services, NodeServices.NONE);
    certificates = Defaults.list(certificates);
  }

  public Node withServices(NodeServices s) {
    return new Node(name, address, publisher, autoRegistration, s, certificates);
  }

  public Node withCertificates(List<Certificate> c) {
    return new Node(name, address, publisher, autoRegistration, services, c);
  }

  public Node withAutoRegistration(boolean on) {
    return new Node(name, address, publisher, on, services, certificates);
  }

  /** True when this node is named by its host name or its address. */
  public boolean isNamed(String nameOrAddress) {
    return nameOrAddress != null
        && (nameOrAddress.equalsIgnoreCase(name) || nameOrAddress.equals(address));
  }
}
