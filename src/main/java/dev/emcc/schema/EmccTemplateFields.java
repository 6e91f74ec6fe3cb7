package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.EmccTemplate;
import java.util.List;

/** Bulk Administration > EMCC > EMCC Template: what the EMCC (dummy) devices are made from. */
public final class EmccTemplateFields {
  public static final String ID = "emccTemplate";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(50);
  public static final Field DESCRIPTION = F.text("description");
  public static final Field DEVICE_POOL = F.ref("devicePool", DevicePoolFields.ID);
  public static final Field COMMON_DEVICE_CONFIG = F.ref("commonDeviceConfig", CommonDeviceConfigFields.ID).mandatory();
  public static final Field COMMON_PHONE_PROFILE = F.freeRef("commonPhoneProfile");
  public static final Field DEVICE_SECURITY_MODE =
      F.choice("deviceSecurityMode", DeviceSecurityMode.class).defaults("nonSecure");

  static final Window WINDOW = Window.form(ID, Menus.BULK_EMCC,
      new CollectionBinding<>(ClusterCollection.EMCC_TEMPLATES, () -> new EmccTemplate("", null, null, null, null, null),
          List.of(new CollectionBinding.Column<>(COMMON_DEVICE_CONFIG, EmccTemplate::commonDeviceConfig))),
      Section.of("sec.templateInfo", NAME, DESCRIPTION, DEVICE_POOL, COMMON_DEVICE_CONFIG, COMMON_PHONE_PROFILE,
          DEVICE_SECURITY_MODE));

  private EmccTemplateFields() {}
}
