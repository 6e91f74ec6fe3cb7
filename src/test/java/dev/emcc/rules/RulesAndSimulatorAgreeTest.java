package dev.emcc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Workspace;
import dev.emcc.sim.PredictedLogin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    Workspace dn = Fixtures.second(c -> c.withPhoneServices(c.phoneServices().stream()
        .map(s -> new dev.emcc.model.PhoneService(s.name(), s.description(), s.serviceUrl() + "&loginType=DN",
            s.secureServiceUrl(), s.serviceCategory(), s.serviceType(), s.enabled(), s.enterpriseSubscription()))
        .toList()));
    Workspace shared = dn.updateCluster("TOKYO", c -> c.withEndUsers(Fixtures.replace(c.endUsers(), 3,
        u -> new dev.emcc.model.EndUser(u.userId(), u.firstName(), u.lastName(), "1001", u.selfServiceUserId(),
            u.pinHash(), u.pinMustChange(), u.enableExtensionMobilityCrossCluster(), u.controlledProfiles()))));
    return List.of(new Case(EndUserRule.SHARED_EXTENSION, "two TOKYO users on 1001, OSAKA logs in by extension", shared));
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
   * Every rule that predicts a code somewhere (docs/validation-rules.md, column "predicted code")
   * is met with a prediction by the cases above, so the test cannot pass by missing one.
   */
  @Test
  void everyPredictingRuleIsCovered() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("docs/validation-rules.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length > 4 && cells[1].trim().matches("[a-zA-Z]+\\.[a-zA-Z0-9.]+") && !cells[4].trim().equals("-")
          && !cells[4].trim().equals("predicted code")) {
        documented.add(cells[1].trim());
      }
    }
    Set<String> covered = new TreeSet<>();
    cases().forEach(c -> {
      if (!predictions(c).isEmpty()) {
        covered.add(c.rule());
      }
    });
    assertThat(covered).containsAll(documented);
    assertThat(documented).containsAll(covered);
  }
}
