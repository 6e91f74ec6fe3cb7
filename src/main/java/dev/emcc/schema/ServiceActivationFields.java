package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Node;
import java.util.List;

/** Cisco Unified Serviceability > Tools > Service Activation: the nodes and their services. */
public final class ServiceActivationFields {
  public static final String ID = "serviceActivation";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().axl("name");
  public static final Field ADDRESS = F.text("address");
  public static final Field PUBLISHER = F.check("publisher").axl("nodeUsage");
  public static final Field CALL_MANAGER = F.check("services.callManager");
  public static final Field TFTP = F.check("services.tftp");
  public static final Field EXTENSION_MOBILITY = F.check("services.extensionMobility");
  public static final Field ILS = F.check("services.ils");
  public static final Field CAPF = F.check("services.capf");
  public static final Field BULK_PROVISIONING = F.check("services.bulkProvisioning");
  public static final Field AUTO_REGISTRATION = F.check("autoRegistration");

  static final Window WINDOW = Window.form(ID, Menus.SERVICEABILITY_TOOLS,
      new CollectionBinding<>(ClusterCollection.NODES, () -> new Node("", "", false, false, null, null),
          List.of(new CollectionBinding.Column<>(ADDRESS, Node::address))),
      Section.of("sec.server", NAME, ADDRESS, PUBLISHER),
      Section.of("sec.cmServices", CALL_MANAGER, TFTP, EXTENSION_MOBILITY, ILS, CAPF),
      Section.of("sec.databaseServices", BULK_PROVISIONING),
      Section.of("sec.autoRegistration", AUTO_REGISTRATION));

  private ServiceActivationFields() {}
}
