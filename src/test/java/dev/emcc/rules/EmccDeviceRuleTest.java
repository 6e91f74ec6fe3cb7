package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.EmccDevices;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmccDeviceRuleTest extends RuleTestSupport {
  Rule rule() {
    return new EmccDeviceRule();
  }

  @Test
  void noEmccDevices() {
    var ws = first(c -> c.withEmccDevices(new EmccDevices(c.emccDevices().defaultTemplate(), List.of())));
    only(ws, "emccDevices.none", "$.clusters[0].emccDevices.names", 33, Severity.ERROR);
  }

  @Test
  void noDefaultTemplate() {
    var ws = first(c -> c.withEmccDevices(new EmccDevices(null, c.emccDevices().names())));
    only(ws, "emccDevices.defaultTemplateMissing", "$.clusters[0].emccDevices.defaultTemplate", null,
        Severity.ERROR);
  }

  @Test
  void templateNotNonSecure() {
    var ws = first(c -> c.withEmccTemplates(replace(c.emccTemplates(), 0,
        t -> t.withDeviceSecurityMode(DeviceSecurityMode.ENCRYPTED))));
    only(ws, "emccTemplate.notNonSecure", "$.clusters[0].emccTemplates[0].deviceSecurityMode", 43, Severity.ERROR);
  }
}
