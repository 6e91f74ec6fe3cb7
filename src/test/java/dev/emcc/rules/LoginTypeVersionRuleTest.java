package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.PhoneService;
import dev.emcc.model.Workspace;
import org.junit.jupiter.api.Test;

class LoginTypeVersionRuleTest extends RuleTestSupport {
  Rule rule() {
    return new LoginTypeVersionRule();
  }

  /** Tokyo's EM URL with loginType=SP, the clusters at the given versions. */
  private static Workspace versions(String tokyo, String osaka, boolean loginType) {
    Workspace ws = Fixtures.baseline();
    var t = ws.clusters().get(0).withVersion(tokyo);
    if (loginType) {
      t = t.withPhoneServices(replace(t.phoneServices(), 0, s -> new PhoneService(s.name(), s.description(),
          s.serviceUrl() + "&loginType=SP", s.secureServiceUrl(), null, null, true, false)));
    }
    return ws.withCluster(t).withCluster(ws.clusters().get(1).withVersion(osaka));
  }

  @Test
  void visiting12WithLoginTypeAndHomeOlder() {
    only(versions("14.0", "11.5", true), "loginType.versionMismatch", "$.clusters[0].phoneServices[0].serviceUrl", 1,
        Severity.WARNING);
  }

  @Test
  void otherCombinationsSucceed() {
    assertThat(Fixtures.all(versions("14.0", "12.0", true))).isEmpty();
    assertThat(Fixtures.all(versions("14.0", "11.5", false))).isEmpty();
    assertThat(Fixtures.all(versions("11.5", "14.0", true))).isEmpty();
  }
}
