package dev.emcc.schema;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.SecurityMode;

/** System > Enterprise Parameters: the cluster's ID, version, security mode and MaxPhones. */
public final class ClusterFields {
  public static final String ID = "cluster";
  private static final Field.Maker F = Field.in(ID);

  /** Shown, not edited: it identifies the cluster. */
  public static final Field CLUSTER_ID = F.readOnly("clusterId").mandatory();
  public static final Field VERSION = F.text("version").mandatory();
  public static final Field SECURITY_MODE = F.choice("securityMode", SecurityMode.class).defaults("nonSecure");
  public static final Field MAX_PHONES = F.integer("maxPhones", 1, Cluster.DEFAULT_MAX_PHONES)
      .defaults(String.valueOf(Cluster.DEFAULT_MAX_PHONES));

  static final Window WINDOW = Window.form(ID, Menus.SYSTEM,
      new SingletonBinding<>(ClusterCollection.CLUSTER),
      Section.of("sec.clusterInfo", CLUSTER_ID, VERSION, SECURITY_MODE, MAX_PHONES));

  private ClusterFields() {}
}
