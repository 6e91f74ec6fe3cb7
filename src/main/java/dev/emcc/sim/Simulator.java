package dev.emcc.sim;

import dev.emcc.format.DocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one scenario: a fresh {@link SimulatorSession} with the scenario's conditions, one login. */
public final class Simulator {
  private Simulator() {}

  /** Runs a scenario built in code; a scenario that cannot be simulated throws {@link ScenarioProblem}. */
  public static SimulationResult run(Scenario scenario) {
    SimulatorSession session = new SimulatorSession(scenario.workspace());
    Conditions c = scenario.conditions();
    // The WAN state first: the listed sessions exist as they are at the moment of the attempt.
    session.setWanUp(c.wanUp());
    for (int i = 0; i < c.loggedIn().size(); i++) {
      Conditions.LoggedIn l = c.loggedIn().get(i);
      session.preload(l.userId(), l.phone(), "$.conditions.loggedIn[" + i + "]");
    }
    session.setConcurrentRequests(c.concurrentRequests());
    return session.login(scenario.attempt());
  }

  /** Reads and runs a scenario document; problems come back with path, line and column. */
  public static SimulationResult run(byte[] json, String source) throws DocumentException {
    return run(ScenarioFormat.read(json, source), json, source);
  }

  /** Runs a scenario already read from {@code json}; problems are placed in that text. */
  public static SimulationResult run(Scenario s, byte[] json, String source) throws DocumentException {
    try {
      return run(s);
    } catch (ScenarioProblem p) {
      throw ScenarioFormat.at(json, source, p.path(), p.getMessage());
    }
  }

  public static SimulationResult run(Path file) throws DocumentException, IOException {
    return run(Files.readAllBytes(file), file.toString());
  }
}
