package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.Phone;
import dev.emcc.model.Protocol;
import java.util.List;

/** Device > Phone: the phones users log in on. */
public final class PhoneFields {
  public static final String ID = "phone";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(15).bat("Device Name").axl("name");
  public static final Field DESCRIPTION = F.text("description").bat("Description", 0, 50).axl("description");
  public static final Field MODEL = F.freeRef("model", DeviceModelFields.ID).mandatory().bat("Device Type").axl("product");
  public static final Field PROTOCOL = F.choice("protocol", Protocol.class).bat("Device Protocol").axl("protocol");
  public static final Field DEVICE_POOL = F.ref("devicePool", DevicePoolFields.ID).bat("Device Pool").axl("devicePoolName");
  public static final Field GEOLOCATION = F.ref("geolocation", GeolocationFields.ID).bat("Geo Location").axl("geoLocationName");
  public static final Field DEVICE_SECURITY_MODE =
      F.choice("deviceSecurityMode", DeviceSecurityMode.class).defaults("nonSecure").bat("Security Profile");
  public static final Field ADDRESS = F.text("address").bat("IP Address");
  public static final Field ENABLE_EXTENSION_MOBILITY = F.check("enableExtensionMobility").bat("Extension Mobility").axl("enableExtensionMobility");
  public static final Field SUBSCRIBED_SERVICES = F.dual("subscribedServices", PhoneServiceFields.ID).bat("Service Name").axl("services/service/telecasterServiceName");

  static final Window WINDOW = Window.form(ID, Menus.DEVICE,
      new CollectionBinding<>(ClusterCollection.PHONES, () -> new Phone("", null, null, null, false, null, null, null, null, null),
          List.of(new CollectionBinding.Column<>(MODEL, Phone::model),
              new CollectionBinding.Column<>(ENABLE_EXTENSION_MOBILITY, p -> p.enableExtensionMobility() ? "✔" : ""))),
      Section.of("sec.deviceInfo", NAME, DESCRIPTION, MODEL, PROTOCOL, DEVICE_POOL, GEOLOCATION,
          DEVICE_SECURITY_MODE, ADDRESS),
      Section.of("sec.extensionInfo", ENABLE_EXTENSION_MOBILITY),
      Section.of("sec.services", SUBSCRIBED_SERVICES));

  private PhoneFields() {}
}
