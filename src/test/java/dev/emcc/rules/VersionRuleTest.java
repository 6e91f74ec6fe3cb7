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

class VersionRuleTest extends RuleTestSupport {
  Rule rule() {
    return new VersionRule();
  }

  @Test
  void malformed() {
    only(first(c -> c.withVersion("fourteen")), "cluster.version", "$.clusters[0].version", null, Severity.ERROR);
  }

  @Test
  void olderThan8() {
    only(first(c -> c.withVersion("7.1")), "cluster.versionUnsupported", "$.clusters[0].version", null,
        Severity.ERROR);
  }

  @Test
  void eightAndServiceReleasesAreFine() {
    assertThat(Fixtures.run(rule(), first(c -> c.withVersion("8.6")))).isEmpty();
    assertThat(Fixtures.run(rule(), first(c -> c.withVersion("12.5SU1")))).isEmpty();
  }
}
