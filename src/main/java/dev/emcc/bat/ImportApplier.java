package dev.emcc.bat;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies a plan: the next workspace, saved as one change (one entry of the store's history,
 * undoable). The one place an import is saved, so that it can move to a central edit service
 * (validate, save in one transaction, record history) without touching the rest.
 */
public final class ImportApplier {
  /** Where the next workspace goes: the store (one change set), a workspace file, the console's model. */
  @FunctionalInterface
  public interface Sink {
    void save(Workspace next, String summary) throws IOException;
  }

  /** Where kept columns go (the store's side table), by collection, then object name, then header. */
  @FunctionalInterface
  public interface KeptSink {
    void put(String clusterId, String collection, Map<String, Map<String, String>> values) throws IOException;
  }

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
   * Applies and saves: the next workspace to {@code sink} under a summary naming the file, then
   * the kept columns (if any, and a {@code kept} sink is given). Returns the saved workspace.
   */
  public static Workspace applyAndSave(Workspace ws, ImportPlan plan, String fileName, Sink sink, KeptSink kept)
      throws IOException {
    Workspace next = apply(ws, plan);
    if (plan.changesSomething()) {
      sink.save(next, summary(plan, fileName));
    }
    if (kept != null && plan.options().keepUnknown()) {
      for (Map.Entry<String, Map<String, Map<String, String>>> c : plan.kept().entrySet()) {
        kept.put(plan.options().clusterId(), c.getKey(), c.getValue());
      }
    }
    return next;
  }

  /** The history's name of the change: "BAT import udp.csv (udp, insert) into TOKYO". */
  public static String summary(ImportPlan plan, String fileName) {
    return BatMessages.text(Locale.ROOT, "history.import", fileName, plan.options().kind().id(),
        plan.options().format().id(), plan.options().clusterId());
  }
}
