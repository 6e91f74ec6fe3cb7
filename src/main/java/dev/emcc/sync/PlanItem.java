package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.wire.ObjectKey;
import java.util.List;

/**
 * One object that differs between the console and a node. {@code action} says what a sync would
 * do: push it to the node, pull it from the node, or nothing, for a conflict (both sides changed
 * it since the last sync: never overwritten, both values are shown). {@code change} is from the
 * receiving side's view: push ADDED creates the object on the node, pull REMOVED deletes it here.
 */
public record PlanItem(ObjectKey key, Action action, Change change, List<FieldDiff> fields, JsonNode local,
    JsonNode node, JsonNode base, long nodeRevision) {

  public enum Action { PUSH, PULL, CONFLICT }

  public enum Change { ADDED, CHANGED, REMOVED }

  public PlanItem {
    fields = List.copyOf(fields);
  }
}
