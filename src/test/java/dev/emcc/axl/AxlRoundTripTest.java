package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.RunningNode;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Pull from a node, change, plan, push, pull again, over real HTTPS; storms and faults mid-push. */
class AxlRoundTripTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final AxlTestNodes nodes = new AxlTestNodes();
  final AxlSchema.Validating wire = nodes.wire;

  RunningNode node(String clusterId) throws Exception {
    Cluster c = DemoWorkspace.create().cluster(clusterId).orElseThrow();
    return nodes.start(dir.resolve(clusterId + nodes.started()), c);
  }

  AxlClient client(RunningNode n, AxlClient.BackOff backOff) {
    return nodes.client(n, backOff);
  }

  AxlClient client(RunningNode n) {
    return nodes.client(n);
  }

  @Test
  void pullingEachDemoClusterIntoTheWorkspaceGivesTheDemoAndWhatValidateGives() throws Exception {
    Workspace demo = DemoWorkspace.create();
    Workspace pulled = demo;
    for (Cluster c : demo.clusters()) {
      RunningNode n = node(c.clusterId());
      Cluster read = new AxlReader(client(n), AxlProgress.NONE).read(c.clusterId(), c);
      pulled = pulled.withCluster(read);
      assertEquals(Json.mapper().valueToTree(c), Json.mapper().valueToTree(read), c.clusterId());
    }
    List<Diagnostic> expected = Validator.standard().validate(demo);
    assertEquals(expected, Validator.standard().validate(pulled));
  }

  @Test
  void aFreshPullReadsEveryObjectAxlCarries() throws Exception {
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    RunningNode n = node(DemoWorkspace.TOKYO);
    Cluster read = new AxlReader(client(n), AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    assertEquals("14.0", read.version());
    assertEquals(tokyo.phones().stream().map(Phone::name).sorted().toList(),
        read.phones().stream().map(Phone::name).toList());
    assertEquals(tokyo.deviceProfiles().stream().map(DeviceProfile::name).sorted().toList(),
        read.deviceProfiles().stream().map(DeviceProfile::name).toList());
    assertEquals(tokyo.emccFeatureConfig(), read.emccFeatureConfig());
    assertEquals(tokyo.interclusterServiceProfile(), read.interclusterServiceProfile());
    assertEquals(tokyo.endUser("alice").orElseThrow().controlledProfiles(),
        read.endUser("alice").orElseThrow().controlledProfiles());
    assertEquals(tokyo.nodes().size(), read.nodes().size());
  }

  @Test
  void anAnswerOverTheServersSizeLimitIsAskedForAgainInSmallerPages() throws Exception {
    RunningNode n = node(DemoWorkspace.TOKYO);
    n.server().axlService().maxListBytes(400);
    List<Integer> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
    AxlClient client = client(n);
    client.wire((op, req, status, resp) -> {
      wire.exchanged(op, req, status, resp);
      if (new String(resp, java.nio.charset.StandardCharsets.UTF_8).contains("<axlcode>5002</axlcode>")) {
        faults.add(status);
      }
    });
    Cluster read = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    assertEquals(6, read.phones().size());
    assertEquals(6, read.endUsers().size());
    assertFalse(faults.isEmpty(), "the node refused a page as too large at least once");
  }

  @Test
  void aPhonesSecurityModeIsReadFromItsSecurityProfile() throws Exception {
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    List<Phone> phones = new ArrayList<>(tokyo.phones());
    phones.set(1, phones.get(1).withDeviceSecurityMode(dev.emcc.model.DeviceSecurityMode.ENCRYPTED)
        .withTftpEncryptedConfig(true));
    phones.set(2, phones.get(2).withDeviceSecurityMode(dev.emcc.model.DeviceSecurityMode.AUTHENTICATED));
    RunningNode n = nodes.start(dir.resolve("secure"), tokyo.withPhones(phones));
    Cluster read = new AxlReader(client(n), AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    for (Phone p : phones) {
      Phone r = read.phone(p.name()).orElseThrow();
      assertEquals(p.deviceSecurityMode(), r.deviceSecurityMode(), p.name());
      assertEquals(p.tftpEncryptedConfig(), r.tftpEncryptedConfig(), p.name());
    }
  }

  @Test
  void aSecurityModeChangeIsPushedAsTheClustersSecurityProfile() throws Exception {
    RunningNode n = node(DemoWorkspace.TOKYO);
    AxlClient client = client(n);
    Cluster pulled = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    List<Phone> phones = new ArrayList<>(pulled.phones());
    phones.set(0, phones.get(0).withDeviceSecurityMode(dev.emcc.model.DeviceSecurityMode.ENCRYPTED)
        .withTftpEncryptedConfig(true));
    phones.add(phones.get(1).withName("SEP0011223344AA").withDeviceSecurityMode(
        dev.emcc.model.DeviceSecurityMode.AUTHENTICATED));
    Cluster local = pulled.withPhones(phones);
    AxlPlan plan = AxlPlan.of(local, pulled, pulled);
    AxlPlan.Step update = plan.steps().stream().filter(s -> s.name().equals(phones.get(0).name())).findFirst()
        .orElseThrow();
    assertEquals(List.of("deviceSecurityMode", "tftpEncryptedConfig"),
        update.fields().stream().map(AxlPlan.FieldChange::key).toList());
    assertEquals("securityProfileName", update.fields().get(0).axl());
    AxlPush.Report report = AxlPush.run(client, plan, AxlProgress.NONE);
    assertTrue(report.complete(), () -> String.valueOf(report.failure()));
    assertEquals("encrypted", stored(n, "phones", phones.get(0).name()).get("deviceSecurityMode").asText());
    assertEquals("authenticated", stored(n, "phones", "SEP0011223344AA").get("deviceSecurityMode").asText());
    Cluster again = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, local);
    assertEquals(Json.mapper().valueToTree(local), Json.mapper().valueToTree(again));
  }

  @Test
  void changePlanPushAndPullAgainRoundTrips() throws Exception {
    RunningNode n = node(DemoWorkspace.TOKYO);
    AxlClient client = client(n);
    Cluster pulled = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO,
        DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow());
    Phone first = pulled.phones().get(0);
    Phone changed = new Phone(first.name(), "moved to the 5th floor", first.model(), first.protocol(),
        first.enableExtensionMobility(), first.subscribedServices(), first.deviceSecurityMode(), first.devicePool(),
        first.geolocation(), first.address());
    List<Phone> phones = new ArrayList<>(pulled.phones());
    phones.set(0, changed);
    List<DeviceProfile> profiles = new ArrayList<>(pulled.deviceProfiles());
    profiles.add(profiles.get(0).withName("UDP_guest_8865"));
    Cluster local = pulled.withPhones(phones).withDeviceProfiles(profiles)
        .withEndUsers(pulled.endUsers().stream().filter(u -> !u.userId().equals("ywatanabe")).toList())
        .withEmccFeatureConfig(pulled.emccFeatureConfig().withRemoteClusterUpdateServers("cucm-sub1.tokyo.example.com",
            null))
        .withRemoteClusters(List.of(pulled.remoteClusters().get(0).withServices(
            pulled.remoteClusters().get(0).services().withTftp(true))));

    AxlPlan plan = AxlPlan.of(local, pulled, pulled);
    List<String> steps = plan.steps().stream().map(s -> s.action() + " " + s.what() + " " + s.name()).toList();
    assertEquals(List.of("ADD DeviceProfile UDP_guest_8865", "UPDATE Phone " + first.name(),
        "UPDATE RemoteCluster OSAKA",
        "UPDATE EmccFeatureConfig " + AxlMapping.get().featureParameters().get("remoteClusterUpdateDefaultServer"),
        "UPDATE EmccFeatureConfig " + AxlMapping.get().featureParameters().get("remoteClusterUpdateBackupServer"),
        "REMOVE User ywatanabe"), steps);
    AxlPlan.FieldChange description = plan.steps().get(1).fields().get(0);
    assertEquals("description", description.key());
    assertEquals("moved to the 5th floor", description.local().asText());

    AxlPush.Report report = AxlPush.run(client, plan, AxlProgress.NONE);
    assertTrue(report.complete(), () -> String.valueOf(report.failure()));
    assertEquals(6, report.applied().size());

    Cluster again = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, local);
    assertEquals(Json.mapper().valueToTree(local), Json.mapper().valueToTree(again));
    assertTrue(AxlPlan.of(local, again, again).isEmpty());
  }

  @Test
  void aClusterChangeSinceThePullIsAConflictShownWithBothValuesAndNeverOverwritten() throws Exception {
    RunningNode n = node(DemoWorkspace.TOKYO);
    AxlClient client = client(n);
    Cluster pulled = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    String parameter = AxlMapping.get().featureParameters().get("rsvpSipTrunkKeepAliveSeconds");
    client.call(new XmlTree("updateEmccFeatureConfig").add("parameterName", parameter).add("value", "20"));
    Cluster local = pulled.withEmccFeatureConfig(new dev.emcc.model.EmccFeatureConfig(
        pulled.emccFeatureConfig().defaultTftpServer(), pulled.emccFeatureConfig().backupTftpServer(), 1440, false,
        null, pulled.emccFeatureConfig().geolocationFilter(), 8, 384, null, 30,
        pulled.emccFeatureConfig().remoteClusterUpdateDefaultServer(),
        pulled.emccFeatureConfig().remoteClusterUpdateBackupServer(), 30));
    Cluster now = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    AxlPlan plan = AxlPlan.of(local, now, pulled);
    assertEquals(1, plan.conflicts().size());
    AxlPlan.FieldChange c = plan.conflicts().get(0).fields().get(0);
    assertEquals(30, c.local().asInt());
    assertEquals(20, c.remote().asInt());
    assertEquals(15, c.pulled().asInt());
    AxlPush.Report report = AxlPush.run(client, plan, AxlProgress.NONE);
    assertTrue(report.applied().isEmpty());
    assertEquals(20, stored(n, "settings", "emccFeatureConfig").get("rsvpSipTrunkKeepAliveSeconds").asInt());
  }

  @Test
  void aStormOf503AndAFaultMidPushLeaveAReportOfExactlyWhatWasApplied() throws Exception {
    RunningNode n = node(DemoWorkspace.TOKYO);
    Cluster pulled = new AxlReader(client(n), AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    List<DeviceProfile> profiles = new ArrayList<>(pulled.deviceProfiles());
    for (int i = 0; i < 6; i++) {
      profiles.add(profiles.get(0).withName("UDP_extra_" + i));
    }
    Cluster local = pulled.withDeviceProfiles(profiles);
    AxlPlan plan = AxlPlan.of(local, pulled, pulled);

    // a storm: the node takes one write a second, the client gives up after two quick tries
    n.server().axlWritesPerSecond(1);
    AxlClient impatient = client(n, new AxlClient.BackOff(Duration.ofMillis(5), Duration.ofMillis(5), 2));
    AxlPush.Report storm = AxlPush.run(impatient, plan, AxlProgress.NONE);
    assertFalse(storm.complete());
    assertEquals(AxlException.Kind.BUSY, storm.failure().kind());
    assertTrue(storm.failure().getMessage().contains(storm.failed().name()), storm.failure().getMessage());
    assertEquals(6, storm.applied().size() + 1 + storm.notApplied().size());
    for (AxlPlan.Step s : storm.applied()) {
      assertTrue(n.server().state().get(new ObjectKey("deviceProfiles", s.name())).isPresent(), s.name());
    }
    assertTrue(n.server().state().get(new ObjectKey("deviceProfiles", storm.failed().name())).isEmpty());
    for (AxlPlan.Step s : storm.notApplied()) {
      assertTrue(n.server().state().get(new ObjectKey("deviceProfiles", s.name())).isEmpty(), s.name());
    }

    // a fault: a name longer than the node takes, second in the plan
    n.server().axlWritesPerSecond(0);
    AxlClient client = client(n);
    Cluster now = new AxlReader(client, AxlProgress.NONE).read(DemoWorkspace.TOKYO, null);
    List<DeviceProfile> more = new ArrayList<>(now.deviceProfiles());
    more.add(more.get(0).withName("UDP_a_fine_one"));
    more.add(more.get(0).withName("UDP_" + "x".repeat(60)));
    more.add(more.get(0).withName("UDP_z_after_the_fault"));
    AxlPush.Report fault = AxlPush.run(client, AxlPlan.of(now.withDeviceProfiles(more), now, now), AxlProgress.NONE);
    assertEquals(List.of("UDP_a_fine_one"), fault.applied().stream().map(AxlPlan.Step::name).toList());
    assertEquals(AxlException.Kind.FAULT, fault.failure().kind());
    assertNotNull(fault.failure().fault());
    assertTrue(fault.failure().getMessage().contains("add DeviceProfile UDP_xxx"), fault.failure().getMessage());
    assertEquals(List.of("UDP_z_after_the_fault"), fault.notApplied().stream().map(AxlPlan.Step::name).toList());
    assertTrue(n.server().state().get(new ObjectKey("deviceProfiles", "UDP_z_after_the_fault")).isEmpty());
  }

  private static JsonNode stored(RunningNode node, String collection, String name) {
    return node.server().state().get(new ObjectKey(collection, name)).orElseThrow().value();
  }
}
