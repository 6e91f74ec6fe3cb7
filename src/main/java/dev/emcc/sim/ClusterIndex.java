package dev.emcc.sim;

import dev.emcc.model.LoginType;
import dev.emcc.catalog.DeviceModels;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Node;
import dev.emcc.model.Phone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Look-up tables over one cluster, built once per cluster value: a login storm of 10,000 users
 * must not scan the user list on every request.
 */
final class ClusterIndex {
  final Cluster cluster;
  private final Map<String, Phone> phones = new HashMap<>();
  /** Device names in upper case: CUCM device names are unique whatever their case. */
  private final Set<String> deviceNames = new java.util.HashSet<>();
  private final Map<String, EndUser> usersById = new HashMap<>();
  private final Map<String, DeviceProfile> profiles = new HashMap<>();
  private final Map<String, List<EndUser>> usersBySelfService = new HashMap<>();
  private final Map<String, List<EndUser>> usersByExtension = new HashMap<>();
  private final DeviceModels models;

  ClusterIndex(Cluster cluster) {
    this.cluster = cluster;
    for (Phone p : cluster.phones()) {
      phones.putIfAbsent(p.name(), p);
      if (p.name() != null) {
        deviceNames.add(p.name().toUpperCase(java.util.Locale.ROOT));
      }
    }
    for (DeviceProfile p : cluster.deviceProfiles()) {
      profiles.putIfAbsent(p.name(), p);
    }
    for (EndUser u : cluster.endUsers()) {
      usersById.putIfAbsent(u.userId(), u);
      if (u.selfServiceUserId() != null) {
        usersBySelfService.computeIfAbsent(u.selfServiceUserId(), k -> new ArrayList<>()).add(u);
      }
      if (u.primaryExtension() != null) {
        usersByExtension.computeIfAbsent(u.primaryExtension(), k -> new ArrayList<>()).add(u);
      }
    }
    models = DeviceModels.builtIn().with(cluster.deviceModels());
  }

  String id() {
    return cluster.clusterId();
  }

  Optional<Phone> phone(String name) {
    return Optional.ofNullable(name == null ? null : phones.get(name));
  }

  /** True when a phone of this cluster has the name, whatever its case. */
  boolean hasDeviceNamed(String name) {
    return name != null && deviceNames.contains(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** True when auto-registration is on in any node of the cluster. */
  boolean autoRegistration() {
    return cluster.nodes().stream().anyMatch(dev.emcc.model.Node::autoRegistration);
  }

  Optional<DeviceProfile> deviceProfile(String name) {
    return Optional.ofNullable(name == null ? null : profiles.get(name));
  }

  /** The users an identifier names under a login type: at most one, except DN (shared extensions). */
  List<EndUser> users(LoginType type, String identifier) {
    if (identifier == null) {
      return List.of();
    }
    return switch (type) {
      case UID -> usersById.containsKey(identifier) ? List.of(usersById.get(identifier)) : List.of();
      case SP -> usersBySelfService.getOrDefault(identifier, List.of());
      case DN -> usersByExtension.getOrDefault(identifier, List.of());
    };
  }

  boolean supportsEmcc(String model) {
    return models.find(model).map(DeviceModel::supportsEmcc).orElse(false);
  }

  boolean modelKnown(String model) {
    return models.find(model).isPresent();
  }

  /** True when the trusting cluster's Tomcat trust holds one of the node's Tomcat certificates. */
  static boolean trustsTomcatOf(Cluster trusting, Node node) {
    Set<String> trusted = Set.copyOf(trusting.trustStores().tomcatTrust());
    for (Certificate c : node.certificates()) {
      boolean tomcat = c.type() == CertificateType.TOMCAT || c.type() == CertificateType.TOMCAT_ECDSA;
      if (tomcat && c.sha256() != null && trusted.contains(c.sha256())) {
        return true;
      }
    }
    return false;
  }
}
