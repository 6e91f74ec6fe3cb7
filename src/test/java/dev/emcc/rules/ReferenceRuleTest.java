package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;

import dev.emcc.model.DevicePool;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccTemplate;
import dev.emcc.model.Phone;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceRuleTest extends RuleTestSupport {
  Rule rule() {
    return new ReferenceRule();
  }

  @Test
  void controlledProfileDoesNotExist() {
    var ws = first(c -> c.withEndUsers(replace(c.endUsers(), 0, u -> u.withControlledProfiles(List.of("UDP_nobody")))));
    only(ws, "ref.deviceProfile", "$.clusters[0].endUsers[0].controlledProfiles[0]", 12, Severity.ERROR);
  }

  @Test
  void subscribedServiceDoesNotExist() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 0,
        p -> p.withSubscribedServices(List.of("Extension Mobility", "Weather")))));
    only(ws, "ref.phoneService", "$.clusters[0].phones[0].subscribedServices[1]", null, Severity.ERROR);
  }

  @Test
  void phoneDevicePoolAndGeolocation() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 1, p -> new Phone(p.name(), p.description(), p.model(),
        p.protocol(), true, p.subscribedServices(), p.deviceSecurityMode(), "DP_NOWHERE", p.geolocation(),
        p.address()))));
    only(ws, "ref.devicePool", "$.clusters[0].phones[1].devicePool", null, Severity.ERROR);
    var ws2 = first(c -> c.withPhones(replace(c.phones(), 1, p -> new Phone(p.name(), p.description(), p.model(),
        p.protocol(), true, p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), "GEO_MARS",
        p.address()))));
    only(ws2, "ref.geolocation", "$.clusters[0].phones[1].geolocation", null, Severity.ERROR);
  }

  @Test
  void devicePoolGeolocationAndNodes() {
    var ws = first(c -> c.withDevicePools(replace(c.devicePools(), 0, d -> new DevicePool(d.name(),
        d.description(), "GEO_MARS", d.callManagerGroup()))));
    only(ws, "ref.geolocation", "$.clusters[0].devicePools[0].geolocation", null, Severity.ERROR);
    var ws2 = first(c -> c.withDevicePools(replace(c.devicePools(), 0, d -> new DevicePool(d.name(),
        d.description(), d.geolocation(), List.of("cucm-sub9.tokyo.example.com")))));
    only(ws2, "ref.node", "$.clusters[0].devicePools[0].callManagerGroup[0]", null, Severity.ERROR);
  }

  @Test
  void geolocationFilterDoesNotExist() {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withGeolocationFilter("GF_STREET")));
    only(ws, "ref.geolocationFilter", "$.clusters[0].emccFeatureConfig.geolocationFilter", null, Severity.ERROR);
  }

  @Test
  void templateCommonDeviceConfigDoesNotExist() {
    var ws = first(c -> c.withEmccTemplates(replace(c.emccTemplates(), 0, t -> new EmccTemplate(t.name(),
        t.description(), t.devicePool(), "CDC_OTHER", t.commonPhoneProfile(), t.deviceSecurityMode()))));
    only(ws, "ref.commonDeviceConfig", "$.clusters[0].emccTemplates[0].commonDeviceConfig", null, Severity.ERROR);
  }

  @Test
  void defaultTemplateDoesNotExist() {
    var ws = first(c -> c.withEmccDevices(new EmccDevices("EMCC_OLD", c.emccDevices().names())));
    only(ws, "ref.emccTemplate", "$.clusters[0].emccDevices.defaultTemplate", null, Severity.ERROR);
  }

  @Test
  void loginUserDoesNotExist() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> new DeviceProfile(p.name(),
        p.productType(), p.protocol(), p.description(), null, null, null, null, null, null, null, null, null, false,
        false, null, null, null, null, null, null, null, null, "nobody", p.lines()))));
    only(ws, "ref.endUser", "$.clusters[0].deviceProfiles[0].loginUserId", null, Severity.ERROR);
  }
}
