package dev.emcc.sync;

import java.util.List;

/** The differences between the console's cluster and one node's, object by object. */
public record Plan(String node, String clusterId, long nodeRevision, List<PlanItem> items, int inSync) {
  public Plan {
    items = List.copyOf(items);
  }

  public List<PlanItem> items(PlanItem.Action action) {
    return items.stream().filter(i -> i.action() == action).toList();
  }

  public List<PlanItem> conflicts() {
    return items(PlanItem.Action.CONFLICT);
  }

  public boolean hasConflicts() {
    return !conflicts().isEmpty();
  }
}
