package dev.emcc.schema;

import dev.emcc.model.ClusterCollection;
import dev.emcc.model.Geolocation;
import java.util.List;

/** System > Geolocation Configuration: where phones and device pools are. */
public final class GeolocationFields {
  public static final String ID = "geolocation";
  private static final Field.Maker F = Field.in(ID);

  public static final Field NAME = F.text("name").mandatory().maxLength(50).axl("name");
  public static final Field DESCRIPTION = F.text("description").axl("description");
  public static final Field COUNTRY = F.text("country").maxLength(2).axl("country");
  public static final Field STATE = F.text("state").axl("nationalSubDivision");
  public static final Field COUNTY = F.text("county").axl("district");
  public static final Field CITY = F.text("city").axl("communityName");
  public static final Field DISTRICT = F.text("district").axl("cityDivision");
  public static final Field NEIGHBORHOOD = F.text("neighborhood").axl("neighbourhood");
  public static final Field STREET = F.text("street").axl("street");
  public static final Field HOUSE_NUMBER = F.text("houseNumber").axl("houseNumber");
  public static final Field POSTAL_CODE = F.text("postalCode").axl("postalCode");
  public static final Field LOCATION = F.text("location").axl("location");
  public static final Field FLOOR = F.text("floor").axl("floor");
  public static final Field ROOM = F.text("room");
  public static final Field OCCUPANT_NAME = F.text("occupantName").axl("occupantName");

  static final Window WINDOW = Window.form(ID, Menus.SYSTEM,
      new CollectionBinding<>(ClusterCollection.GEOLOCATIONS, () -> Geolocation.of("", null, null, null),
          List.of(new CollectionBinding.Column<>(CITY, Geolocation::city))),
      Section.of("sec.geolocationInfo", NAME, DESCRIPTION),
      Section.of("sec.geolocationParts", COUNTRY, STATE, COUNTY, CITY, DISTRICT, NEIGHBORHOOD, STREET, HOUSE_NUMBER,
          POSTAL_CODE, LOCATION, FLOOR, ROOM, OCCUPANT_NAME));

  private GeolocationFields() {}
}
