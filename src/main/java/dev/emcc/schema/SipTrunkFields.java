package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.SipTrunk;
import dev.emcc.model.TrunkServiceType;
import java.util.List;

/** Device > Trunk: the SIP trunks EMCC uses for PSTN access and the RSVP agent. */
public final class SipTrunkFields {
  public static final String ID = "sipTrunk";
  private static final Field.Maker F = Field.in(ID);

  /** Seed step 7.3: EMCC trunks are SIP trunks; the window shows it (issue 13 item 12). */
  public static final Field TRUNK_TYPE = F.fixed("trunkType", "sipTrunkType");
  public static final Field NAME = F.text("name").mandatory().maxLength(50).axl("name");
  public static final Field DESCRIPTION = F.text("description").axl("description");
  public static final Field SERVICE_TYPE = F.choice("serviceType", TrunkServiceType.class).defaults("none").axl("sipTrunkType");
  public static final Field DEVICE_POOL = F.ref("devicePool", DevicePoolFields.ID).axl("devicePoolName");
  public static final Field DESTINATIONS = F.list("destinations").mandatory().axl("destinations/destination/addressIpv4");

  static final Window WINDOW = Window.form(ID, Menus.DEVICE,
      new CollectionBinding<>(ClusterCollection.SIP_TRUNKS, () -> new SipTrunk("", null, null, null, null),
          List.of(new CollectionBinding.Column<>(SERVICE_TYPE, t -> t.serviceType().json()))),
      Section.of("sec.trunkInfo", TRUNK_TYPE, NAME, DESCRIPTION, SERVICE_TYPE, DEVICE_POOL),
      Section.of("sec.sipInfo", DESTINATIONS));

  private SipTrunkFields() {}
}
