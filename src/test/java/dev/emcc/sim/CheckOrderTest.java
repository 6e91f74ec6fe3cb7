package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The order of the checks is the one docs/simulator.md teaches, and every check has its texts. */
class CheckOrderTest {
  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `([a-zA-Z.]+)` \\| (.+?) \\| (.+?) \\|");

  static List<String> documented(String section) throws Exception {
    String doc = Files.readString(Path.of("docs/simulator.md"));
    int start = doc.indexOf("### " + section);
    int end = doc.indexOf("\n##", start + 1);
    List<String> ids = new ArrayList<>();
    for (String line : doc.substring(start, end).split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(ids.size() + 1);
        ids.add(m.group(2) + " " + m.group(4));
      }
    }
    return ids;
  }

  static List<String> coded(List<CheckOrder.Entry> entries) {
    return entries.stream().map(e -> e.id() + " " + (e.codes().isEmpty() ? "-"
        : String.join(", ", e.codes().stream().map(String::valueOf).toList()))).toList();
  }

  @Test
  void theLoginOrderIsTheDocumentedOne() throws Exception {
    assertThat(coded(CheckOrder.login())).containsExactlyElementsOf(documented("Login"));
  }

  @Test
  void theLogoutOrderIsTheDocumentedOne() throws Exception {
    assertThat(coded(CheckOrder.logout())).containsExactlyElementsOf(documented("Logout"));
  }

  @Test
  void thePhoneWindowLogoutOrderIsTheDocumentedOne() throws Exception {
    assertThat(coded(CheckOrder.phoneWindowLogout())).containsExactlyElementsOf(documented("Log Out in the visiting Phone window"));
  }

  @Test
  void idsAreUniqueAndEveryCheckHasATitleInBothLanguages() {
    List<CheckOrder.Entry> all = new ArrayList<>(CheckOrder.login());
    all.addAll(CheckOrder.logout());
    all.addAll(CheckOrder.phoneWindowLogout());
    assertThat(new HashSet<>(all.stream().map(CheckOrder.Entry::id).toList())).hasSize(all.size());
    for (CheckOrder.Entry e : all) {
      assertThat(e.title()).isNotBlank();
      assertThat(e.titleJa()).isNotBlank().isNotEqualTo(e.title());
    }
  }

  @Test
  void aSuccessfulEmccLoginWalksTheChecksInTheirOrder() throws Exception {
    SimulationResult r = new SimulatorSession(SimulatorSessionTest.base())
        .login(LoginAttempt.of("SEP00AABBCC0201", "alice", "24680"));
    List<String> order = CheckOrder.login().stream().map(CheckOrder.Entry::id).toList();
    List<Integer> positions = r.steps().stream().map(s -> order.indexOf(s.check())).toList();
    assertThat(positions).doesNotContain(-1).isSorted();
    assertThat(r.steps().get(r.steps().size() - 1).check()).isEqualTo("visiting.register");
  }
}
