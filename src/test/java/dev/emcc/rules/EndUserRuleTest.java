package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;

import dev.emcc.model.EndUser;
import dev.emcc.model.PhoneService;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndUserRuleTest extends RuleTestSupport {
  Rule rule() {
    return new EndUserRule();
  }

  @Test
  void emccOffForAUserWithProfiles() {
    var ws = first(c -> c.withEndUsers(replace(c.endUsers(), 1, u -> u.withEnableEmcc(false))));
    only(ws, "user.emccDisabled", "$.clusters[0].endUsers[1].enableExtensionMobilityCrossCluster", 31,
        Severity.WARNING);
  }

  @Test
  void emccUserWithoutControlledProfile() {
    var ws = first(c -> c.withEndUsers(replace(c.endUsers(), 1, u -> u.withControlledProfiles(List.of()))));
    only(ws, "user.noControlledProfile", "$.clusters[0].endUsers[1].controlledProfiles", 12, Severity.ERROR);
  }

  private static EndUser extension(EndUser u, String ext) {
    return new EndUser(u.userId(), u.firstName(), u.lastName(), ext, u.selfServiceUserId(), u.pinHash(),
        u.pinMustChange(), u.enableExtensionMobilityCrossCluster(), u.controlledProfiles());
  }

  @Test
  void primaryExtensionSharedIsAWarningWithoutDnLogin() {
    var ws = first(c -> c.withEndUsers(replace(c.endUsers(), 3, u -> extension(u, "1001"))));
    // nobody logs in by extension: no login fails on it yet
    only(ws, "user.sharedPrimaryExtension", "$.clusters[0].endUsers[3].primaryExtension", null, Severity.WARNING);
  }

  @Test
  void primaryExtensionSharedIsAnErrorWithDnLogin() {
    var ws = first(c -> c.withEndUsers(replace(c.endUsers(), 3, u -> extension(u, "1001")))
        .withPhoneServices(replace(c.phoneServices(), 0, s -> new PhoneService(s.name(), s.description(),
            s.serviceUrl() + "&loginType=DN", s.secureServiceUrl(), null, null, true, false))));
    // TOKYO itself logs its users in by extension: plain Extension Mobility, 216
    only(ws, "user.sharedPrimaryExtension", "$.clusters[0].endUsers[3].primaryExtension", 216, Severity.ERROR);
  }

  @Test
  void primaryExtensionSharedFails47WhereAnotherClusterLogsInByExtension() {
    var ws = Fixtures.second(c -> c.withPhoneServices(replace(c.phoneServices(), 0, s -> new PhoneService(s.name(),
        s.description(), s.serviceUrl() + "&loginType=DN", s.secureServiceUrl(), null, null, true, false))));
    var shared = ws.withCluster(ws.clusters().get(0).withEndUsers(replace(ws.clusters().get(0).endUsers(), 3,
        u -> extension(u, "1001"))));
    only(shared, "user.sharedPrimaryExtension", "$.clusters[0].endUsers[3].primaryExtension", 47, Severity.ERROR);
  }
}
