package dev.emcc.sync;

import dev.emcc.edit.EditResult;
import java.util.List;

/**
 * What a pull did: the plan, how many objects it took from the node, the conflicts it left, and
 * what validation finds in the workspace it saved ({@code saved}: null when nothing was taken, or
 * when the console saved into its own model).
 */
public record PullResult(NodeRef node, Plan plan, int pulled, List<PlanItem> conflicts, EditResult saved) {
  public PullResult {
    conflicts = List.copyOf(conflicts);
  }
}
