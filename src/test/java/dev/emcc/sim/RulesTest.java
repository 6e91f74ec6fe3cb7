package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Cluster;
import dev.emcc.model.DevicePool;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.Geolocation;
import dev.emcc.model.GeolocationField;
import dev.emcc.model.GeolocationFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roaming device pool choice (codec preference: catalog.AudioCodecsTest). */
class RulesTest {

  static Cluster home(List<GeolocationField> filterFields, List<Geolocation> geos, List<DevicePool> pools) {
    return Cluster.empty("TOKYO", "14.0")
        .withGeolocations(geos)
        .withGeolocationFilters(List.of(new GeolocationFilter("GF", null, filterFields)))
        .withDevicePools(pools)
        .withEmccTemplates(List.of(new EmccTemplate("TPL", null, "DP_TEMPLATE", null, null, null)))
        .withEmccDevices(new EmccDevices("TPL", List.of("EMCC1")))
        .withEmccFeatureConfig(EmccFeatureConfig.DEFAULTS.withGeolocationFilter("GF"));
  }

  static final Geolocation PHONE = Geolocation.of("P", "JP", "Osaka", "Osaka");

  @Test
  void thePoolWithTheMostMatchingFilterFieldsWins() {
    Cluster c = home(List.of(GeolocationField.COUNTRY, GeolocationField.STATE, GeolocationField.CITY),
        List.of(Geolocation.of("G_JP", "JP", "Tokyo", "Chiyoda"), Geolocation.of("G_OSAKA", "JP", "Osaka", "Osaka")),
        List.of(new DevicePool("A_JAPAN", null, "G_JP", null), new DevicePool("Z_OSAKA", null, "G_OSAKA", null)));
    RoamingPool.Choice choice = RoamingPool.choose(c, PHONE);
    assertThat(choice.devicePool()).isEqualTo("Z_OSAKA");
    assertThat(choice.matchedFields()).isEqualTo(3);
  }

  @Test
  void onlyTheFiltersFieldsCountAndTiesGoToTheFirstName() {
    // The filter looks at the country only: Osaka's city does not help the second pool.
    Cluster c = home(List.of(GeolocationField.COUNTRY),
        List.of(Geolocation.of("G_JP", "JP", "Tokyo", "Chiyoda"), Geolocation.of("G_OSAKA", "jp", "Osaka", "Osaka")),
        List.of(new DevicePool("DP_B", null, "G_OSAKA", null), new DevicePool("DP_A", null, "G_JP", null)));
    RoamingPool.Choice choice = RoamingPool.choose(c, PHONE);
    assertThat(choice.devicePool()).isEqualTo("DP_A");
    assertThat(choice.matchedFields()).isEqualTo(1);
  }

  @Test
  void withoutAMatchTheEmccTemplatesPoolIsUsed() {
    Cluster c = home(List.of(GeolocationField.COUNTRY),
        List.of(Geolocation.of("G_US", "US", "CA", "San Jose")),
        List.of(new DevicePool("DP_US", null, "G_US", null)));
    RoamingPool.Choice choice = RoamingPool.choose(c, PHONE);
    assertThat(choice.devicePool()).isEqualTo("DP_TEMPLATE");
    assertThat(choice.fallbackKey()).isEqualTo("pool.noMatch");
    assertThat(RoamingPool.choose(c, null).fallbackKey()).isEqualTo("pool.noPhoneGeolocation");
    Cluster noFilter = c.withEmccFeatureConfig(EmccFeatureConfig.DEFAULTS);
    assertThat(RoamingPool.choose(noFilter, PHONE).fallbackKey()).isEqualTo("pool.noFilter");
  }
}
