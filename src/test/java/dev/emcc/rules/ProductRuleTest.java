package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceModel;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Protocol;
import dev.emcc.model.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductRuleTest extends RuleTestSupport {
  Rule rule() {
    return new ProductRule();
  }

  @Test
  void phoneModelWithoutEmccSupport() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 3, p -> p.withModel("Cisco 7940"))));
    // the visiting EMApp refuses it before the home could say 32
    Diagnostic d = only(ws, "phone.emccUnsupported", "$.clusters[0].phones[3].model", 213, Severity.WARNING);
    assertThat(d.message()).contains("213");
  }

  @Test
  void unknownPhoneModel() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 0, p -> p.withModel("Cisco 9999"))));
    only(ws, "phone.model", "$.clusters[0].phones[0].model", null, Severity.WARNING);
  }

  @Test
  void workspaceModelIsKnownAndCanLackEmcc() {
    Workspace ws = first(c -> c.withDeviceModels(List.of(new DeviceModel("Lab Phone X", List.of(Protocol.SIP), false,
        List.of()))).withPhones(replace(c.phones(), 0, p -> p.withModel("Lab Phone X"))));
    only(ws, "phone.emccUnsupported", "$.clusters[0].phones[0].model", 213, Severity.WARNING);
  }

  @Test
  void unknownProfileProductType() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0,
        p -> DeviceProfile.of(p.name(), "Cisco 1234", Protocol.SIP, p.lines()))));
    only(ws, "profile.productType", "$.clusters[0].deviceProfiles[0].productType", null, Severity.WARNING);
  }

  @Test
  void profileProtocolTheProductDoesNotSpeak() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0,
        p -> DeviceProfile.of(p.name(), "Cisco 9971", Protocol.SCCP, p.lines()))));
    only(ws, "profile.protocol", "$.clusters[0].deviceProfiles[0].protocol", null, Severity.ERROR);
  }
}
