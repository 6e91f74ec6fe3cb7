package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Workspace;
import dev.emcc.sim.PredictedLogin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Agreement by construction (issue 13): for every finding that predicts a login error code, in
 * every broken workspace of the catalogue (the demo with one thing wrong), the login the finding is
 * about ({@link PredictedLogin}: its cluster as visiting or home, its phone, its user) runs through
 * the simulator and fails with that code. A rule that predicts nothing has nothing to agree on.
 */
class RulesAndSimulatorAgreeTest {

  /** A broken workspace and the rule it is about: the catalogue's, and the paths it does not take. */
  record Case(String rule, String what, Workspace workspace) {}

  /** Predicting paths the catalogue does not take (its workspace is one way of breaking the rule). */
  static List<Case> extra() {
    // user.sharedPrimaryExtension predicts 47 only where a visiting cluster logs users in by extension
    Workspace dn = Fixtures.second(RulesAndSimulatorAgreeTest::byExtension);
    Workspace shared = dn.updateCluster("TOKYO", RulesAndSimulatorAgreeTest::twoUsersOn1001);
    // ... and 216 where only the home cluster itself does (its own users' Extension Mobility)
    Workspace local = Fixtures.first(c -> twoUsersOn1001(byExtension(c)));
    // Osaka's entry names a cluster nobody answers for (40); Tokyo's EM node is then named by none of
    // Osaka's entries (35) (the catalogue's Nagoya entry keeps Tokyo's address: 42 and 212)
    Workspace nowhere = Fixtures.second(c -> c.withRemoteClusters(Fixtures.replace(c.remoteClusters(), 0,
        r -> new dev.emcc.model.RemoteCluster("NAGOYA", "cucm-nagoya.example.jp", r.description(), r.services(),
            r.status()))));
    return List.of(
        new Case(EndUserRule.SHARED_EXTENSION, "two TOKYO users on 1001, OSAKA logs in by extension", shared),
        new Case(EndUserRule.SHARED_EXTENSION, "two TOKYO users on 1001, TOKYO logs in by extension", local),
        new Case(RemoteClusterRule.UNKNOWN, "Osaka's entry names Nagoya at an address nobody answers", nowhere),
        new Case(RemoteClusterRule.NOT_RECIPROCAL, "Osaka's only entry names Nagoya elsewhere", nowhere));
  }

  /** The cluster's EM service URLs ask for the extension (loginType=DN). */
  private static dev.emcc.model.Cluster byExtension(dev.emcc.model.Cluster c) {
    return c.withPhoneServices(c.phoneServices().stream()
        .map(s -> new dev.emcc.model.PhoneService(s.name(), s.description(), s.serviceUrl() + "&loginType=DN",
            s.secureServiceUrl(), s.serviceCategory(), s.serviceType(), s.enabled(), s.enterpriseSubscription()))
        .toList());
  }

  /** The cluster's fourth user takes the first one's primary extension, 1001. */
  private static dev.emcc.model.Cluster twoUsersOn1001(dev.emcc.model.Cluster c) {
    return c.withEndUsers(Fixtures.replace(c.endUsers(), 3,
        u -> new dev.emcc.model.EndUser(u.userId(), u.firstName(), u.lastName(), "1001", u.selfServiceUserId(),
            u.pinHash(), u.pinMustChange(), u.enableExtensionMobilityCrossCluster(), u.controlledProfiles())));
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    BrokenWorkspaces.all().forEach(c -> out.add(new Case(c.rule(), c.what(), c.workspace())));
    out.addAll(extra());
    return out;
  }

  /** The findings of a case's rule that predict a code. */
  static List<Diagnostic> predictions(Case c) {
    return Fixtures.all(c.workspace()).stream()
        .filter(d -> d.rule().equals(c.rule()) && d.predictedError() != null).toList();
  }

  /** What a finding is about, read as the Problems view reads it. */
  static PredictedLogin.Subject subject(Diagnostic d) {
    return dev.emcc.ui.simulator.Predictions.subject(d);
  }

  @TestFactory
  Stream<DynamicTest> everyPredictionIsWhatTheSimulatorGives() {
    return cases().stream().flatMap(c -> predictions(c).stream().map(d -> DynamicTest.dynamicTest(
        c.rule() + " (" + c.what() + ") predicts " + d.predictedError(), () -> {
          PredictedLogin.Subject s = subject(d);
          var run = PredictedLogin.failingWith(c.workspace(), s, d.predictedError());
          assertThat(run).as("%s: %s\nthe logins it is about gave: %s", d.rule(), d.message(),
              PredictedLogin.run(c.workspace(), s).stream()
                  .map(r -> r.candidate().userId() + "@" + r.candidate().phone() + " -> "
                      + (r.result().isSuccess() ? "success" : String.valueOf(r.result().code())))
                  .collect(Collectors.joining(", "))).isPresent();
        })));
  }

  /**
   * Every code every rule family declares it may predict ({@link Rule#predictions}, which the engine
   * holds each finding to) is met by a case above, so the test cannot pass by missing a rule or a
   * code: a new predicting rule fails here until a broken workspace stages it.
   */
  @Test
  void everyDeclaredPredictionIsMetByACase() {
    Map<String, Set<Integer>> met = new TreeMap<>();
    cases().forEach(c -> predictions(c).forEach(d -> met.computeIfAbsent(d.rule(), k -> new TreeSet<>())
        .add(d.predictedError())));
    assertThat(met).isEqualTo(new TreeMap<>(Validator.predictions()));
  }

  /** docs/validation-rules.md's column "predicted code" names the declared rules and their codes. */
  @Test
  void theDocumentedPredictionsAreTheDeclaredOnes() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("docs/validation-rules.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length > 4 && cells[1].trim().matches("[a-zA-Z]+\\.[a-zA-Z0-9.]+") && !cells[4].trim().equals("-")
          && !cells[4].trim().equals("predicted code")) {
        documented.put(cells[1].trim(), cells[4]);
      }
    }
    Map<String, Set<Integer>> declared = Validator.predictions();
    assertThat(documented.keySet()).isEqualTo(declared.keySet());
    declared.forEach((rule, codes) -> {
      Set<Integer> inDoc = new TreeSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b\\d{1,3}\\b").matcher(documented.get(rule));
      while (m.find()) {
        inDoc.add(Integer.valueOf(m.group()));
      }
      assertThat(inDoc).as(rule).containsAll(codes);
    });
  }

  /** The engine refuses a finding whose prediction its family did not declare. */
  @Test
  void anUndeclaredPredictionIsRefused() {
    Rule undeclared = (w, ctx) -> List.of(new Diagnostic(Severity.ERROR, "x.undeclared", "TOKYO", "clusters[0]",
        "m", "m", 22, null));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Validator(List.of(undeclared)).validate(Fixtures.baseline()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("x.undeclared predicts 22");
  }
}
