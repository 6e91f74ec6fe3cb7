package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.DevicePool;
import java.util.List;

/** System > Device Pool: roaming device pools and their Unified CM groups. */
public final class DevicePoolFields {
  public static final String ID = "devicePool";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(50).axl("name");
  public static final Field DESCRIPTION = F.text("description");
  public static final Field GEOLOCATION = F.ref("geolocation", GeolocationFields.ID).axl("geoLocationName");
  public static final Field CALL_MANAGER_GROUP = F.dual("callManagerGroup", ServiceActivationFields.ID);

  static final Window WINDOW = Window.form(ID, Menus.SYSTEM,
      new CollectionBinding<>(ClusterCollection.DEVICE_POOLS, () -> new DevicePool("", null, null, null),
          List.of(new CollectionBinding.Column<>(GEOLOCATION, DevicePool::geolocation))),
      Section.of("sec.devicePoolInfo", NAME, DESCRIPTION, GEOLOCATION, CALL_MANAGER_GROUP));

  private DevicePoolFields() {}
}
