package dev.emcc.model;

import java.util.List;

/** A geolocation filter (System > Geolocation Filter): the parts of a geolocation that matter. */
public record GeolocationFilter(String name, String description, List<GeolocationField> fields) {
  public GeolocationFilter {
    fields = Defaults.list(fields);
  }
}
