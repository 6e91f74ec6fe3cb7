package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.SecurityMode;
import dev.emcc.model.Workspace;
import org.junit.jupiter.api.Test;

class SecurityModeRuleTest extends RuleTestSupport {
  Rule rule() {
    return new SecurityModeRule();
  }

  /** Tokyo is home, Osaka visiting with one encrypted phone. */
  private static Workspace pair(String homeVersion, SecurityMode home, String visitingVersion, SecurityMode visiting) {
    Workspace ws = Fixtures.baseline();
    var t = ws.clusters().get(0).withVersion(homeVersion).withSecurityMode(home);
    var o = ws.clusters().get(1).withVersion(visitingVersion).withSecurityMode(visiting);
    o = o.withPhones(replace(o.phones(), 0, p -> p.withDeviceSecurityMode(DeviceSecurityMode.ENCRYPTED)));
    return ws.withCluster(t).withCluster(o);
  }

  @Test
  void nonSecureHomeMixedVisitingSecurePhone() {
    only(pair("14.0", SecurityMode.NON_SECURE, "14.0", SecurityMode.MIXED), "security.nonSecureHome",
        "$.clusters[0].securityMode", 46, Severity.WARNING);
  }

  @Test
  void home8xVisitingMixedSecurePhone() {
    only(pair("8.6", SecurityMode.MIXED, "14.0", SecurityMode.MIXED), "security.home8x", "$.clusters[0].version", 45,
        Severity.WARNING);
  }

  @Test
  void visiting8xMixedSecurePhone() {
    // table 7's "not supported", read as 45 (docs/simulator.md), as the simulator gives it
    only(pair("14.0", SecurityMode.MIXED, "8.6", SecurityMode.MIXED), "security.visiting8x", "$.clusters[1].version",
        45, Severity.WARNING);
  }

  @Test
  void supportedCombinations() {
    assertThat(Fixtures.all(pair("14.0", SecurityMode.MIXED, "14.0", SecurityMode.MIXED))).isEmpty();
    assertThat(Fixtures.run(rule(), pair("14.0", SecurityMode.MIXED, "14.0", SecurityMode.NON_SECURE))).isEmpty();
  }
}
