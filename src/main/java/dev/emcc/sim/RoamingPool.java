package dev.emcc.sim;

import dev.emcc.model.Cluster;
import dev.emcc.model.DevicePool;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationField;
import dev.emcc.model.GeolocationFilter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Chooses the roaming device pool on the home cluster: the device pool whose geolocation best
 * matches the visiting phone's geolocation after the home's EMCC geolocation filter. Only the
 * filter's fields are compared (trimmed, case-insensitive, both sides set); the pool with the
 * most equal fields wins, ties go to the name that sorts first. When no pool matches on any field
 * (or there is no filter or no phone geolocation) the pool of the home's default EMCC template is
 * used, and failing that none: the phone keeps the home defaults. Either fallback is a warning.
 */
final class RoamingPool {
  private RoamingPool() {}

  /** The choice, how many filter fields matched (0 for a fallback), and the fallback reason key. */
  record Choice(String devicePool, int matchedFields, String fallbackKey) {}

  static Choice choose(Cluster home, Geolocation phoneGeo) {
    String filterName = home.emccFeatureConfig().geolocationFilter();
    GeolocationFilter filter = home.geolocationFilter(filterName).orElse(null);
    if (filter == null || filter.fields().isEmpty()) {
      return fallback(home, "pool.noFilter");
    }
    if (phoneGeo == null) {
      return fallback(home, "pool.noPhoneGeolocation");
    }
    String best = null;
    int bestCount = 0;
    List<DevicePool> pools = home.devicePools().stream()
        .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    for (DevicePool pool : pools) {
      Geolocation g = home.geolocation(pool.geolocation()).orElse(null);
      if (g == null) {
        continue;
      }
      int count = matches(filter.fields(), phoneGeo, g);
      if (count > bestCount) {
        best = pool.name();
        bestCount = count;
      }
    }
    return best == null ? fallback(home, "pool.noMatch") : new Choice(best, bestCount, null);
  }

  static int matches(List<GeolocationField> fields, Geolocation a, Geolocation b) {
    int n = 0;
    for (GeolocationField f : fields) {
      String x = norm(f.valueOf(a));
      String y = norm(f.valueOf(b));
      if (x != null && Objects.equals(x, y)) {
        n++;
      }
    }
    return n;
  }

  private static String norm(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  private static Choice fallback(Cluster home, String key) {
    String pool = home.emccTemplate(home.emccDevices().defaultTemplate())
        .map(t -> t.devicePool()).orElse(null);
    return new Choice(pool, 0, key);
  }
}
