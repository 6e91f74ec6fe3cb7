package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.DndOption;
import dev.emcc.model.Protocol;
import java.util.List;

/** Console > Device Models: models beyond (or instead of) the built-in catalog. */
public final class DeviceModelFields {
  public static final String ID = "deviceModel";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory();
  public static final Field SUPPORTS_EMCC = F.check("supportsEmcc");
  public static final Field PROTOCOLS = F.dualOf("protocols", Protocol.class);
  public static final Field DND_OPTIONS = F.dualOf("dndOptions", DndOption.class);

  static final Window WINDOW = Window.form(ID, Menus.CONSOLE,
      new CollectionBinding<>(ClusterCollection.DEVICE_MODELS, () -> new DeviceModel("", null, false, null),
          List.of(new CollectionBinding.Column<>(SUPPORTS_EMCC, d -> d.supportsEmcc() ? "✔" : ""))),
      Section.of("sec.deviceModelInfo", NAME, SUPPORTS_EMCC, PROTOCOLS, DND_OPTIONS));

  private DeviceModelFields() {}
}
