package dev.emcc.model;

/**
 * A geolocation (System > Geolocation Configuration). {@code name} names the object; the NAM part
 * (name of a resident or business), which a filter calls {@code name}, is {@code occupantName}.
 */
public record Geolocation(
    String name,
    String description,
    String country,
    String state,
    String county,
    String city,
    String district,
    String neighborhood,
    String street,
    String houseNumber,
    String postalCode,
    String location,
    String floor,
    String room,
    String occupantName) {

  public static Geolocation of(String name, String country, String state, String city) {
    return new Geolocation(name, null, country, state, null, city, null, null, null, null, null,
        null, null, null, null);
  }
}
