package dev.emcc.sync;

import java.util.List;

/** What a pull did: the plan, how many objects it took from the node, and the conflicts it left. */
public record PullResult(NodeRef node, Plan plan, int pulled, List<PlanItem> conflicts) {
  public PullResult {
    conflicts = List.copyOf(conflicts);
  }
}
