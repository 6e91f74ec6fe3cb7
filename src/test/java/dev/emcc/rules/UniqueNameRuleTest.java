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

class UniqueNameRuleTest extends RuleTestSupport {
  Rule rule() {
    return new UniqueNameRule();
  }

  @Test
  void phoneNameTwiceInACluster() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 1, p -> p.withName(c.phones().get(0).name().toLowerCase()))));
    Diagnostic d = only(ws, "field.unique", "$.clusters[0].phones[1].name", null, Severity.ERROR);
    assertThat(d.message()).contains("$.clusters[0].phones[0].name");
  }

  @Test
  void emccDeviceNamedLikeAPhone() {
    var ws = first(c -> c.withEmccDevices(new EmccDevices(c.emccDevices().defaultTemplate(),
        plus(c.emccDevices().names(), c.phones().get(2).name()))));
    only(ws, "field.unique", "$.clusters[0].emccDevices.names[10]", null, Severity.ERROR);
  }

  @Test
  void profileNameTwice() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 1, p -> p.withName("UDP_ALICE_8865"))));
    single(ws, "field.unique", "$.clusters[0].deviceProfiles[1].name", null, Severity.ERROR);
  }

  @Test
  void userIdTwice() {
    var ws = first(c -> c.withEndUsers(plus(c.endUsers(), c.endUsers().get(0).withControlledProfiles(List.of()))));
    single(ws, "field.unique", "$.clusters[0].endUsers[6].userId", null, Severity.ERROR);
  }
}
