package dev.emcc.sim;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.emcc.model.Workspace;

/**
 * A simulator scenario (workspace-format.md, "Simulator scenario"): a workspace, one login attempt
 * and the conditions at the moment of the attempt.
 */
@JsonPropertyOrder({"name", "workspace", "attempt", "conditions"})
public record Scenario(String name, Workspace workspace, LoginAttempt attempt, Conditions conditions) {
  public Scenario {
    conditions = conditions == null ? Conditions.NORMAL : conditions;
  }
}
