package dev.emcc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceModel;
import dev.emcc.model.DndOption;
import dev.emcc.model.Protocol;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DeviceModelsTest {
  private final DeviceModels builtIn = DeviceModels.builtIn();

  @Test
  void theEmccPhonesAreThere() {
    for (String n : List.of("7811", "7821", "7841", "7861", "8811", "8841", "8845", "8851", "8861",
        "8865", "8961", "9951", "9971", "7942", "7962", "7945", "7965", "7975")) {
      DeviceModel m = builtIn.find("Cisco " + n).orElseThrow(() -> new AssertionError("Cisco " + n));
      assertThat(m.supportsEmcc()).as(n).isTrue();
      assertThat(m.protocols()).as(n).contains(Protocol.SIP);
      assertThat(m.dndOptions()).as(n).isEmpty();
    }
    assertThat(builtIn.find("Cisco 8865").orElseThrow().protocols()).containsExactly(Protocol.SIP);
    assertThat(builtIn.find("Cisco 7965").orElseThrow().protocols()).containsExactly(Protocol.SCCP, Protocol.SIP);
  }

  @Test
  void modelsWithoutEmcc() {
    for (String name : List.of("Cisco 7940", "Cisco 7960", "Cisco 6901", "Cisco 6911",
        "Cisco Dual Mode for iPhone", "Cisco Dual Mode for Android")) {
      assertThat(builtIn.find(name).orElseThrow().supportsEmcc()).as(name).isFalse();
    }
  }

  @Test
  void dndRestrictionsOfTheSeed() {
    // 7940/7960: Ringer Off only when running SCCP
    assertThat(builtIn.allowedDndOptions("Cisco 7940", Protocol.SCCP)).containsExactly(DndOption.RINGER_OFF);
    assertThat(builtIn.allowedDndOptions("Cisco 7960", Protocol.SCCP)).containsExactly(DndOption.RINGER_OFF);
    assertThat(builtIn.allowedDndOptions("Cisco 7960", Protocol.SIP)).isEmpty();
    // mobile and dual-mode devices: Call Reject only
    assertThat(builtIn.allowedDndOptions("Cisco Dual Mode for iPhone", Protocol.SIP)).containsExactly(DndOption.CALL_REJECT);
    assertThat(builtIn.allowedDndOptions("Cisco Dual Mode for Android", Protocol.SIP)).containsExactly(DndOption.CALL_REJECT);
    assertThat(builtIn.allowedDndOptions("Cisco 8841", Protocol.SIP)).isEmpty();
    assertThat(builtIn.allowedDndOptions("Nobody's Phone", Protocol.SIP)).isEmpty();
  }

  @Test
  void everyBuiltInEntryExplainsItselfInBothLanguages() {
    assertThat(builtIn.all()).hasSizeGreaterThanOrEqualTo(30);
    for (DeviceModel m : builtIn.all()) {
      assertThat(m.protocols()).as(m.name()).isNotEmpty();
      assertThat(builtIn.note(m.name(), Locale.ENGLISH)).as(m.name()).get().asString().isNotBlank();
      assertThat(builtIn.note(m.name(), Locale.JAPANESE)).as(m.name()).get().asString()
          .isNotBlank().isNotEqualTo(builtIn.note(m.name(), Locale.ENGLISH).orElseThrow());
    }
  }

  @Test
  void findIsCaseInsensitiveAndNullSafe() {
    assertThat(builtIn.find("cisco 8841")).isPresent();
    assertThat(builtIn.find(" CISCO 8841 ")).isPresent();
    assertThat(builtIn.find(null)).isEmpty();
    assertThat(builtIn.find("Cisco 1234")).isEmpty();
  }

  @Test
  void workspaceEntriesOverrideByNameAndExtend() {
    int size = builtIn.all().size();
    // Arrays.asList, as the workspace reader builds mutable lists (and this branch's model
    // predates main's fix of Defaults.list for List.of)
    DeviceModels ws = builtIn.with(List.of(
        new DeviceModel("CISCO 8841", Arrays.asList(Protocol.SIP), false, null),
        new DeviceModel("Cisco 7940", Arrays.asList(Protocol.SCCP, Protocol.SIP), false,
            Arrays.asList(DndOption.RINGER_OFF)),
        new DeviceModel("Lab Phone X", Arrays.asList(Protocol.SIP), true, null)));
    assertThat(ws.find("Cisco 8841").orElseThrow().supportsEmcc()).isFalse();
    assertThat(ws.find("lab phone x").orElseThrow().supportsEmcc()).isTrue();
    assertThat(ws.all()).hasSize(size + 1);
    // a workspace's DND restriction applies whatever the protocol
    assertThat(ws.allowedDndOptions("Cisco 7940", Protocol.SIP)).containsExactly(DndOption.RINGER_OFF);
    assertThat(ws.note("Cisco 8841", Locale.ENGLISH)).isEmpty();
    // the built-in catalog is untouched
    assertThat(builtIn.find("Cisco 8841").orElseThrow().supportsEmcc()).isTrue();
    assertThat(builtIn.all()).hasSize(size);
    assertThat(builtIn.note("Cisco 8841", Locale.ENGLISH)).get().asString().contains("SIP only");
    assertThat(builtIn.note("Cisco 8841", Locale.JAPAN)).get().asString().contains("SIP のみ");
  }
}
