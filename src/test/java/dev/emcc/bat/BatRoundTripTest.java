package dev.emcc.bat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's users, device profiles and phones exported as BAT files and imported into a cluster
 * emptied of them come back equal (PINs aside: the console writes no PIN it was not given), and
 * the workspace validates exactly as the demo (issue 17, done when).
 */
class BatRoundTripTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;

  /** The demo with Tokyo's users, device profiles and phones gone: an empty cluster for them. */
  static Workspace emptied() {
    return DemoWorkspace.create().updateCluster(TOKYO,
        c -> c.withEndUsers(List.of()).withDeviceProfiles(List.of()).withPhones(List.of()));
  }

  static Workspace importInto(Workspace ws, Path file, ImportOptions o) throws Exception {
    ImportPlan plan = BatImport.plan(file, o, ws, null);
    assertThat(plan.problems()).as("problems of " + file.getFileName()).isEmpty();
    return ImportApplier.apply(ws, plan);
  }

  static List<EndUser> withoutPins(List<EndUser> users) {
    return users.stream().map(u -> new EndUser(u.userId(), u.firstName(), u.lastName(), u.primaryExtension(),
        u.selfServiceUserId(), null, u.pinMustChange(), u.enableExtensionMobilityCrossCluster(),
        u.controlledProfiles())).toList();
  }

  @Test
  void eachKindExportedFromTheDemoImportsIntoAnEmptyClusterEqual() throws Exception {
    Workspace demo = DemoWorkspace.create();
    Workspace ws = emptied();
    for (BatKind kind : List.of(BatKind.UDP, BatKind.USERS, BatKind.PHONES)) {
      Path file = dir.resolve(kind.id() + ".csv");
      BatExport.write(demo, ExportOptions.of(kind, BatFormat.EXPORT, TOKYO), file, null, null);
      ws = importInto(ws, file, ImportOptions.of(kind, BatFormat.EXPORT, TOKYO));
    }
    Cluster expected = demo.cluster(TOKYO).orElseThrow();
    Cluster actual = ws.cluster(TOKYO).orElseThrow();
    assertThat(actual.deviceProfiles()).isEqualTo(expected.deviceProfiles());
    assertThat(actual.phones()).isEqualTo(expected.phones());
    assertThat(withoutPins(actual.endUsers())).isEqualTo(withoutPins(expected.endUsers()));
    assertThat(actual.endUsers()).allMatch(u -> u.pinHash() == null);
    assertThat(actual.withEndUsers(expected.endUsers())).isEqualTo(expected);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {DemoWorkspace.TOKYO, DemoWorkspace.OSAKA})
  void theImportedClusterValidatesExactlyAsTheDemo(String clusterId) throws Exception {
    Workspace demo = DemoWorkspace.create();
    Workspace ws = demo.updateCluster(clusterId,
        c -> c.withEndUsers(List.of()).withDeviceProfiles(List.of()).withPhones(List.of()));
    Path pins = dir.resolve("pins.csv");
    StringBuilder b = new StringBuilder("User ID,PIN\n");
    demo.cluster(clusterId).orElseThrow().endUsers().forEach(u -> b.append(u.userId()).append(',')
        .append(DemoWorkspace.pin(u.userId())).append('\n'));
    Files.writeString(pins, b);
    for (BatKind kind : List.of(BatKind.UDP, BatKind.USERS, BatKind.PHONES)) {
      Path file = dir.resolve(kind.id() + ".csv");
      BatExport.write(demo, ExportOptions.of(kind, BatFormat.EXPORT, clusterId), file, null, PinFile.read(pins));
      ws = importInto(ws, file, ImportOptions.of(kind, BatFormat.EXPORT, clusterId));
    }
    // equal but for the PIN hashes: new salts of the same PINs
    Cluster actual = ws.cluster(clusterId).orElseThrow();
    Cluster expectedCluster = demo.cluster(clusterId).orElseThrow();
    assertThat(actual.withEndUsers(expectedCluster.endUsers())).isEqualTo(expectedCluster);
    assertThat(withoutPins(actual.endUsers())).isEqualTo(withoutPins(expectedCluster.endUsers()));
    assertThat(actual.endUsers()).allMatch(u -> u.pinMatches(DemoWorkspace.pin(u.userId())));
    List<Diagnostic> expected = Validator.standard().validate(demo);
    assertThat(Validator.standard().validate(ws)).isEqualTo(expected);
    if (!clusterId.equals(TOKYO)) {
      return;
    }
    // the PINs came back through the PIN file, hashed anew
    EndUser alice = ws.cluster(TOKYO).orElseThrow().endUser("alice").orElseThrow();
    assertThat(alice.pinMatches(DemoWorkspace.pin("alice"))).isTrue();
    assertThat(alice.pinHash()).isNotEqualTo(demo.cluster(TOKYO).orElseThrow().endUser("alice").orElseThrow().pinHash());
  }

  @Test
  void reImportingTheDemosOwnFilesChangesNothing() throws Exception {
    Workspace demo = DemoWorkspace.create();
    for (BatKind kind : BatKind.values()) {
      Path file = dir.resolve(kind.id() + ".csv");
      BatExport.write(demo, ExportOptions.of(kind, BatFormat.EXPORT, TOKYO), file, null, null);
      ImportPlan plan = BatImport.plan(file, ImportOptions.of(kind, BatFormat.EXPORT, TOKYO), demo, null);
      assertThat(plan.problems()).isEmpty();
      assertThat(plan.changesSomething()).as(kind.id()).isFalse();
      assertThat(plan.entries()).hasSize(6).allMatch(e -> e.change() == PlanEntry.Change.UNCHANGED);
    }
  }

  @Test
  void insertFilesCarryWhatTheirColumnsHold() throws Exception {
    Workspace demo = DemoWorkspace.create();
    Workspace ws = emptied();
    Path udp = dir.resolve("udp-insert.csv");
    ExportResult written = BatExport.write(demo, ExportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO), udp,
        null, null);
    assertThat(written.lines()).isEqualTo(1);
    assertThat(Files.readAllLines(udp).get(0)).isEqualTo("UDP_alice_8865,Alice Sato,,1001,,,,,,,,,,,");
    // the insert file has no device type: Osaka's profile is the BAT template
    ws = importInto(ws, udp, ImportOptions.of(BatKind.UDP, BatFormat.INSERT, TOKYO).withTemplate("UDP_carol_8865"));
    DeviceProfile alice = ws.cluster(TOKYO).orElseThrow().deviceProfile("UDP_alice_8865").orElseThrow();
    DeviceProfile expected = demo.cluster(TOKYO).orElseThrow().deviceProfile("UDP_alice_8865").orElseThrow();
    assertThat(alice.name()).isEqualTo(expected.name());
    assertThat(alice.description()).isEqualTo(expected.description());
    assertThat(alice.lines()).extracting(l -> l.directoryNumber()).containsExactly("1001");
    assertThat(alice.productType()).isEqualTo("Cisco 8865");
    // the partition is the template's line's (PT_OSAKA): an insert file has no partition column
    assertThat(alice.lines().get(0).partition()).isEqualTo("PT_OSAKA");

    Path users = dir.resolve("users-insert.csv");
    BatExport.write(demo, ExportOptions.of(BatKind.USERS, BatFormat.INSERT, TOKYO), users, null, null);
    assertThat(Files.readAllLines(users).get(0)).isEqualTo("Alice,Sato,alice,,,,,,,1001,,,,,,UDP_alice_8865");
    ws = importInto(ws, users, ImportOptions.of(BatKind.USERS, BatFormat.INSERT, TOKYO));
    EndUser u = ws.cluster(TOKYO).orElseThrow().endUser("alice").orElseThrow();
    assertThat(u.firstName()).isEqualTo("Alice");
    assertThat(u.primaryExtension()).isEqualTo("1001");
    assertThat(u.controlledProfiles()).containsExactly("UDP_alice_8865");
  }
}
