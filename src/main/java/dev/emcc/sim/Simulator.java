package dev.emcc.sim;

import dev.emcc.format.DocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one scenario: a fresh {@link SimulatorSession} with the scenario's conditions, one login or logout. */
public final class Simulator {
  private Simulator() {}

  /** Runs a scenario built in code; a scenario that cannot be simulated throws {@link ScenarioProblem}. */
  public static SimulationResult run(Scenario scenario) {
    return run(scenario, SimulatorSession::new);
  }

  /**
   * Runs a scenario in a session made by {@code sessions} from the scenario's workspace (for
   * example one whose remote calls go over HTTPS to live nodes).
   */
  public static SimulationResult run(Scenario scenario,
      java.util.function.Function<dev.emcc.model.Workspace, SimulatorSession> sessions) {
    SimulatorSession session = sessions.apply(scenario.workspace());
    Conditions c = scenario.conditions();
    // The WAN state first: the listed sessions exist as they are at the moment of the attempt.
    session.setWanUp(c.wanUp());
    for (int i = 0; i < c.loggedIn().size(); i++) {
      Conditions.LoggedIn l = c.loggedIn().get(i);
      session.preload(l.userId(), l.phone(), "$.conditions.loggedIn[" + i + "]");
    }
    session.setConcurrentRequests(c.concurrentRequests());
    for (int i = 0; i < c.faults().size(); i++) {
      Conditions.Fault f = c.faults().get(i);
      if (session.index(f.cluster()) == null) {
        throw new ScenarioProblem("$.conditions.faults[" + i + "].cluster",
            "no cluster \"" + f.cluster() + "\" in the workspace");
      }
      session.setFault(f.cluster(), f.fault(), true);
    }
    return scenario.attempt().isLogout() ? session.logout(scenario.attempt()) : session.login(scenario.attempt());
  }

  /** Reads and runs a scenario document; problems come back with path, line and column. */
  public static SimulationResult run(byte[] json, String source) throws DocumentException {
    return run(ScenarioFormat.read(json, source), json, source);
  }

  /** Runs a scenario already read from {@code json}; problems are placed in that text. */
  public static SimulationResult run(Scenario s, byte[] json, String source) throws DocumentException {
    return run(s, json, source, SimulatorSession::new);
  }

  /** As {@link #run(Scenario, byte[], String)}, in a session made by {@code sessions}. */
  public static SimulationResult run(Scenario s, byte[] json, String source,
      java.util.function.Function<dev.emcc.model.Workspace, SimulatorSession> sessions) throws DocumentException {
    try {
      return run(s, sessions);
    } catch (ScenarioProblem p) {
      throw ScenarioFormat.at(json, source, p.path(), p.getMessage());
    }
  }

  public static SimulationResult run(Path file) throws DocumentException, IOException {
    return run(Files.readAllBytes(file), file.toString());
  }
}
