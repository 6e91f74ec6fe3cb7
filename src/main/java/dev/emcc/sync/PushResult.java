package dev.emcc.sync;

import java.util.List;

/**
 * What a push did on one node: the plan it carried out, how many objects it wrote, the conflicts
 * it left alone, how many attempts it made, the failures it tried again after (each worth a retry:
 * a refused connection, a timeout, a 5xx), and the failure when it gave up (else null).
 */
public record PushResult(NodeRef node, Plan plan, int pushed, long revision, List<PlanItem> conflicts,
    int attempts, List<NodeException> retriedAfter, NodeException error) {
  public PushResult {
    conflicts = List.copyOf(conflicts);
    retriedAfter = List.copyOf(retriedAfter);
  }

  public boolean ok() {
    return error == null;
  }

  /** True when the push gave up at once because another try could not succeed. */
  public boolean notRetried() {
    return error != null && !error.retryable();
  }
}
