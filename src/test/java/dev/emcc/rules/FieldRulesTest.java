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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

  @Nested
  class Required extends RuleTestSupport {
    Rule rule() {
      return new RequiredFieldRule();
    }

    @Test
    void profileWithoutProductType() {
      var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> new DeviceProfile(p.name(), " ",
          p.protocol(), p.description(), null, null, null, null, null, null, null, null, null, false, false, null,
          null, null, null, null, null, null, null, null, p.lines()))));
      Diagnostic d = only(ws, "field.required", "$.clusters[0].deviceProfiles[0].productType", null, Severity.ERROR);
      assertThat(d.message()).contains("Product Type");
      assertThat(d.messageJa()).contains("製品のタイプ");
      assertThat(d.fix()).isEqualTo(new Fix("deviceProfile", "UDP_alice_8865", "productType"));
    }

    @Test
    void trunkWithoutDestination() {
      var ws = first(c -> c.withSipTrunks(replace(c.sipTrunks(), 0,
          t -> new SipTrunk(t.name(), t.description(), t.serviceType(), t.devicePool(), List.of()))));
      only(ws, "field.required", "$.clusters[0].sipTrunks[0].destinations", null, Severity.ERROR);
    }

    @Test
    void clusterWithoutVersion() {
      only(first(c -> c.withVersion("")), "field.required", "$.clusters[0].version", null, Severity.ERROR);
    }
  }

  @Nested
  class Enums extends RuleTestSupport {
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

  @Nested
  class Unique extends RuleTestSupport {
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

  @Nested
  class ProfileNameLength extends RuleTestSupport {
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

  @Nested
  class Version extends RuleTestSupport {
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
}
