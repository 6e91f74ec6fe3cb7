package dev.emcc.sync;

import java.util.List;

/**
 * What a push did on one node: the plan it carried out, how many objects it wrote, the conflicts
 * it left alone, how many attempts it took, and the failure when it gave up (else null).
 */
public record PushResult(NodeRef node, Plan plan, int pushed, long revision, List<PlanItem> conflicts,
    int attempts, NodeException error) {
  public PushResult {
    conflicts = List.copyOf(conflicts);
  }

  public boolean ok() {
    return error == null;
  }
}
