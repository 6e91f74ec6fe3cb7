package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceModel;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.DndOption;
import dev.emcc.model.Protocol;
import dev.emcc.model.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class DndOptionRuleTest extends RuleTestSupport {
  Rule rule() {
    return new DndOptionRule();
  }

  private static Workspace profile(String product, Protocol protocol, DndOption dnd) {
    return first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 1, p -> new DeviceProfile(p.name(), product,
        protocol, p.description(), null, null, null, null, null, null, null, null, null, false, true, dnd, null,
        null, null, null, null, null, null, null, p.lines()))));
  }

  @Test
  void sccp7960AllowsOnlyRingerOff() {
    Diagnostic d = only(profile("Cisco 7960", Protocol.SCCP, DndOption.CALL_REJECT), "profile.dndOption",
        "$.clusters[0].deviceProfiles[1].dndOption", null, Severity.ERROR);
    assertThat(d.message()).contains("ringerOff");
    assertThat(Fixtures.all(profile("Cisco 7960", Protocol.SCCP, DndOption.RINGER_OFF))).isEmpty();
  }

  @Test
  void sip7940IsNotRestricted() {
    assertThat(Fixtures.run(rule(), profile("Cisco 7940", Protocol.SIP, DndOption.CALL_REJECT))).isEmpty();
  }

  @Test
  void dualModeAllowsOnlyCallReject() {
    only(profile("Cisco Dual Mode for iPhone", Protocol.SIP, DndOption.RINGER_OFF), "profile.dndOption",
        "$.clusters[0].deviceProfiles[1].dndOption", null, Severity.ERROR);
  }

  @Test
  void workspaceDeviceModelsExtendTheCatalog() {
    var lab = new DeviceModel("Lab Mobile", List.of(Protocol.SIP), true, List.of(DndOption.CALL_REJECT));
    Workspace ws = profile("Lab Mobile", Protocol.SIP, DndOption.USE_COMMON_PHONE_PROFILE_SETTING);
    ws = ws.withCluster(ws.clusters().get(0).withDeviceModels(List.of(lab)));
    only(ws, "profile.dndOption", "$.clusters[0].deviceProfiles[1].dndOption", null, Severity.ERROR);
  }
}
