package dev.emcc.axl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.format.Json;
import java.io.PrintWriter;
import java.util.List;

/** Plans and push reports in words (the user's language) and as JSON. */
public final class AxlReport {
  private AxlReport() {}

  public static String step(AxlPlan.Step s) {
    return Messages.get("axl.action." + s.action().name()) + " " + s.what() + " " + s.name();
  }

  public static void print(String clusterId, String server, AxlVersion version, AxlPlan plan, PrintWriter out) {
    if (plan.isEmpty()) {
      out.println(Messages.format("axl.plan.empty", clusterId, server));
    } else {
      out.println(Messages.format("axl.plan.header", clusterId, plan.steps().size() - plan.conflicts().size(), server,
          version));
    }
    for (AxlPlan.Step s : plan.steps()) {
      out.println(step(s));
      for (AxlPlan.FieldChange f : s.fields()) {
        out.println(f.conflict()
            ? Messages.format("axl.conflict", f.key(), f.axl(), text(f.local()), text(f.remote()), text(f.pulled()))
            : "  " + f.key() + " (<" + f.axl() + ">): " + text(f.remote()) + " \u2192 " + text(f.local()));
      }
    }
    if (!plan.withPulledState()) {
      out.println(Messages.get("axl.plan.noPulled"));
    } else if (!plan.conflicts().isEmpty()) {
      out.println(Messages.get("axl.conflictHint"));
    }
  }

  public static ObjectNode json(AxlPlan plan) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("withPulledState", plan.withPulledState());
    ArrayNode steps = root.putArray("steps");
    for (AxlPlan.Step s : plan.steps()) {
      steps.add(json(s));
    }
    return root;
  }

  static ObjectNode json(AxlPlan.Step s) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("action", s.action().name().toLowerCase(java.util.Locale.ROOT));
    o.put("object", s.what());
    o.put("name", s.name());
    o.put("conflict", s.conflict());
    ArrayNode fields = o.putArray("fields");
    for (AxlPlan.FieldChange f : s.fields()) {
      ObjectNode n = fields.addObject().put("field", f.key()).put("axl", f.axl());
      n.set("workspace", f.local());
      n.set("cluster", f.remote());
      if (f.pulled() != null) {
        n.set("pulled", f.pulled());
      }
      n.put("conflict", f.conflict());
    }
    return o;
  }

  /** What a pull could not read and why, a line each after a header (none when it read everything). */
  public static List<String> unread(AxlRead read) {
    if (read.unread().isEmpty()) {
      return List.of();
    }
    List<String> lines = new java.util.ArrayList<>();
    lines.add(Messages.format("axl.unread.header"));
    for (AxlRead.Unread u : read.unread()) {
      String part = Messages.get("axl.unread.part." + u.part().name());
      // a format, not a text: the part and the reason are the words
      lines.add("  " + part + (u.subject().isEmpty() ? "" : " " + u.subject()) + ": " + u.reason());
    }
    return lines;
  }

  public static void print(AxlPush.Report r, String server, PrintWriter out) {
    if (r.failed() == null) {
      out.println(Messages.format("axl.push.done", r.applied().size(), server, r.requests()));
    } else {
      int total = r.applied().size() + 1 + r.notApplied().size();
      out.println(Messages.format("axl.push.failed", r.applied().size() + 1, total, r.failure().getMessage()));
      out.println(Messages.format("axl.push.applied", r.applied().size(), names(r.applied())));
      out.println(Messages.format("axl.push.notApplied", r.notApplied().size(), names(r.notApplied())));
    }
    if (!r.conflicts().isEmpty()) {
      out.println(Messages.format("axl.push.conflicts", r.conflicts().size()));
    }
  }

  private static String names(List<AxlPlan.Step> steps) {
    return steps.isEmpty() ? Messages.get("axl.none")
        : String.join("; ", steps.stream().map(AxlReport::step).toList());
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? "-" : v.isTextual() ? "\"" + v.asText() + "\"" : v.toString();
  }
}
