package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.wire.ObjectKey;
import dev.emcc.wire.StoredObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A three-way comparison of the console's objects (L), the node's (R) and the last synced ones
 * (B, per object, kept by {@link SyncBase}):
 * <ul>
 * <li>L = R: in sync;</li>
 * <li>L != B, R = B: only the console changed it: push;</li>
 * <li>L = B, R != B: only the node changed it: pull;</li>
 * <li>L != B, R != B, L != R: both changed it: a conflict, never overwritten.</li>
 * </ul>
 * Without a base (never synced) an object on one side only is an addition from that side, and an
 * object on both sides with different values is a conflict: nobody can tell which one is newer.
 */
public final class Planner {
  private Planner() {}

  public static Plan plan(String nodeUrl, String clusterId, long nodeRevision, Map<ObjectKey, JsonNode> local,
      Map<ObjectKey, StoredObject> node, Map<ObjectKey, JsonNode> base) {
    Set<ObjectKey> keys = new TreeSet<>(local.keySet());
    keys.addAll(node.keySet());
    List<PlanItem> items = new ArrayList<>();
    int inSync = 0;
    for (ObjectKey k : keys) {
      JsonNode l = local.get(k);
      StoredObject stored = node.get(k);
      JsonNode r = stored == null ? null : stored.value();
      long rev = stored == null ? 0 : stored.revision();
      JsonNode b = base.get(k);
      if (Objects.equals(l, r)) {
        inSync++;
        continue;
      }
      boolean localChanged = !Objects.equals(l, b);
      boolean nodeChanged = !Objects.equals(r, b);
      PlanItem.Action action;
      if (localChanged && !nodeChanged) {
        action = PlanItem.Action.PUSH;
      } else if (!localChanged && nodeChanged) {
        action = PlanItem.Action.PULL;
      } else {
        action = PlanItem.Action.CONFLICT;
      }
      PlanItem.Change change;
      JsonNode from = action == PlanItem.Action.PULL ? r : l;
      JsonNode to = action == PlanItem.Action.PULL ? l : r;
      if (to == null) {
        change = PlanItem.Change.ADDED;
      } else if (from == null) {
        change = PlanItem.Change.REMOVED;
      } else {
        change = PlanItem.Change.CHANGED;
      }
      items.add(new PlanItem(k, action, change, fields(l, r), l, r, b, rev));
    }
    return new Plan(nodeUrl, clusterId, nodeRevision, items, inSync);
  }

  /** Field by field: the top-level keys whose values differ (a whole value when one side is absent). */
  static List<FieldDiff> fields(JsonNode local, JsonNode node) {
    List<FieldDiff> out = new ArrayList<>();
    if (!(local instanceof ObjectNode lo) || !(node instanceof ObjectNode ro)) {
      return out;
    }
    Set<String> names = new LinkedHashSet<>();
    lo.fieldNames().forEachRemaining(names::add);
    for (Iterator<String> it = ro.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    for (String f : names) {
      JsonNode a = lo.get(f);
      JsonNode b = ro.get(f);
      if (!Objects.equals(a, b)) {
        out.add(new FieldDiff(f, a, b));
      }
    }
    return out;
  }
}
