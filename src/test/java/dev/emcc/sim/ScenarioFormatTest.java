package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.DocumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scenario document is read strictly; problems carry path, line and column. */
class ScenarioFormatTest {

  static byte[] bytes(ObjectNode doc) {
    return TeachingScenarios.text(doc).getBytes(StandardCharsets.UTF_8);
  }

  static ObjectNode doc() {
    return new TeachingScenarios.Builder("x", "x").ok().document();
  }

  static DocumentException problem(byte[] json) {
    try {
      Simulator.run(json, "s.json");
    } catch (DocumentException e) {
      return e;
    }
    throw new AssertionError("no DocumentException");
  }

  @Test
  void readsTheDocumentOfTheFormat() throws Exception {
    Scenario s = ScenarioFormat.read(bytes(doc()), "s.json");
    assertThat(s.name()).isEqualTo("x");
    assertThat(s.attempt().phone()).isEqualTo("SEP00AABBCC0201");
    assertThat(s.attempt().visitingCluster()).isEqualTo("OSAKA");
    assertThat(s.conditions().wanUp()).isTrue();
    assertThat(s.workspace().clusters()).hasSize(2);
  }

  @Test
  void conditionsAndOptionalAttemptKeysMayBeLeftOut() throws Exception {
    String json = "{\"name\":\"n\",\"workspace\":" + TeachingScenarios.text(TeachingScenarios.base())
        + ",\"attempt\":{\"phone\":\"SEP00AABBCC0201\",\"userId\":\"alice\",\"pin\":\"24680\"}}";
    SimulationResult r = Simulator.run(json.getBytes(StandardCharsets.UTF_8), "s.json");
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.visitingCluster()).isEqualTo("OSAKA");
  }

  @Test
  void anUnknownKeyIsAnErrorWithPathAndPosition() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("attempt")).put("phne", "x");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.attempt.phne");
    assertThat(e.problem()).contains("unknown key \"phne\"");
    assertThat(e.line()).isGreaterThan(1);
    assertThat(e.column()).isGreaterThan(0);
    assertThat(e.getMessage()).startsWith("s.json:" + e.line() + ":" + e.column());
  }

  @Test
  void aWrongTypeIsAnError() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("conditions")).put("wanUp", "yes");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.conditions.wanUp");
    assertThat(e.line()).isGreaterThan(1);
  }

  @Test
  void anExplicitNullForWanUpIsAnError() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("conditions")).putNull("wanUp");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.conditions.wanUp");
    assertThat(e.line()).isGreaterThan(1);
  }

  @Test
  void anUnknownKeyDeepInTheWorkspaceIsAnError() {
    ObjectNode d = doc();
    ((ObjectNode) JsonEdit.get(d, "workspace.clusters[1].phones[0]")).put("modle", "x");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.workspace.clusters[1].phones[0].modle");
  }

  @Test
  void theWorkspaceMustBeOfFormatVersion1() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("workspace")).put("formatVersion", 2);
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.workspace.formatVersion");
    assertThat(e.problem()).contains("unsupported formatVersion 2");
    String text = new String(bytes(d), StandardCharsets.UTF_8);
    assertThat(text.split("\n")[e.line() - 1]).contains("\"formatVersion\" : 2");
  }

  @Test
  void missingPartsAreNamed() {
    ObjectNode d = doc();
    d.remove("attempt");
    assertThat(problem(bytes(d)).problem()).isEqualTo("missing key \"attempt\"");
    ObjectNode w = doc();
    w.remove("workspace");
    assertThat(problem(bytes(w)).problem()).isEqualTo("missing key \"workspace\"");
  }

  @Test
  void anUnknownVisitingClusterIsPlacedInTheText() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("attempt")).put("visitingCluster", "NAGOYA");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.attempt.visitingCluster");
    assertThat(e.problem()).contains("NAGOYA");
    String text = new String(bytes(d), StandardCharsets.UTF_8);
    assertThat(text.split("\n")[e.line() - 1]).contains("\"visitingCluster\"");
  }

  @Test
  void aPhoneNameInTwoClustersNeedsTheVisitingCluster() {
    ObjectNode d = doc();
    JsonEdit.add(d, "workspace.clusters[0].phones",
        TeachingScenarios.map("name", "SEP00AABBCC0201", "model", "Cisco 8865"));
    ((ObjectNode) d.get("attempt")).putNull("visitingCluster");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.attempt.visitingCluster");
    assertThat(e.problem()).contains("TOKYO").contains("OSAKA");
  }

  @Test
  void aLoggedInSessionOfAnUnknownUserIsAnError() {
    ObjectNode d = new TeachingScenarios.Builder("x", "x").loggedIn("ghost", "SEP00AABBCC0202").ok().document();
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.conditions.loggedIn[0].userId");
    assertThat(e.line()).isGreaterThan(1);
  }

  @Test
  void ourKeysAreReadAndLeftOutWhenNotUsed() throws Exception {
    ObjectNode d = new TeachingScenarios.Builder("x", "x").fault("OSAKA", "risDown").ok().document();
    ((ObjectNode) d.get("attempt")).putObject("emApi").put("appUser", "thirdparty");
    Scenario s = ScenarioFormat.read(bytes(d), "s.json");
    assertThat(s.conditions().faults()).containsExactly(new Conditions.Fault("OSAKA", ClusterFault.RIS_DOWN));
    assertThat(s.attempt().emApi()).isEqualTo(EmApiRequest.of("thirdparty"));
    assertThat(s.attempt().isLogout()).isFalse();
    // written back only when used: a plain scenario keeps the pinned shape
    String plain = ScenarioFormat.toJson(ScenarioFormat.read(bytes(doc()), "s.json"));
    assertThat(plain).doesNotContain("\"faults\"").doesNotContain("\"action\"").doesNotContain("\"emApi\"")
        .doesNotContain("tftpEncryptedConfig");
  }

  @Test
  void anUnknownFaultIsAnErrorWithItsPath() {
    ObjectNode d = new TeachingScenarios.Builder("x", "x").fault("OSAKA", "powerDown").ok().document();
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.conditions.faults[0].fault");
    assertThat(e.problem()).contains("powerDown");
  }

  @Test
  void aFaultInAClusterOfNoneIsPlacedInTheText() {
    ObjectNode d = new TeachingScenarios.Builder("x", "x").fault("NAGOYA", "risDown").ok().document();
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.conditions.faults[0].cluster");
    assertThat(e.problem()).contains("NAGOYA");
    assertThat(e.line()).isGreaterThan(1);
  }

  @Test
  void aQueryTheEmApiKnowsIsNotStaged() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("attempt")).putObject("emApi").put("appUser", "a").put("queryType", "DeviceUserQuery");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.attempt.emApi.queryType");
    assertThat(e.problem()).contains("(8)");
  }

  @Test
  void anUnknownActionIsAnError() {
    ObjectNode d = doc();
    ((ObjectNode) d.get("attempt")).put("action", "reset");
    DocumentException e = problem(bytes(d));
    assertThat(e.path()).isEqualTo("$.attempt.action");
    assertThat(e.problem()).contains("reset");
  }

  @Test
  void aBrokenDocumentIsAnError() {
    DocumentException e = problem("{\"name\": \"x\", ".getBytes(StandardCharsets.UTF_8));
    assertThat(e.line()).isEqualTo(1);
    assertThatThrownBy(() -> ScenarioFormat.read(new byte[0], "empty.json")).isInstanceOf(DocumentException.class);
  }

  @Test
  void theResultDocumentHasExactlyThePinnedKeys() throws Exception {
    SimulationResult r = Simulator.run(bytes(doc()), "s.json");
    var tree = dev.emcc.format.Json.mapper().readTree(ScenarioFormat.toJson(r));
    var names = new java.util.ArrayList<String>();
    tree.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("result", "code", "phoneDisplay", "phoneDisplayJa", "emccStatus",
        "homeCluster", "visitingCluster", "emccDevice", "roamingDevicePool", "codecPreference", "warnings", "steps");
    var stepNames = new java.util.ArrayList<String>();
    tree.get("steps").get(0).fieldNames().forEachRemaining(stepNames::add);
    assertThat(stepNames).containsExactly("from", "to", "message", "ok");
    assertThat(tree.get("result").asText()).isEqualTo("success");
    assertThat(tree.get("code").isNull()).isTrue();
    assertThat(tree.get("codecPreference").get(0).asText()).isEqualTo("G.729");
  }
}
