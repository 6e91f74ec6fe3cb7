package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;

/**
 * Bulk Administration > EMCC > Insert/Update EMCC: the default EMCC template and the EMCC (dummy)
 * devices. The console shows it as a view of its own (a bulk job inserts devices), not as a form.
 */
public final class EmccDevicesFields {
  public static final String ID = "emccDevices";
  private static final Field.Maker F = Field.in(ID);

  public static final Field DEFAULT_TEMPLATE = F.ref("defaultTemplate", EmccTemplateFields.ID);
  public static final Field NAMES = F.list("names");

  /** Update EMCC Devices: the default template. */
  public static final Section UPDATE = Section.of("sec.emccDevicesUpdate", DEFAULT_TEMPLATE);
  /** Insert EMCC devices. */
  public static final Section INSERT = Section.of("sec.emccDevicesInsert", NAMES);

  static final Window WINDOW = Window.form(ID, Menus.BULK_EMCC,
      new SingletonBinding<>(ClusterCollection.EMCC_DEVICES),
      UPDATE, INSERT);

  private EmccDevicesFields() {}
}
