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

class ProfileNameLengthRuleTest extends RuleTestSupport {
  Rule rule() {
    return new ProfileNameLengthRule();
  }

  @Test
  void fiftyOneCharacters() {
    String name = "P".repeat(51);
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> p.withName(name)))
        .withEndUsers(replace(c.endUsers(), 0, u -> u.withControlledProfiles(List.of(name)))));
    only(ws, "profile.nameLength", "$.clusters[0].deviceProfiles[0].name", null, Severity.ERROR);
  }

  @Test
  void fiftyCharactersAreAllowed() {
    String name = "プ".repeat(50);
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> p.withName(name)))
        .withEndUsers(replace(c.endUsers(), 0, u -> u.withControlledProfiles(List.of(name)))));
    assertThat(Fixtures.all(ws)).isEmpty();
  }
}
