package dev.emcc.schema;

import dev.emcc.model.Cluster;
import dev.emcc.model.ClusterCollection;
import dev.emcc.model.RemoteCluster;
import java.util.List;

/** Advanced Features > Cluster View: the other clusters and the services used with each. */
public final class RemoteClusterFields {
  public static final String ID = "remoteCluster";
  private static final Field.Maker F = Field.in(ID);

  public static final Field CLUSTER_ID = F.text("clusterId").mandatory().maxLength(50).axl("clusterId");
  public static final Field FULLY_QUALIFIED_NAME = F.text("fullyQualifiedName").mandatory().axl("fullyQualifiedName");
  public static final Field DESCRIPTION = F.text("description").axl("description");
  public static final Field EMCC = F.check("services.emcc").axl("emcc/enabled");
  public static final Field PSTN_ACCESS = F.check("services.pstnAccess").axl("pstnAccess/enabled");
  public static final Field RSVP_AGENT = F.check("services.rsvpAgent").axl("rsvpAgent/enabled");
  public static final Field TFTP = F.check("services.tftp").axl("tftp/enabled");
  public static final Field LBM = F.check("services.lbm").axl("lbm/enabled");
  public static final Field UDS = F.check("services.uds").axl("uds/enabled");

  static final Window WINDOW = Window.form(ID, Menus.ADVANCED_FEATURES,
      new CollectionBinding<>(ClusterCollection.REMOTE_CLUSTERS, () -> new RemoteCluster("", "", "", null, null),
          List.of(new CollectionBinding.Column<>(FULLY_QUALIFIED_NAME, RemoteCluster::fullyQualifiedName)),
          // Add New: the services follow the cluster's "Enable All Remote Cluster Services ..." (seed line 456)
          c -> RemoteCluster.added("", "", "", c.emccFeatureConfig())),
      Section.of("sec.remoteClusterInfo", CLUSTER_ID, FULLY_QUALIFIED_NAME, DESCRIPTION),
      Section.of("sec.remoteServices", EMCC, PSTN_ACCESS, RSVP_AGENT, TFTP, LBM, UDS));

  private RemoteClusterFields() {}
}
