package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.GeolocationField;
import dev.emcc.model.GeolocationFilter;
import java.util.List;

/** System > Geolocation Filter: which parts of a geolocation matter when EMCC picks a device pool. */
public final class GeolocationFilterFields {
  public static final String ID = "geolocationFilter";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(50).axl("name");
  public static final Field DESCRIPTION = F.text("description").axl("description");
  public static final Field FIELDS = F.dualOf("fields", GeolocationField.class);

  static final Window WINDOW = Window.form(ID, Menus.SYSTEM,
      new CollectionBinding<>(ClusterCollection.GEOLOCATION_FILTERS, () -> new GeolocationFilter("", null, null),
          List.of()),
      Section.of("sec.geolocationFilterInfo", NAME, DESCRIPTION, FIELDS));

  private GeolocationFilterFields() {}
}
