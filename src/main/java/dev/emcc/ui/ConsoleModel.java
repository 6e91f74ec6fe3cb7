package dev.emcc.ui;

import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console's one view model: the workspace being edited, the cluster shown, the undo history
 * and the latest validation findings. Every edit goes through {@link #commit}, which hands it to the
 * sink ({@link #setOnCommit}: the edit service, through {@link Persistence}); the validator
 * ({@link #setValidator}) is wired here too.
 *
 * <p>Edit > Undo ({@link #undoLatest()}) takes back the console's own edits first (at once, from the
 * workspaces it keeps; the sink undoes each in the store's history); with none left, it asks the
 * sink to undo the store's latest change whoever made it ({@link CommitSink#undoLatest}), when the
 * sink says there is one.
 */
public final class ConsoleModel {
  static final int UNDO_DEPTH = 50;

  private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>(Workspace.of(List.of()));
  private final StringProperty clusterId = new SimpleStringProperty();
  private final Deque<Workspace> undo = new ArrayDeque<>();
  private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
  /** The sink's history has a change to undo beyond the console's own edits (set by the sink). */
  private boolean historyCanUndo;
  private final StringProperty lastChange = new SimpleStringProperty("");
  private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
  private final ObjectProperty<Workspace> problemsOf = new SimpleObjectProperty<>();
  private CommitSink onCommit = (w, what) -> {};
  private Function<Workspace, List<Diagnostic>> validator;

  /** Replaces the whole workspace (a load): no undo entry; keeps the shown cluster if it still exists. */
  public void load(Workspace ws) {
    undo.clear();
    canUndo.set(historyCanUndo);
    workspace.set(ws);
    String current = clusterId.get();
    if (current == null || ws.cluster(current).isEmpty()) {
      clusterId.set(ws.clusters().isEmpty() ? null : ws.clusters().get(0).clusterId());
    }
  }

  /** Records an edit: the previous workspace goes on the undo stack, then the sink persists it. */
  public void commit(Workspace next, String what) {
    undo.push(workspace.get());
    while (undo.size() > UNDO_DEPTH) {
      undo.removeLast();
    }
    canUndo.set(true);
    lastChange.set(what);
    workspace.set(next);
    onCommit.save(next, what);
  }

  /** Changes the shown cluster in one step. */
  public void commitCluster(UnaryOperator<Cluster> change, String what) {
    Workspace ws = workspace.get();
    commit(ws.updateCluster(clusterId.get(), change), what);
  }

  /**
   * Edit > Undo: the console's last edit ({@link #undo()}) or, with none of its own left, the latest
   * change of the sink's history whoever made it (shown when the sink is done). False when neither.
   */
  public boolean undoLatest() {
    if (undo()) {
      return true;
    }
    if (!historyCanUndo) {
      return false;
    }
    setHistoryCanUndo(onCommit, false); // until the sink says what is left
    lastChange.set("undo");
    onCommit.undoLatest(workspace.get());
    return true;
  }

  /** Takes back the console's last edit; false when it has none left. */
  public boolean undo() {
    if (undo.isEmpty()) {
      return false;
    }
    Workspace previous = undo.pop();
    canUndo.set(!undo.isEmpty() || historyCanUndo);
    lastChange.set("undo");
    workspace.set(previous);
    onCommit.undo(previous);
    return true;
  }

  public Optional<Cluster> cluster() {
    String id = clusterId.get();
    return id == null ? Optional.empty() : workspace.get().cluster(id);
  }

  public ObjectProperty<Workspace> workspaceProperty() {
    return workspace;
  }

  public Workspace workspace() {
    return workspace.get();
  }

  public StringProperty clusterIdProperty() {
    return clusterId;
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo;
  }

  public StringProperty lastChangeProperty() {
    return lastChange;
  }

  /** Where each committed workspace goes (the store, or the opened file). */
  @FunctionalInterface
  public interface CommitSink {
    void save(Workspace workspace, String summary);

    /** The last commit undone: {@code previous} is the workspace before it, as the console shows it now. */
    default void undo(Workspace previous) {
      save(previous, "undo");
    }

    /**
     * No edit of the console's own is left to undo: take back the latest change of the sink's
     * history, whoever made it, then tell {@link #showUndone}. {@code shown} is the workspace shown
     * when asked. Called only after the sink said it can ({@link #setHistoryCanUndo}).
     */
    default void undoLatest(Workspace shown) {}
  }

  public void setOnCommit(CommitSink sink) {
    this.onCommit = sink == null ? (w, what) -> {} : sink;
    historyCanUndo = false; // until the new sink says otherwise
    canUndo.set(!undo.isEmpty());
  }

  /** The sink {@code from} says whether its history has a change to undo (ignored from a sink no longer used). */
  public void setHistoryCanUndo(CommitSink from, boolean can) {
    if (from != onCommit) {
      return;
    }
    historyCanUndo = can;
    canUndo.set(!undo.isEmpty() || can);
  }

  /**
   * The sink's history took back a change: {@code after} is its workspace now; {@code more} whether
   * it can undo further. Shown unless the console was edited while the undo ran (that edit is then
   * saved after the undo, so the store still ends as the console shows it).
   */
  public void showUndone(CommitSink from, Workspace shownWhenAsked, Workspace after, boolean more) {
    if (from != onCommit) {
      return;
    }
    if (workspace.get() == shownWhenAsked) {
      load(after);
    }
    setHistoryCanUndo(from, more);
  }

  /** The validation engine (rules.Validator), run by the console after each change. */
  public void setValidator(Function<Workspace, List<Diagnostic>> validator) {
    this.validator = validator;
  }

  public Optional<Function<Workspace, List<Diagnostic>>> validator() {
    return Optional.ofNullable(validator);
  }

  /** The latest findings, shown by the problems panel. */
  public ObservableList<Diagnostic> problems() {
    return problems;
  }

  /** The validator's findings for a workspace (they are current while it is the one edited). */
  public void setProblems(Workspace of, List<Diagnostic> found) {
    problems.setAll(found);
    problemsOf.set(of);
  }

  /** The workspace the findings were made for (null before the first validation). */
  public ObjectProperty<Workspace> problemsOfProperty() {
    return problemsOf;
  }

  /** True when the findings belong to the workspace as it is now. */
  public boolean problemsCurrent() {
    return problemsOf.get() != null && problemsOf.get() == workspace.get();
  }
}
