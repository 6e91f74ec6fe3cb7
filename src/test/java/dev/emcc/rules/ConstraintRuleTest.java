package dev.emcc.rules;

import static dev.emcc.rules.Fixtures.first;
import static dev.emcc.rules.Fixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccFeatureConfig;
import dev.emcc.model.Line;
import dev.emcc.model.LinkLossType;
import dev.emcc.model.Phone;
import dev.emcc.model.SipTrunk;
import dev.emcc.schema.Field;
import dev.emcc.schema.Windows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintRuleTest extends RuleTestSupport {
  Rule rule() {
    return new ConstraintRule();
  }

  /** Every limit of every field of the schema, broken once: the rule finds it where it is, with its fix. */
  @Test
  void everyFormLimitIsChecked() {
    List<BrokenWorkspaces.Case> cases = BrokenWorkspaces.limits();
    assertThat(cases).hasSizeGreaterThan(30);
    List<String> missed = new ArrayList<>();
    for (BrokenWorkspaces.Case c : cases) {
      List<Diagnostic> found = Fixtures.run(rule(), c.workspace());
      boolean hit = found.stream().anyMatch(d -> d.rule().equals(c.rule()) && d.path().equals(c.path())
          && d.fix() != null && Windows.field(d.fix().window(), d.fix().field()).isPresent());
      if (!hit) {
        missed.add(c + " at " + c.path() + ": " + found);
      }
    }
    assertThat(missed).isEmpty();
  }

  @Test
  void profileWithoutProductType() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> new DeviceProfile(p.name(), " ",
        p.protocol(), p.description(), null, null, null, null, null, null, null, null, null, false, false, null,
        null, null, null, null, null, null, null, null, p.lines()))));
    Diagnostic d = only(ws, "field.required", "$.clusters[0].deviceProfiles[0].productType", null, Severity.ERROR);
    assertThat(d.message()).isEqualTo("Product Type is required.");
    assertThat(d.messageJa()).isEqualTo("製品のタイプ は必須です。");
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

  @Test
  void aLineIsFixedInTheProfilesLines() {
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 1,
        p -> DeviceProfile.of(p.name(), p.productType(), p.protocol(), List.of(new Line(1, "10#1a", null))))));
    Diagnostic d = single(ws, "field.pattern", "$.clusters[0].deviceProfiles[1].lines[0].directoryNumber", null,
        Severity.ERROR);
    assertThat(d.message()).isEqualTo("Directory Number \"10#1a\" is not a directory number (digits, *, #, +, X).");
    assertThat(d.fix()).isEqualTo(new Fix("deviceProfile", "UDP_bob_8845", "lines"));
  }

  @Test
  void phoneBuiltInCodeWithoutProtocol() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 0, p -> new Phone(p.name(), p.description(), p.model(),
        null, true, p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()))));
    Diagnostic d = only(ws, "field.enum", "$.clusters[0].phones[0].protocol", null, Severity.ERROR);
    // the choices as the form shows them, not as JSON values (issue 14 item 6)
    assertThat(d.message()).isEqualTo("Device Protocol has no value; expected one of: SCCP, SIP.");
    assertThat(d.messageJa()).isEqualTo("デバイス プロトコル に値がありません。次のいずれかを指定してください: SCCP, SIP");
  }

  @Test
  void profileNameOfFiftyOneCharacters() {
    String name = "P".repeat(51);
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> p.withName(name)))
        .withEndUsers(replace(c.endUsers(), 0, u -> u.withControlledProfiles(List.of(name)))));
    Diagnostic d = only(ws, "field.maxLength", "$.clusters[0].deviceProfiles[0].name", null, Severity.ERROR);
    assertThat(d.message()).isEqualTo("Device Profile Name \"" + name + "\" has 51 characters; at most 50 are allowed.");
    assertThat(d.messageJa()).isEqualTo("デバイスプロファイル名「" + name + "」は 51 文字です。最大 50 文字まで使用できます。");
  }

  @Test
  void fiftyCharactersAreAllowedCountedAsCharactersNotBytes() {
    String name = "プ".repeat(50);
    var ws = first(c -> c.withDeviceProfiles(replace(c.deviceProfiles(), 0, p -> p.withName(name)))
        .withEndUsers(replace(c.endUsers(), 0, u -> u.withControlledProfiles(List.of(name)))));
    assertThat(Fixtures.all(ws)).isEmpty();
  }

  @Test
  void aPhoneNameOfSixteenCharacters() {
    var ws = first(c -> c.withPhones(replace(c.phones(), 0, p -> p.withName("SEP00AABBCC01011"))));
    only(ws, "field.maxLength", "$.clusters[0].phones[0].name", null, Severity.ERROR);
  }

  @ParameterizedTest
  @CsvSource({
      "9, 15, 30, expiredDeviceMaintenanceIntervalMinutes",
      "1441, 15, 30, expiredDeviceMaintenanceIntervalMinutes",
      "1440, 0, 30, rsvpSipTrunkKeepAliveSeconds",
      "1440, 601, 30, rsvpSipTrunkKeepAliveSeconds",
      "1440, 15, 14, remoteClusterUpdateIntervalMinutes",
      "1440, 15, 10081, remoteClusterUpdateIntervalMinutes"})
  void intervalOutOfRange(int expired, int keepAlive, int update, String field) {
    var ws = first(c -> c.withEmccFeatureConfig(intervals(c.emccFeatureConfig(), expired, keepAlive, update)));
    Diagnostic d = only(ws, "field.range", "$.clusters[0].emccFeatureConfig." + field, null, Severity.ERROR);
    assertThat(d.fix()).isEqualTo(new Fix("emccFeatureConfig", null, field));
  }

  @Test
  void rangeMessageInBothLanguages() {
    var ws = first(c -> c.withEmccFeatureConfig(intervals(c.emccFeatureConfig(), 1440, 15, 14)));
    Diagnostic d = only(ws, "field.range", "$.clusters[0].emccFeatureConfig.remoteClusterUpdateIntervalMinutes", null,
        Severity.ERROR);
    assertThat(d.message()).isEqualTo("Remote Cluster Update Interval is 14; the valid range is 15 to 10080 (default 30).");
    Field f = dev.emcc.schema.EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_INTERVAL;
    assertThat(d.messageJa()).startsWith(dev.emcc.schema.Texts.label(f, "ja") + " が 14 です。");
  }

  @ParameterizedTest
  @CsvSource({"10, 1, 15", "1440, 600, 10080"})
  void boundsAreValid(int expired, int keepAlive, int update) {
    var ws = first(c -> c.withEmccFeatureConfig(intervals(c.emccFeatureConfig(), expired, keepAlive, update)));
    assertThat(Fixtures.all(ws)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"-1", "8129"})
  void videoOutOfRange(int video) {
    var ws = first(c -> c.withEmccFeatureConfig(c.emccFeatureConfig().withRegion(8, video, LinkLossType.LOW_LOSS)));
    single(ws, "field.range", "$.clusters[0].emccFeatureConfig.regionMaxVideoCallBitRateKbps", null, Severity.ERROR);
  }

  @ParameterizedTest
  @CsvSource({"0", "10001"})
  void maximumConcurrentRequestsWithinTheFormsRange(int requests) {
    var ws = first(c -> c.withEmServiceParameters(new EmServiceParameters(false, null, false, requests)));
    only(ws, "field.range", "$.clusters[0].emServiceParameters.maximumConcurrentRequests", null, Severity.ERROR);
  }

  @Test
  void maxPhonesAtMost60000() {
    single(first(c -> c.withMaxPhones(60_001)), "field.range", "$.clusters[0].maxPhones", null, Severity.ERROR);
  }

  private static EmccFeatureConfig intervals(EmccFeatureConfig f, int expired, int keepAlive, int update) {
    return f.withIntervals(expired, keepAlive, update);
  }
}
