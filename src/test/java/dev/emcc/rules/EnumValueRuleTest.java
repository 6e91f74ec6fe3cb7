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

class EnumValueRuleTest extends RuleTestSupport {
  Rule rule() {
    return new EnumValueRule();
  }

  @Test
  void phoneBuiltInCodeWithoutProtocol() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 0, p -> new Phone(p.name(), p.description(), p.model(),
        null, true, p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()))));
    only(ws, "field.enum", "$.clusters[0].phones[0].protocol", null, Severity.ERROR);
  }
}
