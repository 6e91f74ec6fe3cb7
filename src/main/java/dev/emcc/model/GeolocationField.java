package dev.emcc.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The parts of a geolocation a filter can make significant (CUCM A1..A6, PRD, POD, HNO, PC, LOC, FLR, NAM). */
public enum GeolocationField {
  COUNTRY("country"),
  STATE("state"),
  COUNTY("county"),
  CITY("city"),
  DISTRICT("district"),
  NEIGHBORHOOD("neighborhood"),
  STREET("street"),
  HOUSE_NUMBER("houseNumber"),
  POSTAL_CODE("postalCode"),
  LOCATION("location"),
  FLOOR("floor"),
  ROOM("room"),
  NAME("name");

  private final String json;

  GeolocationField(String json) {
    this.json = json;
  }

  /** The value as written in the workspace document. */
  @JsonValue
  public String json() {
    return json;
  }

  /** The geolocation value of this part, as a filter compares it. */
  public String valueOf(Geolocation g) {
    return switch (this) {
      case COUNTRY -> g.country();
      case STATE -> g.state();
      case COUNTY -> g.county();
      case CITY -> g.city();
      case DISTRICT -> g.district();
      case NEIGHBORHOOD -> g.neighborhood();
      case STREET -> g.street();
      case HOUSE_NUMBER -> g.houseNumber();
      case POSTAL_CODE -> g.postalCode();
      case LOCATION -> g.location();
      case FLOOR -> g.floor();
      case ROOM -> g.room();
      case NAME -> g.occupantName();
    };
  }
}
