package dev.emcc.ui.sync;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.sync.FieldDiff;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.Plan;
import dev.emcc.sync.PlanItem;
import dev.emcc.sync.PullResult;
import dev.emcc.sync.PushCheck;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.Bars;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Cluster Nodes / Sync: the shown cluster's registered nodes with their health, adding a node
 * (trust on first use: its certificate's fingerprint is shown and pinned only when confirmed),
 * the plan as a field-by-field diff, push and pull with progress per node, and conflicts resolved
 * by keeping one side per object. Network work runs in javafx Tasks off the FX thread; whatever
 * changes the workspace goes through {@code ConsoleModel.commit} (saved, undoable).
 */
public final class SyncView implements View {
  /** One registered node in the table, with what the last look at it found (the model's, worded). */
  public final class NodeRow {
    final NodeRef ref;
    final StringProperty reachable = new SimpleStringProperty("");
    final StringProperty revision = new SimpleStringProperty("");
    final StringProperty lastSync = new SimpleStringProperty("");
    final StringProperty state = new SimpleStringProperty("");
    private SyncModel.NodeStatus shown;

    NodeRow(NodeRef ref) {
      this.ref = ref;
    }

    /** Shows what the model found (on the JavaFX thread); again in another language. */
    void show(SyncModel.NodeStatus n) {
      shown = n;
      reachable.set(n.reachable() == null ? "" : i18n.text(n.reachable() ? "sync.yes" : "sync.no"));
      revision.set(n.revision() == null ? "" : String.valueOf(n.revision()));
      lastSync.set(text(n.lastSync()));
      state.set(text(n.state()));
    }

    public NodeRef ref() {
      return ref;
    }

    public String state() {
      return state.get();
    }

    public String revision() {
      return revision.get();
    }

    public String reachable() {
      return reachable.get();
    }
  }

  /** A line of the plan tree: a node's plan, one of its objects, or one field of it (else null). */
  public record Line(String text, Plan plan, PlanItem item, FieldDiff field) {
    Line(String text, Plan plan, PlanItem item) {
      this(text, plan, item, null);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final SyncModel model;
  private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
  private final TableView<NodeRow> table = new TableView<>(rows);
  private final PlanTreeView<Line> planTree;
  private final Label message = new Label();
  private final TextField url = new TextField();
  private final TextField token = new TextField();
  private final TextField tokenFile = new TextField();
  private final Label fingerprint = new Label();
  private final Button trust = new Button();
  private final BorderPane root = new BorderPane();
  private final AxlPane axl;
  private int planGeneration;

  public SyncView(UiContext ctx, Shell shell) {
    this(ctx, shell, SyncPaths.current(), RetryPolicy.DEFAULT);
  }

  public SyncView(UiContext ctx, Shell shell, SyncPaths paths, RetryPolicy retry) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    this.model = new SyncModel(paths, retry);
    this.planTree = new PlanTreeView<>(i18n, new PlanTreeView.Texts("sync-plan-tree", "sync.planTitle",
        "sync.conflictHint", "sync.keepLocal", "keep-local", "sync.keepNode", "keep-node"),
        line -> line.item() != null && line.item().action() == PlanItem.Action.CONFLICT,
        (line, keepLocal) -> resolve(keepLocal));
    this.axl = new AxlPane(ctx, shell, AxlPane.Paths.current());
    build();
    ctx.model().clusterIdProperty().addListener((o, a, id) -> {
      reloadNodes(); // another cluster: its nodes, and no plans
      render();
    });
    i18n.localeProperty().addListener((o, a, l) -> {
      rows.forEach(r -> r.show(r.shown));
      render();
    });
    reloadNodes();
  }

  private void build() {
    TableColumn<NodeRow, String> urlCol = column("sync.col.url", r -> new SimpleStringProperty(r.ref.url()), 220);
    TableColumn<NodeRow, String> clusterCol = column("sync.col.cluster",
        r -> new SimpleStringProperty(r.ref.clusterId() == null ? "" : r.ref.clusterId()), 90);
    TableColumn<NodeRow, String> reachCol = column("sync.col.reachable", r -> r.reachable, 90);
    TableColumn<NodeRow, String> revCol = column("sync.col.revision", r -> r.revision, 95);
    TableColumn<NodeRow, String> lastCol = column("sync.col.lastSync", r -> r.lastSync, 110);
    TableColumn<NodeRow, String> stateCol = column("sync.col.state", r -> r.state, 320);
    table.getColumns().setAll(List.of(urlCol, clusterCol, reachCol, revCol, lastCol, stateCol));
    table.setId("sync-nodes");
    dev.emcc.ui.kit.Columns.fitToContent(table); // the state wraps in what the others leave
    dev.emcc.ui.kit.Columns.wrapping(stateCol);
    table.setPlaceholder(placeholder("sync.noNodes"));

    Button refresh = button("sync.refresh", "sync-refresh", this::refresh);
    Button plan = button("sync.plan", "sync-plan", this::plan);
    Button push = button("sync.push", "sync-push", this::push);
    push.getStyleClass().add(Styles.ACCENT);
    Button pull = button("sync.pull", "sync-pull", this::pull);
    Button remove = button("sync.remove", "sync-remove", this::removeSelected);
    remove.getStyleClass().add(Styles.DANGER);
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    for (Button b : List.of(refresh, plan, push, pull)) {
      b.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(rows));
    }
    message.setId("sync-message");
    message.setWrapText(true);
    HBox bar = Bars.toolbar(refresh, plan, push, pull, remove);

    VBox planBox = planTree.node();
    planBox.setPadding(new Insets(6, 16, 8, 16));
    VBox tableBox = new VBox(6, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    tableBox.setPadding(new Insets(0, 16, 6, 16));
    SplitPane split = new SplitPane(tableBox, planBox);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.4);

    TitledPane addNode = addNodePane();
    TitledPane cucm = axl.node();
    // one of the two open at a time: opened together they leave the nodes and their plan no room
    cucm.expandedProperty().addListener((o, was, open) -> addNode.setExpanded(!open));
    addNode.expandedProperty().addListener((o, was, open) -> cucm.setExpanded(cucm.isExpanded() && !open));
    VBox top = new VBox(WindowHeader.of(i18n, "sync"), addNode, cucm, bar);
    root.setTop(top);
    root.setCenter(split);
    root.setId("window-sync");
  }

  private TitledPane addNodePane() {
    url.setId("node-url");
    url.setPromptText("https://host:8443");
    token.setId("node-token");
    token.promptTextProperty().bind(i18n.bind("sync.tokenPrompt"));
    tokenFile.setId("node-token-file");
    tokenFile.promptTextProperty().bind(i18n.bind("sync.tokenFilePrompt"));
    Button connect = button("sync.connect", "node-connect", this::connect);
    connect.disableProperty().bind(url.textProperty().isEmpty());
    fingerprint.setId("node-fingerprint");
    fingerprint.setWrapText(true);
    trust.textProperty().bind(i18n.bind("sync.trust"));
    trust.setId("node-trust");
    trust.setDisable(true);
    trust.getStyleClass().add(Styles.ACCENT);
    trust.setOnAction(e -> addTrusted());
    url.textProperty().addListener((o, a, b) -> forgetOffer());
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, label("sync.url"), url, connect);
    grid.addRow(1, label("sync.token"), token);
    grid.addRow(2, label("sync.tokenFile"), tokenFile);
    GridPane.setHgrow(url, Priority.ALWAYS);
    VBox box = new VBox(6, grid, fingerprint, trust);
    TitledPane pane = new TitledPane();
    pane.textProperty().bind(i18n.bind("sync.addNode"));
    pane.setContent(box);
    pane.setId("add-node");
    pane.setExpanded(true);
    VBox.setMargin(pane, new Insets(0, 16, 6, 16));
    return pane;
  }

  private Label label(String key) {
    return Controls.label(i18n, key);
  }

  private Label placeholder(String key) {
    Label l = label(key);
    l.getStyleClass().add(Styles.TEXT_MUTED);
    return l;
  }

  private TableColumn<NodeRow, String> column(String key,
      javafx.util.Callback<NodeRow, javafx.beans.value.ObservableValue<String>> value, double width) {
    TableColumn<NodeRow, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(cell -> value.call(cell.getValue()));
    c.setPrefWidth(width);
    return c;
  }

  private Button button(String key, String id, Runnable action) {
    return Controls.button(i18n, key, id, action);
  }

  private String clusterId() {
    return ctx.model().clusterIdProperty().get();
  }

  private void say(String key, Object... args) {
    i18n.show(message, key, args);
    ctx.status(key, args);
  }

  private String text(SyncModel.Say say) {
    if (say == null) {
      return "";
    }
    return say.isVerbatim() ? String.valueOf(say.args().get(0)) : i18n.text(say.key(), say.argArray());
  }

  /** Shows the cluster of the console (again): its nodes as the nodes file and the sync base have them. */
  private void reloadNodes() {
    rows.clear();
    try {
      for (SyncModel.NodeStatus n : model.show(clusterId())) {
        NodeRow row = new NodeRow(n.ref());
        row.show(n);
        rows.add(row);
      }
    } catch (java.io.IOException | RuntimeException e) {
      say("sync.nodesFileUnreadable", model.paths().nodesFile(), String.valueOf(e.getMessage()));
    }
  }

  /** What the model found of a node, shown in its row (on the JavaFX thread). */
  private final SyncModel.Listener onNode = n -> Platform.runLater(() -> rows.stream()
      .filter(r -> r.ref.url().equals(n.ref().url())).forEach(r -> r.show(n)));

  // ---- adding a node: trust on first use ----

  private void forgetOffer() {
    model.forgetOffer();
    trust.setDisable(true);
    I18n.clear(fingerprint);
  }

  /** First contact: reads the fingerprint the node presents and offers it for confirmation. */
  private void connect() {
    String typed = url.getText().trim();
    forgetOffer();
    String normalized;
    try {
      normalized = SyncModel.normalizeUrl(typed);
    } catch (IllegalArgumentException e) {
      say("sync.badUrl", typed);
      return;
    }
    background(() -> model.contact(normalized), offer -> {
      if (offer.changed()) {
        say("sync.fingerprintChanged", offer.url(), offer.fingerprint(), offer.pinnedBefore());
        i18n.show(fingerprint, "sync.fingerprintChanged", offer.url(), offer.fingerprint(), offer.pinnedBefore());
        fingerprint.getStyleClass().add(Styles.DANGER);
        return;
      }
      fingerprint.getStyleClass().remove(Styles.DANGER);
      i18n.show(fingerprint, "sync.confirmFingerprint", offer.url(), offer.fingerprint());
      trust.setDisable(false);
      say("sync.fingerprintShown", offer.url());
    }, e -> say("sync.unreachable", normalized, e.getMessage()));
  }

  /** The user confirmed the fingerprint: pin it, check the token, record the node. */
  private void addTrusted() {
    SyncModel.Offer offer = model.offer();
    if (offer == null) {
      return;
    }
    String pasted = token.getText();
    String file = tokenFile.getText();
    if (!SyncModel.tokenGiven(pasted, file)) {
      say("sync.tokenMissing");
      return;
    }
    background(() -> model.trust(pasted, file), ref -> {
      forgetOffer();
      token.clear();
      tokenFile.clear();
      url.clear();
      reloadNodes();
      say(ref.clusterId() != null && !ref.clusterId().equals(clusterId()) ? "sync.addedOtherCluster" : "sync.added",
          ref.url(), ref.clusterId());
    }, e -> say("sync.addFailed", offer.url(), e.getMessage()));
  }

  private void removeSelected() {
    NodeRow row = table.getSelectionModel().getSelectedItem();
    if (row == null || !ctx.confirm("sync.confirmRemove", row.ref.url())) {
      return;
    }
    try {
      model.remove(row.ref.url());
      reloadNodes();
      say("sync.removed", row.ref.url());
    } catch (java.io.IOException e) {
      say("sync.nodesFileUnreadable", model.paths().nodesFile(), e.getMessage());
    }
  }

  // ---- health, plan, push, pull ----

  /** Asks every node of the cluster for its health (reachable, revision). */
  public void refresh() {
    int count = rows.size();
    background(() -> {
      model.refresh(onNode);
      return count;
    }, n -> say("sync.refreshed", n), e -> say("sync.failed", e.getMessage()));
  }

  /** The console's workspace as the sync's local side: a snapshot taken now, on the JavaFX thread. */
  private ModelWorkspace local() {
    return new ModelWorkspace(ctx.model(), model.paths().baseFile());
  }

  /** Plans against every node of the cluster; nothing is applied. */
  public void plan() {
    plan(true);
  }

  /** {@code sayInRows} false after a push or pull: the rows keep saying what it did. */
  private void plan(boolean sayInRows) {
    ModelWorkspace local = local();
    int count = rows.size();
    background(() -> model.plan(local, sayInRows, onNode), round -> {
      render();
      planGeneration++;
      say("sync.planned", count);
    }, e -> say("sync.failed", e.getMessage()));
  }

  /**
   * Pushes the shown cluster to its nodes; when it has validation errors, first says so, lists
   * them and asks (the console's validator, run in the background on the workspace as it is now).
   */
  public void push() {
    String id = clusterId();
    var validator = ctx.model().validator();
    if (validator.isEmpty()) {
      pushNow();
      return;
    }
    Workspace ws = ctx.model().workspace();
    background(() -> PushCheck.errors(ws, id, validator.get()), errors -> {
      if (errors.isEmpty()) {
        pushNow();
        return;
      }
      switch (InvalidPushQuestion.ask(ctx, id, errors)) {
        case PUSH -> pushNow();
        case SHOW_PROBLEMS -> {
          say("sync.invalid.notPushed", id, errors.size());
          shell.open("problems");
        }
        case CANCEL -> say("sync.invalid.notPushed", id, errors.size());
      }
    }, e -> say("sync.pushFailed", String.valueOf(e.getMessage())));
  }

  /** Pushes to each node in turn, showing each node's progress; then plans again. */
  private void pushNow() {
    ModelWorkspace local = local();
    int count = rows.size();
    background(() -> model.push(local, onNode), ok -> {
      say("sync.pushDone", ok, count);
      plan(false);
    }, e -> say("sync.pushFailed", String.valueOf(e.getMessage())));
  }

  /** Takes the first node's changes into the workspace (one commit, undoable); then plans again. */
  public void pull() {
    if (rows.isEmpty()) {
      return;
    }
    ModelWorkspace local = local();
    background(() -> model.pull(local, onNode), (PullResult res) -> {
      say("sync.pulled", res.pulled(), res.conflicts().size());
      plan(false);
    }, e -> say("sync.failed", e.getMessage()));
  }

  // ---- conflicts ----

  private PlanItem selectedConflict() {
    Line sel = planTree.selected();
    if (sel == null || sel.item() == null) {
      return null;
    }
    return sel.item().action() == PlanItem.Action.CONFLICT ? sel.item() : null;
  }

  /**
   * Resolves the selected conflict. Keep the node's: the node's object replaces ours (a commit,
   * undoable); on a field line, only that field takes the node's value and the conflict stays
   * for the other fields. Keep ours: the node's current object becomes the last-synced state, so
   * the plan turns the conflict into a push of ours, which is pushed at once.
   */
  private void resolve(boolean keepLocal) {
    Line sel = planTree.selected();
    PlanItem item = selectedConflict();
    if (item == null) {
      return;
    }
    Plan plan = sel.plan();
    FieldDiff field = sel.field();
    if (!keepLocal) {
      Workspace ws = ctx.model().workspace();
      try {
        Cluster next = SyncModel.keepNode(ws.cluster(plan.clusterId()).orElse(null), plan, item, field);
        String what = field == null ? item.key().toString() : item.key() + " " + field.field();
        ctx.model().commit(ws.withCluster(next), i18n.text("sync.keptNode", what));
        say("sync.keptNode", what);
      } catch (RuntimeException e) {
        say("sync.failed", e.getMessage());
        return;
      }
      plan();
      return;
    }
    try {
      model.keepLocal(plan, item);
    } catch (java.io.IOException e) {
      say("sync.failed", e.getMessage());
      return;
    }
    say("sync.keptLocal", item.key());
    push();
  }

  // ---- the plan as a tree ----

  private void render() {
    TreeItem<Line> top = new TreeItem<>(new Line("", null, null));
    SyncModel.Plans round = model.plans();
    for (String e : round.errors()) {
      top.getChildren().add(new TreeItem<>(new Line(i18n.text("sync.failed", e), null, null)));
    }
    for (Plan p : round.plans()) {
      TreeItem<Line> node = new TreeItem<>(new Line(p.node() + " — " + text(SyncModel.summary(p)), p, null));
      if (p.items().isEmpty()) {
        node.getChildren().add(new TreeItem<>(new Line(i18n.text("sync.inSync"), p, null)));
      }
      for (PlanItem i : p.items()) {
        TreeItem<Line> obj = new TreeItem<>(new Line(itemText(i), p, i));
        if (i.fields().isEmpty() || i.local() == null || i.node() == null) {
          obj.getChildren().add(new TreeItem<>(new Line(i18n.text("sync.whole", text(i.local()), text(i.node())), p, i)));
        }
        for (FieldDiff f : i.fields()) {
          obj.getChildren().add(new TreeItem<>(new Line(i18n.text("sync.field", f.field(), text(f.local()),
              text(f.node())), p, i, i.action() == PlanItem.Action.CONFLICT && i.local() != null ? f : null)));
        }
        node.getChildren().add(obj);
      }
      top.getChildren().add(node);
    }
    planTree.show(top);
  }

  private String itemText(PlanItem i) {
    String action = i18n.text("sync.action." + i.action().name().toLowerCase(Locale.ROOT));
    String change = i.action() == PlanItem.Action.CONFLICT ? ""
        : i18n.text("sync.change." + i.change().name().toLowerCase(Locale.ROOT));
    return PlanTreeView.objectLine(action, change, i.key().collection(), i.key().name());
  }

  private String text(JsonNode n) {
    return planTree.value(n);
  }

  // ---- plumbing ----

  private int running;

  /** Runs a task with the status bar's progress, counting it until its handlers (and what they start) ran. */
  private void run(Task<?> task) {
    running++;
    javafx.event.EventHandler<javafx.concurrent.WorkerStateEvent> done = e -> Platform.runLater(() -> running--);
    task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, done);
    task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, done);
    task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, done);
    shell.run(task);
  }

  /** True while a health check, plan, push, pull or node contact is under way. */
  public boolean busy() {
    return running > 0;
  }

  private <T> void background(Callable<T> work, java.util.function.Consumer<T> done,
      java.util.function.Consumer<Exception> failed) {
    Task<T> task = new Task<>() {
      @Override protected T call() throws Exception {
        updateProgress(-1, 1);
        return work.call();
      }
    };
    task.setOnSucceeded(e -> done.accept(task.getValue()));
    task.setOnFailed(e -> failed.accept(task.getException() instanceof Exception ex ? ex
        : new RuntimeException(task.getException())));
    run(task);
  }

  /** Connect to CUCM (AXL), shown above the nodes' toolbar. */
  public AxlPane axl() {
    return axl;
  }

  /** The rows shown (for tests and the remote-cluster update). */
  public List<NodeRow> rows() {
    return List.copyOf(rows);
  }

  /** Grows by one each time a plan finished (all nodes asked) and is shown. */
  public int planGeneration() {
    return planGeneration;
  }

  public List<Plan> plans() {
    return model.plans().plans();
  }

  @Override
  public Node node() {
    return root;
  }
}
