package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.plus;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.Phone;
import dev.emcc.model.SipTrunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredFieldRuleTest extends RuleTestSupport {
  Rule rule() {
    return new RequiredFieldRule();
  }

  @Test
  void profileWithoutProductType() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> new DeviceProfile(p.name(), " ",
        p.protocol(), p.description(), null, null, null, null, null, null, null, null, null, false, false, null,
        null, null, null, null, null, null, null, null, p.lines()))));
    Diagnostic d = only(ws, "field.required", "$.clusters[0].deviceProfiles[0].productType", null, Severity.ERROR);
    assertThat(d.message()).contains("Product Type");
    assertThat(d.messageJa()).contains("製品のタイプ");
    assertThat(d.fix()).isEqualTo(new Fix("deviceProfile", "UDP_alice_8865", "productType"));
  }

  @Test
  void trunkWithoutDestination() {
    var ws = first(c -> c.withSipTrunks(replace(c.sipTrunks(), 0,
        t -> new SipTrunk(t.name(), t.description(), t.serviceType(), t.devicePool(), List.of()))));
    only(ws, "field.required", "$.clusters[0].sipTrunks[0].destinations", null, Severity.ERROR);
  }

  @Test
  void clusterWithoutVersion() {
    only(first(c -> c.withVersion("")), "field.required", "$.clusters[0].version", null, Severity.ERROR);
  }
}
