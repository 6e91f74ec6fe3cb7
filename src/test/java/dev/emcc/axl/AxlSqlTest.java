package dev.emcc.axl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceSecurityMode;
import dev.emcc.model.EmServiceParameters;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccTemplate;
import dev.emcc.node.RunningNode;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What AXL has no operation for: EMCC templates and devices and the feature parameters' names read
 * with executeSQLQuery, the EM service parameters with get/updateServiceParameter, and what a pull
 * could not read said instead of failing. Our client against the node over real HTTPS, every
 * message checked against Cisco's schema.
 */
class AxlSqlTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final AxlTestNodes nodes = new AxlTestNodes();

  static Cluster tokyo() {
    return DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
  }

  /** Tokyo as its administrator changed it on the cluster: a second template, more devices, other EM parameters. */
  static Cluster changedOnTheCluster() {
    Cluster c = tokyo();
    EmccTemplate first = c.emccTemplates().get(0);
    List<EmccTemplate> templates = new ArrayList<>(c.emccTemplates());
    templates.add(new EmccTemplate("EMCC_Template_Lab", "lab devices", first.devicePool(), first.commonDeviceConfig(),
        "Lab Phone Profile", DeviceSecurityMode.NON_SECURE));
    return c.withEmccTemplates(templates)
        .withEmccDevices(new EmccDevices("EMCC_Template_Lab", c.emccDevices().names()).insert(3))
        .withEmServiceParameters(new EmServiceParameters(true, List.of("192.0.2.10", "192.0.2.11"), true, 7));
  }

  RunningNode node(Cluster c) throws Exception {
    return nodes.start(dir.resolve("node" + nodes.started()), c);
  }

  AxlClient client(RunningNode n) {
    return nodes.client(n);
  }

  @Test
  void theNodeAnswersTheConsolesQueriesFromItsStoreAndAFaultToAnyOtherSql() throws Exception {
    Cluster c = changedOnTheCluster();
    AxlClient client = client(node(c));
    List<Map<String, String>> templates = AxlSql.run(client, AxlMapping.get().query("emccTemplates"));
    assertEquals(c.emccTemplates().stream().map(EmccTemplate::name).sorted().toList(),
        templates.stream().map(r -> r.get("name")).toList(), "ORDER BY d.name");
    Map<String, String> lab = templates.stream().filter(r -> r.get("name").equals("EMCC_Template_Lab")).findFirst()
        .orElseThrow();
    assertEquals("Lab Phone Profile", lab.get("commonPhoneProfile"));
    assertEquals("Non Secure", lab.get("deviceSecurityMode"), "typedevicesecuritymode's name");

    List<Map<String, String>> devices = AxlSql.run(client, AxlMapping.get().query("emccDevices"));
    assertEquals(c.emccDevices().names().size(), devices.size());
    assertTrue(devices.stream().allMatch(d -> d.get("commonPhoneProfile").equals("Lab Phone Profile")),
        "each device carries its default template's settings");

    List<Map<String, String>> names = AxlSql.run(client, AxlMapping.get().query("featureParameterNames"));
    assertEquals(AxlMapping.get().featureParameters().values().stream().sorted().toList(),
        names.stream().map(r -> r.get("name")).toList());

    // the same query spelled otherwise is the same query; any other SQL is refused, saying so
    AxlMapping.SqlQuery respelled = new AxlMapping.SqlQuery("x", "  " + AxlMapping.get().query("featureParameterNames")
        .sql().toLowerCase(java.util.Locale.ROOT).replace(" ", "\n  ") + ";", Map.of("paramname", "name"), Map.of());
    assertEquals(names.size(), AxlSql.run(client, respelled).size());
    AxlMapping.SqlQuery other = new AxlMapping.SqlQuery("x", "SELECT pkid, name FROM enduser", Map.of(), Map.of());
    AxlException refused = assertThrows(AxlException.class, () -> AxlSql.run(client, other));
    assertEquals(AxlFault.UNKNOWN_REQUEST, refused.fault().code());
    assertTrue(refused.getMessage().contains("answers only the SQL queries EMCC Console sends")
        && refused.getMessage().contains("SELECT pkid, name FROM enduser"), refused.getMessage());
  }

  @Test
  void aFreshPullReadsTemplatesDevicesTheDefaultTemplateAndTheEmServiceParametersAndNamesWhatAxlCannotRead()
      throws Exception {
    Cluster c = changedOnTheCluster();
    AxlRead read = new AxlReader(client(node(c)), AxlProgress.NONE).pull(DemoWorkspace.TOKYO, null);
    assertEquals(c.emccTemplates().stream().map(EmccTemplate::name).sorted().toList(),
        read.cluster().emccTemplates().stream().map(EmccTemplate::name).toList());
    assertEquals(c.emccTemplates().stream().sorted(java.util.Comparator.comparing(EmccTemplate::name)).toList(),
        read.cluster().emccTemplates());
    assertEquals(c.emccDevices().names().stream().sorted().toList(), read.cluster().emccDevices().names());
    assertEquals("EMCC_Template_Lab", read.cluster().emccDevices().defaultTemplate(),
        "the one template whose settings the devices carry");
    assertEquals(c.emServiceParameters(), read.cluster().emServiceParameters());
    assertEquals(AxlMapping.get().featureParameters(), read.featureNames());
    // only the nodes' services are not read: AXL has no Service Activation
    assertEquals(List.of(AxlRead.Part.NODE_SERVICES), read.unread().stream().map(AxlRead.Unread::part).toList());
    assertEquals(String.join(", ", c.nodes().stream().map(dev.emcc.model.Node::name).toList()),
        read.unread().get(0).subject());
    assertTrue(AxlReport.unread(read).get(1).contains("Service Activation"), AxlReport.unread(read).toString());
  }

  @Test
  void withoutTheSqlRoleThePullGoesOnKeepsTheWorkspacesTemplatesAndDevicesAndSaysSo() throws Exception {
    RunningNode n = node(changedOnTheCluster());
    n.server().axlSqlUsers(user -> false);
    Cluster base = tokyo();
    AxlRead read = new AxlReader(client(n), AxlProgress.NONE).pull(DemoWorkspace.TOKYO, base);
    assertEquals(base.emccTemplates(), read.cluster().emccTemplates());
    assertEquals(base.emccDevices(), read.cluster().emccDevices());
    assertEquals(changedOnTheCluster().emServiceParameters(), read.cluster().emServiceParameters(),
        "what needs no SQL is still read");
    assertEquals(base.emccFeatureConfig(), read.cluster().emccFeatureConfig());
    assertEquals(List.of(AxlRead.Part.EMCC_TEMPLATES, AxlRead.Part.EMCC_DEVICES, AxlRead.Part.FEATURE_PARAMETER_NAMES,
        AxlRead.Part.NODE_SERVICES), read.unread().stream().map(AxlRead.Unread::part).toList());
    assertTrue(read.unread().get(0).reason().contains("Access to executeSQLQuery is denied: user "
        + DemoWorkspace.EM_API_USER),
        read.unread().get(0).reason());
    assertEquals(AxlMapping.get().featureParameters(), read.featureNames(), "the assumed names, read with get");
    List<String> lines = AxlReport.unread(read);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("  EMCC templates: executeSQLQuery failed")), lines.toString());
  }

  @Test
  void anEmServiceParameterChangeIsPlannedAndPushedWithUpdateServiceParameter() throws Exception {
    RunningNode n = node(tokyo());
    AxlClient client = client(n);
    AxlRead pulled = new AxlReader(client, AxlProgress.NONE).pull(DemoWorkspace.TOKYO, null);
    Cluster local = pulled.cluster().withEmServiceParameters(new EmServiceParameters(true, List.of("198.51.100.7"),
        false, 5));
    AxlPlan plan = AxlPlan.of(local, pulled, pulled.cluster());
    assertEquals(List.of("UPDATE ServiceParameter ValidateIPAddress", "UPDATE ServiceParameter TrustedListOfIPs"),
        plan.steps().stream().map(s -> s.action() + " " + s.what() + " " + s.name()).toList());
    assertEquals(tokyo().publisher().orElseThrow().name(), plan.serviceNode());
    AxlPush.Report report = AxlPush.run(client, plan, AxlProgress.NONE);
    assertTrue(report.complete(), () -> String.valueOf(report.failure()));
    var stored = n.server().state().get(new ObjectKey("settings", "emServiceParameters")).orElseThrow().value();
    assertTrue(stored.get("validateIpAddress").asBoolean());
    assertEquals("198.51.100.7", stored.get("trustedIps").get(0).asText());
    AxlRead again = new AxlReader(client, AxlProgress.NONE).pull(DemoWorkspace.TOKYO, local);
    assertTrue(AxlPlan.of(local, again, again.cluster()).isEmpty());
  }

  @Test
  void featureParameterNamesTakeTheClustersSpellingAndAMissingOneIsSaid() {
    Map<String, String> assumed = new LinkedHashMap<>();
    assumed.put("regionLinkLossType", "EmccRegionLinkLossType");
    assumed.put("geolocationFilter", "EmccGeolocationFilter");
    assumed.put("backupTftpServer", "BackupTftpServerForEmccLoginDevice");
    List<AxlRead.Unread> unread = new ArrayList<>();
    Map<String, String> names = AxlReader.match(assumed,
        List.of("EMCC_Region_Link_Loss_Type", "EmccGeolocationFilter", "SomethingElse"), unread);
    assertEquals(Map.of("regionLinkLossType", "EMCC_Region_Link_Loss_Type", "geolocationFilter",
        "EmccGeolocationFilter"), names);
    assertEquals(1, unread.size());
    assertEquals("backupTftpServer (BackupTftpServerForEmccLoginDevice)", unread.get(0).subject());
    assertTrue(unread.get(0).reason().contains("SomethingElse"), unread.get(0).reason());
  }
}
