package dev.emcc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.EndUser;
import dev.emcc.model.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFormatTest {
  /** A cluster document whose lines 1-5 are fixed; {@code body} starts on line 6, column 7. */
  private static String doc(String body) {
    return """
        {
          "formatVersion": 1,
          "clusters": [
            {
              "clusterId": "A",
        """ + body + """
            }
          ]
        }
        """;
  }

  private static DocumentException error(String json) {
    DocumentException e = catchThrowableOfType(DocumentException.class, () -> WorkspaceFormat.read(json, "ws.json"));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.getMessage())
        .as("one short line without Jackson internals")
        .doesNotContain("\n", "com.fasterxml", "java.", "dev.emcc", "Source:", "coercion", "CoercionConfig", "token `")
        .startsWith("ws.json:" + e.line() + ":" + e.column() + ": " + e.path() + ": ");
    return e;
  }

  private static void assertAt(DocumentException e, String path, int line, int column, String problem) {
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.line()).as("line").isEqualTo(line);
    assertThat(e.column()).as("column").isEqualTo(column);
    assertThat(e.problem()).isEqualTo(problem);
  }

  @Test
  void demoWorkspaceRoundTripsLosslessly() throws Exception {
    Workspace demo = DemoWorkspace.create();
    byte[] written = WorkspaceFormat.toBytes(demo);
    Workspace back = WorkspaceFormat.read(written, "demo.json");
    assertThat(back).isEqualTo(demo);
    assertThat(WorkspaceFormat.toBytes(back)).isEqualTo(written);
  }

  @Test
  void generatedWorkspaceRoundTripsLosslesslyThroughAFile(@TempDir Path dir) throws Exception {
    Workspace ws = WorkspaceGenerator.generate(3_000, 2_500, 1_200, 300, 3, 11);
    Path file = dir.resolve("generated.json");
    WorkspaceFormat.write(ws, file);
    Workspace back = WorkspaceFormat.read(file);
    assertThat(back).isEqualTo(ws);
    WorkspaceFormat.write(back, dir.resolve("again.json"));
    assertThat(Files.readAllBytes(dir.resolve("again.json"))).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void unknownKeyIsNamedWhereItStands() {
    assertAt(error(doc("      \"maxPhone\": 60000\n")), "$.clusters[0].maxPhone", 6, 7, "unknown key \"maxPhone\"");
  }

  @Test
  void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
    assertAt(error(doc("      \"maxPhones\": \"60000\"\n")), "$.clusters[0].maxPhones", 6, 7,
        "wrong type: expected an integer, got a string");
    assertAt(error(doc("      \"nodes\": {}\n")), "$.clusters[0].nodes", 6, 7,
        "wrong type: expected an array, got an object");
    assertAt(error(doc("      \"nodes\": [ { \"publisher\": \"yes\" } ]\n")), "$.clusters[0].nodes[0].publisher", 6, 20,
        "wrong type: expected true or false, got a string");
    assertAt(error(doc("      \"nodes\": [ { \"publisher\": null } ]\n")), "$.clusters[0].nodes[0].publisher", 6, 20,
        "wrong type: expected true or false, got null");
    assertAt(error(doc("      \"maxPhones\": 1.5\n")), "$.clusters[0].maxPhones", 6, 7,
        "wrong type: expected an integer, got a decimal number");
  }

  @Test
  void badEnumValueListsTheAllowedOnes() {
    assertAt(error(doc("      \"securityMode\": \"secure\"\n")), "$.clusters[0].securityMode", 6, 7,
        "bad value \"secure\": expected one of nonSecure, mixed");
    assertAt(error(doc("      \"geolocationFilters\": [ { \"name\": \"F\", \"fields\": [\"country\", \"planet\"] } ]\n")),
        "$.clusters[0].geolocationFilters[0].fields[1]", 6, 68,
        "bad value \"planet\": expected one of country, state, county, city, district, neighborhood, street,"
            + " houseNumber, postalCode, location, floor, room, name");
  }

  @Test
  void truncatedFileSaysWhatIsLeftOpen() {
    String json = doc("      \"nodes\": [ { \"name\": \"n1\" }\n");
    String truncated = json.substring(0, json.indexOf("}\n", json.indexOf("n1")) + 2);
    DocumentException e = error(truncated);
    assertThat(e.problem()).isEqualTo("truncated document: an array opened at 6:16 is not closed");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.path()).isEqualTo("$.clusters[0].nodes");
  }

  @Test
  void formatVersionMustBeOneAndPresent() {
    assertAt(error("{\n  \"formatVersion\": 2,\n  \"clusters\": []\n}\n"), "$.formatVersion", 2, 20,
        "unsupported formatVersion 2: this console reads version 1");
    assertAt(error("{\n  \"clusters\": []\n}\n"), "$.formatVersion", 1, 1, "missing key \"formatVersion\"");
    assertAt(error("{ \"formatVersion\": \"1\", \"clusters\": [] }"), "$.formatVersion", 1, 20,
        "wrong type: expected an integer, got a string");
  }

  @Test
  void duplicateKeyPointsAtTheSecondOne() {
    assertAt(error(doc("      \"clusterId\": \"B\"\n")), "$.clusters[0].clusterId", 6, 7, "duplicate key \"clusterId\"");
  }

  @Test
  void nullInAListIsRefusedAtTheElement() {
    assertAt(error(doc("      \"phones\": [ { \"name\": \"SEP001122334455\", \"subscribedServices\": [\"EM\", null] } ]\n")),
        "$.clusters[0].phones[0].subscribedServices[1]", 6, 77, "a list may not contain null");
    assertAt(error(doc("      \"phones\": [ { \"name\": \"SEP001122334455\" }, null ]\n")),
        "$.clusters[0].phones[1]", 6, 50, "a list may not contain null");
  }

  @Test
  void pinAndPinHashTogetherAreRefusedAtPinHash() {
    String hash = WorkspaceGenerator.generate(2, 2, 2, 0, 2, 1).clusters().get(0).endUsers().get(0).pinHash();
    DocumentException e = error(doc("      \"endUsers\": [ {\n        \"userId\": \"u1\",\n        \"pin\": \"1234\",\n"
        + "        \"pinHash\": \"" + hash + "\"\n      } ]\n"));
    assertAt(e, "$.clusters[0].endUsers[0].pinHash", 9, 9, "give either pin or pinHash, not both");
    assertAt(error(doc("      \"endUsers\": [ { \"userId\": \"u1\", \"pinHash\": \"plain\" } ]\n")),
        "$.clusters[0].endUsers[0].pinHash", 6, 39, "pinHash is not a hash this console wrote");
  }

  @Test
  void syntaxErrorsAreShortToo() {
    assertAt(error(doc("      \"maxPhones\": 5 \"version\": \"14.0\"\n")), "$.clusters[0]", 6, 22,
        "syntax error: expected ',' or '}', found '\"'");
    assertAt(error("{ \"formatVersion\": 1, \"clusters\": [] } trailing"), "$", 1, 40,
        "syntax error: expected a JSON value, found 'trailing'");
  }

  @Test
  void pinIsHashedOnReadAndNeverWrittenBack() throws Exception {
    Workspace ws = WorkspaceFormat.read(doc("      \"endUsers\": [ { \"userId\": \"u1\", \"pin\": \"97531\" } ]\n"), "ws.json");
    EndUser user = ws.clusters().get(0).endUser("u1").orElseThrow();
    assertThat(user.pinMatches("97531")).isTrue();
    assertThat(user.pinHash()).startsWith("pbkdf2-sha256$").doesNotContain("97531");
    String written = new String(WorkspaceFormat.toBytes(ws), StandardCharsets.UTF_8);
    assertThat(written).contains("\"pinHash\"").doesNotContain("\"pin\"").doesNotContain("97531");
    assertThat(WorkspaceFormat.read(written, "again.json").clusters().get(0).endUser("u1").orElseThrow()
        .pinMatches("97531")).isTrue();
  }
}
