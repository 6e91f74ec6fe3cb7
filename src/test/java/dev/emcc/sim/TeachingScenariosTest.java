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
}
