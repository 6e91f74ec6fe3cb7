package dev.emcc.bat;

import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.store.KeptColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies a plan: the next workspace, proposed to the edit service as one change (one entry of the
 * store's history, undoable), with the BAT columns it keeps in the same transaction.
 */
public final class ImportApplier {
  private ImportApplier() {}

  /** The workspace after the plan: changed objects in their places, new ones after the others in file order. */
  public static Workspace apply(Workspace ws, ImportPlan plan) {
    if (!plan.applicable()) {
      throw new IllegalStateException("a plan with bad rows is applied only when they are skipped");
    }
    String clusterId = plan.options().clusterId();
    Cluster cluster = ws.cluster(clusterId).orElseThrow();
    Map<String, List<PlanEntry>> byCollection = new HashMap<>();
    for (PlanEntry e : plan.entries()) {
      if (e.change() != PlanEntry.Change.UNCHANGED) {
        byCollection.computeIfAbsent(e.collection(), k -> new ArrayList<>()).add(e);
      }
    }
    for (Window w : List.of(Windows.END_USER, Windows.DEVICE_PROFILE, Windows.PHONE)) {
      CollectionBinding<?> b = w.collection().orElseThrow();
      List<PlanEntry> entries = byCollection.get(b.clusterKey());
      if (entries != null) {
        cluster = merged(cluster, b, entries);
      }
    }
    return ws.withCluster(cluster);
  }

  @SuppressWarnings("unchecked")
  private static <T> Cluster merged(Cluster cluster, CollectionBinding<T> b, List<PlanEntry> entries) {
    List<T> next = new ArrayList<>(b.get().apply(cluster));
    Map<String, Integer> at = new HashMap<>();
    Function<T, String> name = b.name();
    for (int i = 0; i < next.size(); i++) {
      at.put(name.apply(next.get(i)), i);
    }
    for (PlanEntry e : entries) {
      Integer i = at.get(e.name());
      if (i != null) {
        next.set(i, (T) e.after());
      } else {
        at.put(e.name(), next.size());
        next.add((T) e.after());
      }
    }
    return b.set().apply(cluster, next);
  }

  /**
   * The plan as a change for the edit service: the workspace after it, made from {@code ws}, named
   * for the history by the file, with the columns it keeps when it keeps the unknown ones.
   */
  public static Proposal proposal(Workspace ws, ImportPlan plan, String fileName) {
    Proposal change = Proposal.of(apply(ws, plan), new Origin(Origin.Kind.BAT, summary(plan, fileName))).from(ws);
    if (!plan.options().keepUnknown()) {
      return change;
    }
    String clusterId = plan.options().clusterId();
    return change.keeping(plan.kept().entrySet().stream()
        .map(c -> new KeptColumns.Entry(clusterId, c.getKey(), c.getValue())).toList());
  }

  /** The history's name of the change: "BAT import udp.csv (udp, insert) into TOKYO". */
  public static String summary(ImportPlan plan, String fileName) {
    return BatMessages.text(Locale.ROOT, "history.import", fileName, plan.options().kind().id(),
        plan.options().format().id(), plan.options().clusterId());
  }
}
