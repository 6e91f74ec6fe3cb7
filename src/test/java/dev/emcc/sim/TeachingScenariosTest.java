package dev.emcc.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.format.DocumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every teaching scenario gives its expected result and code, and the shipped files match the table. */
class TeachingScenariosTest {

  @TestFactory
  Stream<DynamicTest> eachScenarioGivesItsExpectedResult() {
    return TeachingScenarios.all().stream().map(t -> DynamicTest.dynamicTest(t.file(), () -> {
      byte[] json = TeachingScenarios.text(t.document()).getBytes(StandardCharsets.UTF_8);
      SimulationResult r = Simulator.run(json, t.file());
      assertThat(r.result()).as(t.file() + " " + r.steps()).isEqualTo(t.success() ? "success" : "failure");
      assertThat(r.code()).as(t.file() + " " + r.steps()).isEqualTo(t.code());
      if (!t.success()) {
        assertThat(r.phoneDisplay()).isNotBlank();
        assertThat(r.phoneDisplayJa()).isNotBlank();
        assertThat(r.emccStatus()).isNull();
        assertThat(r.steps()).last().satisfies(s -> assertThat(s.ok()).isFalse());
      }
    }));
  }

  @Test
  void theShippedFilesAreTheGeneratedOnes() throws IOException, DocumentException {
    if (Boolean.getBoolean("emcc.writeScenarios")) {
      TeachingScenarios.write(Path.of("src/main/resources/dev/emcc/sim/scenarios"));
    }
    List<String> names = ScenarioCatalog.names();
    assertThat(names).containsExactlyElementsOf(
        TeachingScenarios.all().stream().map(TeachingScenarios.Teaching::file).toList());
    for (TeachingScenarios.Teaching t : TeachingScenarios.all()) {
      String shipped = new String(ScenarioCatalog.bytes(t.file()).orElseThrow(), StandardCharsets.UTF_8);
      assertThat(shipped).as(t.file()).isEqualTo(TeachingScenarios.text(t.document()));
    }
  }

  @Test
  void everyErrorCodeOfTheSimulatorHasAScenario() {
    Set<Integer> producible = new TreeSet<>();
    VisitingEmService.CHECKS.forEach(c -> producible.addAll(c.codes()));
    VisitingEmService.LOGOUT_CHECKS.forEach(c -> producible.addAll(c.codes()));
    HomeEmService.CHECKS.forEach(c -> producible.addAll(c.codes()));
    Set<Integer> covered = new TreeSet<>();
    TeachingScenarios.all().forEach(t -> {
      if (t.code() != null) {
        covered.add(t.code());
      }
    });
    assertThat(covered).containsAll(producible);
  }

  /**
   * Every code of the seed's error tables (the error catalog) is given by a check of the login, the
   * logout or the Phone window's Log Out (each with a scenario or a session test), or is listed with
   * its reason under "Codes the simulator does not produce" in docs/simulator.md, and only then.
   */
  @Test
  void everyCatalogCodeIsProducedOrSaidWhyNot() throws IOException {
    Set<Integer> producible = new TreeSet<>();
    VisitingEmService.CHECKS.forEach(c -> producible.addAll(c.codes()));
    VisitingEmService.LOGOUT_CHECKS.forEach(c -> producible.addAll(c.codes()));
    VisitingEmService.PHONE_WINDOW_LOGOUT_CHECKS.forEach(c -> producible.addAll(c.codes()));
    HomeEmService.CHECKS.forEach(c -> producible.addAll(c.codes()));
    Set<Integer> notProduced = new TreeSet<>();
    boolean inSection = false;
    for (String line : java.nio.file.Files.readAllLines(Path.of("docs/simulator.md"))) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Codes the simulator does not produce");
      } else if (inSection) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^- \\*\\*(\\d+)\\*\\*").matcher(line);
        if (m.find()) {
          notProduced.add(Integer.valueOf(m.group(1)));
        }
      }
    }
    Set<Integer> catalog = new TreeSet<>();
    dev.emcc.catalog.ErrorCatalog.standard().entries().forEach(e -> catalog.add(e.code()));
    Set<Integer> unexplained = new TreeSet<>(catalog);
    unexplained.removeAll(producible);
    assertThat(notProduced).as("listed as not produced").isNotEmpty().isEqualTo(unexplained);
    assertThat(catalog).as("the checks give only catalog codes").containsAll(producible);
  }
}
