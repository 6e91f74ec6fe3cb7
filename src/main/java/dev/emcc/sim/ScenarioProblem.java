package dev.emcc.sim;

/**
 * A scenario that is well-formed JSON but cannot be simulated (an unknown visiting cluster, an
 * ambiguous phone, an impossible pre-existing session). {@code path} is the JSON path of the value.
 */
public class ScenarioProblem extends IllegalArgumentException {
  private final String path;

  public ScenarioProblem(String path, String message) {
    super(message);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
