package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Plans and results as text for people and as JSON for programs. */
public final class SyncReport {
  private SyncReport() {}

  public static ObjectNode json(Plan plan) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("node", plan.node());
    o.put("clusterId", plan.clusterId());
    o.put("nodeRevision", plan.nodeRevision());
    o.put("inSync", plan.inSync());
    o.put("toPush", plan.items(PlanItem.Action.PUSH).size());
    o.put("toPull", plan.items(PlanItem.Action.PULL).size());
    o.put("conflicts", plan.conflicts().size());
    ArrayNode items = o.putArray("items");
    for (PlanItem i : plan.items()) {
      ObjectNode n = items.addObject();
      n.put("collection", i.key().collection());
      n.put("name", i.key().name());
      n.put("action", lower(i.action()));
      n.put("change", lower(i.change()));
      n.put("nodeRevision", i.nodeRevision());
      ArrayNode fields = n.putArray("fields");
      for (FieldDiff f : i.fields()) {
        fields.addObject().put("field", f.field()).<ObjectNode>set("local", f.local()).set("node", f.node());
      }
      if (i.action() == PlanItem.Action.CONFLICT || i.fields().isEmpty()) {
        n.set("local", i.local());
        n.set("node", i.node());
      }
      if (i.action() == PlanItem.Action.CONFLICT) {
        n.set("base", i.base());
      }
    }
    return o;
  }

  public static ObjectNode json(PushResult r) {
    ObjectNode o = r.plan() == null ? Json.mapper().createObjectNode() : json(r.plan());
    o.put("node", r.node().url());
    o.put("ok", r.ok());
    o.put("pushed", r.pushed());
    o.put("revision", r.revision());
    o.put("attempts", r.attempts());
    ArrayNode retried = o.putArray("retriedAfter");
    r.retriedAfter().forEach(e -> retried.add(retryReason(e)));
    o.put("error", r.error() == null ? null : r.error().getMessage());
    o.put("notRetried", r.notRetried() ? noRetryReason(r.error()) : null);
    return o;
  }

  public static ObjectNode json(PullResult r) {
    ObjectNode o = json(r.plan());
    o.put("pulled", r.pulled());
    if (r.saved() != null) {
      // what validation finds in the workspace the pull saved, as the other editing commands say it
      o.putObject("validation").put("errors", r.saved().count(dev.emcc.rules.Severity.ERROR, null))
          .put("warnings", r.saved().count(dev.emcc.rules.Severity.WARNING, null));
    }
    return o;
  }

  /** The plan as lines: one per object, its fields below it; conflicts with both values. */
  public static void print(Plan plan, PrintWriter out) {
    out.println(Messages.format("sync.planHeader", plan.node(), plan.clusterId(), plan.nodeRevision()));
    for (PlanItem i : plan.items()) {
      String action = Messages.get("sync.action." + lower(i.action()));
      String change = i.action() == PlanItem.Action.CONFLICT ? "" : Messages.get("sync.change." + lower(i.change()));
      out.printf("  %-8s %-8s %s%n", action, change, i.key());
      if (i.action() == PlanItem.Action.CONFLICT && (i.local() == null || i.node() == null)) {
        out.println("      " + Messages.format("sync.conflictWhole", text(i.local()), text(i.node())));
      }
      for (FieldDiff f : i.fields()) {
        if (i.action() == PlanItem.Action.CONFLICT) {
          out.println("      " + Messages.format("sync.conflictField", f.field(), text(f.local()), text(f.node())));
        } else if (i.action() == PlanItem.Action.PUSH) {
          out.println("      " + f.field() + ": " + text(f.node()) + " -> " + text(f.local()));
        } else {
          out.println("      " + f.field() + ": " + text(f.local()) + " -> " + text(f.node()));
        }
      }
    }
    out.println("  " + Messages.format("sync.planSummary", plan.items(PlanItem.Action.PUSH).size(),
        plan.items(PlanItem.Action.PULL).size(), plan.conflicts().size(), plan.inSync()));
  }

  public static void print(List<PushResult> results, PrintWriter out) {
    for (PushResult r : results) {
      if (r.ok()) {
        out.println(Messages.format("sync.pushed", r.node().url(), r.pushed(), r.revision(), r.conflicts().size(),
            r.attempts()));
      } else {
        out.println(Messages.format("sync.pushFailed", r.node().url(), r.attempts(), r.error().getMessage()));
      }
      if (!r.retriedAfter().isEmpty()) {
        out.println("  " + Messages.format("sync.retriedAfter",
            String.join(", ", r.retriedAfter().stream().map(SyncReport::retryReason).toList())));
      }
      if (r.notRetried()) {
        out.println("  " + Messages.format("sync.notRetried", noRetryReason(r.error())));
      }
      for (PlanItem c : r.conflicts()) {
        out.println("  " + Messages.get("sync.action.conflict") + " " + c.key());
        for (FieldDiff f : c.fields()) {
          out.println("      " + Messages.format("sync.conflictField", f.field(), text(f.local()), text(f.node())));
        }
      }
    }
  }

  /** Why a failure was worth another try: a refused connection, a timeout, the node's own failure. */
  public static String retryReason(NodeException e) {
    return e.retry() == null ? noRetryReason(e)
        : Messages.format("sync.retry." + e.retry().name(), e.status());
  }

  /** Why a failure was not tried again: the same request would fail the same way. */
  public static String noRetryReason(NodeException e) {
    return Messages.format("sync.noRetry." + e.kind().name(), e.status());
  }

  private static String text(JsonNode n) {
    if (n == null) {
      return Messages.get("sync.absent");
    }
    String s = n.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
