package dev.emcc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedStringsTest {
  private static String doc(String body) {
    return "{\"formatVersion\": 1, \"clusters\": [ {\"clusterId\": \"A\", " + body + "} ] }";
  }

  private static String phone(String name) {
    return "{\"name\": \"" + name + "\", \"model\": \"Cisco 8865\", \"devicePool\": \"DP_A\","
        + " \"subscribedServices\": [\"Extension Mobility\"]}";
  }

  @Test
  void equalShortValuesAreOneInstance() throws Exception {
    Workspace ws = WorkspaceFormat.read(doc("\"phones\": [" + phone("SEP1") + ", " + phone("SEP2") + "]"), "ws.json");
    List<Phone> phones = ws.clusters().get(0).phones();
    assertThat(phones.get(0).devicePool()).isEqualTo("DP_A").isSameAs(phones.get(1).devicePool());
    assertThat(phones.get(0).model()).isSameAs(phones.get(1).model());
    assertThat(phones.get(0).subscribedServices().get(0)).isSameAs(phones.get(1).subscribedServices().get(0));
  }

  @Test
  void aLongValueIsKeptAsRead() {
    String longText = "x".repeat(SharedStrings.MAX_LENGTH + 1);
    assertThat(SharedStrings.share(longText)).isSameAs(longText);
    assertThat(SharedStrings.share(new String(longText))).isNotSameAs(longText);
  }

  @Test
  void otherTokensWhereTextBelongsAreStillRefusedAsBefore() {
    assertThat(problem(doc("\"version\": 14"))).isEqualTo("wrong type: expected a string, got an integer");
    assertThat(problem(doc("\"version\": {}"))).isEqualTo("wrong type: expected a string, got an object");
    assertThat(problem(doc("\"phones\": [ {\"name\": \"p\", \"subscribedServices\": [true]} ]")))
        .isEqualTo("wrong type: expected a string, got true or false");
    assertThat(problem(doc("\"phones\": [ {\"name\": \"p\", \"subscribedServices\": [null]} ]")))
        .isEqualTo("a list may not contain null");
  }

  private static String problem(String json) {
    DocumentException e = catchThrowableOfType(DocumentException.class, () -> WorkspaceFormat.read(json, "ws.json"));
    assertThat(e).as("refused").isNotNull();
    return e.problem();
  }
}
