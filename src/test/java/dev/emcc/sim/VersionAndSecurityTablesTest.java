package dev.emcc.sim;

import static dev.emcc.sim.TeachingScenarios.OSAKA;
import static dev.emcc.sim.TeachingScenarios.TOKYO;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §11 (table 5, loginType across versions) and §12 (tables 6, 7, 8), row by row, as scenarios. */
class VersionAndSecurityTablesTest {

  static SimulationResult run(TeachingScenarios.Builder b) throws Exception {
    byte[] json = TeachingScenarios.text(b.ok().document()).getBytes(StandardCharsets.UTF_8);
    return Simulator.run(json, "table row");
  }

  static String url(String loginType) {
    return "http://10.2.0.10:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#"
        + (loginType.isEmpty() ? "" : "&loginType=" + loginType);
  }

  @ParameterizedTest(name = "visiting {0}, home {1}, loginType ''{2}'' -> {3}")
  @CsvSource({
      "12.0, 12.0, '',  success",
      "12.0, 12.0, UID, success",
      "12.0, 12.0, SP,  success",
      "12.0, 12.0, DN,  success",
      "14.0, 15.0, DN,  success",
      "12.0, 11.5, '',  success",
      "12.0, 11.5, UID, 1",
      "12.0, 11.5, SP,  1",
      "12.0, 11.5, DN,  1",
      "11.5, 12.0, '',  success",
      "11.5, 12.0, UID, success",
      "11.5, 12.0, SP,  success",
      "11.5, 12.0, DN,  success"})
  void table5LoginTypeAcrossVersions(String visiting, String home, String loginType, String expected) throws Exception {
    boolean visiting12 = !visiting.startsWith("11");
    // SP and DN log in with 1001 (alice's self-service ID and extension); an 11.5 visiting cluster
    // ignores loginType and the phone asks for the user ID, so there the user types "alice".
    String id = visiting12 && (loginType.equals("SP") || loginType.equals("DN")) ? "1001" : "alice";
    SimulationResult r = run(new TeachingScenarios.Builder("t5", "table 5")
        .ws(OSAKA + ".version", visiting).ws(TOKYO + ".version", home)
        .ws(OSAKA + ".phoneServices[0].serviceUrl", url(loginType))
        .attempt("userId", id));
    if (expected.equals("success")) {
      assertThat(r.isSuccess()).as(r.steps().toString()).isTrue();
      assertThat(r.homeCluster()).isEqualTo("TOKYO");
    } else {
      assertThat(r.code()).as(r.steps().toString()).isEqualTo(Integer.parseInt(expected));
      assertThat(r.phoneDisplay()).contains("(1)");
    }
    if (!visiting12 && !loginType.isEmpty()) {
      assertThat(r.steps()).anySatisfy(s -> assertThat(s.message()).contains("is ignored"));
    }
  }

  @ParameterizedTest(name = "table {0}: home {1} {2}, visiting {3} {4}, phone {5} -> {6}")
  @CsvSource({
      "6, 14.0, mixed,     14.0, mixed,     encrypted,     secure",
      "6, 14.0, mixed,     14.0, mixed,     nonSecure,     nonSecure",
      "6, 14.0, mixed,     14.0, nonSecure, nonSecure,     nonSecure",
      "6, 14.0, nonSecure, 14.0, mixed,     encrypted,     46",
      "6, 14.0, nonSecure, 14.0, nonSecure, nonSecure,     nonSecure",
      "6, 9.1,  mixed,     9.1,  mixed,     authenticated, secure",
      "7, 14.0, mixed,     8.6,  mixed,     encrypted,     45",
      "7, 14.0, mixed,     8.6,  mixed,     nonSecure,     nonSecure",
      "7, 14.0, mixed,     8.6,  nonSecure, nonSecure,     nonSecure",
      "7, 14.0, nonSecure, 8.6,  mixed,     encrypted,     45",
      "7, 14.0, nonSecure, 8.6,  nonSecure, nonSecure,     nonSecure",
      "8, 8.6,  mixed,     14.0, mixed,     encrypted,     45",
      "8, 8.6,  mixed,     14.0, mixed,     nonSecure,     nonSecure",
      "8, 8.6,  mixed,     14.0, nonSecure, nonSecure,     nonSecure",
      "8, 8.6,  nonSecure, 14.0, mixed,     encrypted,     45",
      "8, 8.6,  nonSecure, 14.0, nonSecure, encrypted,     nonSecure"})
  void tables6to8SecurityModes(int table, String homeVersion, String homeMode, String visitingVersion,
      String visitingMode, String phoneMode, String expected) throws Exception {
    SimulationResult r = run(new TeachingScenarios.Builder("t" + table, "table " + table)
        .ws(TOKYO + ".version", homeVersion).ws(TOKYO + ".securityMode", homeMode)
        .ws(OSAKA + ".version", visitingVersion).ws(OSAKA + ".securityMode", visitingMode)
        .ws(OSAKA + ".phones[0].deviceSecurityMode", phoneMode));
    if (expected.equals("secure") || expected.equals("nonSecure")) {
      assertThat(r.isSuccess()).as(r.steps().toString()).isTrue();
      assertThat(r.emccStatus()).isEqualTo(expected);
    } else {
      assertThat(r.isSuccess()).isFalse();
      assertThat(r.code()).as(r.steps().toString()).isEqualTo(Integer.parseInt(expected));
      assertThat(r.emccStatus()).isNull();
    }
  }
}
