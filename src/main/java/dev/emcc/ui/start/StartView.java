package dev.emcc.ui.start;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Cluster;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.checklist.ChecklistView;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import dev.emcc.ui.sync.SyncPaths;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The console's first screen: the actions people take first, and each cluster of the workspace
 * with its version, nodes and counts, setup checklist progress, problem counts and the last sync
 * of each registered node, with links to the windows that go on from there. Every action is a
 * button or a link, so Tab reaches them all; the texts follow the language switch.
 */
public final class StartView implements View {
  /**
   * An action of the "Get started" row. Only actions the console has are listed: importing from a
   * cluster over AXL and from a BAT file join this list when they exist.
   */
  record FirstAction(String id, String textKey, Runnable run) {}

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final SyncPaths paths;
  private final List<FirstAction> actions;
  private final FlowPane actionRow = new FlowPane(10, 10);
  private final FlowPane cards = new FlowPane(16, 16);
  private final Label intro = new Label();
  private final Label keys = new Label();
  private final BorderPane root = new BorderPane();
  /** The registered nodes and their last syncs, read in the background. */
  private NodeSyncs syncs = NodeSyncs.NONE;
  private int reads;

  public StartView(UiContext ctx, Shell shell) {
    this(ctx, shell, SyncPaths.current());
  }

  public StartView(UiContext ctx, Shell shell, SyncPaths paths) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    this.paths = paths;
    this.actions = List.of(
        new FirstAction("start-checklist", "start.action.checklist", () -> shell.open("checklist")),
        new FirstAction("start-open-file", "start.action.openFile", shell::openFile),
        new FirstAction("start-pull", "start.action.pull", () -> shell.open("sync")),
        new FirstAction("start-simulator", "start.action.simulator", () -> shell.open("simulator")));
    intro.textProperty().bind(i18n.bind("start.intro"));
    intro.setWrapText(true);
    keys.textProperty().bind(i18n.bind("shell.welcome"));
    keys.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    keys.setWrapText(true);
    actionRow.setId("start-actions");
    cards.setId("start-clusters");
    Label actionsTitle = title("start.actions");
    Label clustersTitle = title("start.clusters");
    VBox page = new VBox(12, intro, actionsTitle, actionRow, clustersTitle, cards, keys);
    VBox.setMargin(clustersTitle, new Insets(10, 0, 0, 0));
    VBox.setMargin(keys, new Insets(10, 0, 0, 0));
    page.setPadding(new Insets(0, 16, 16, 16));
    page.setMaxWidth(1100);
    ScrollPane scroll = new ScrollPane(page);
    scroll.setFitToWidth(true);
    root.setTop(header());
    root.setCenter(scroll);
    root.setId("window-start");
    buildActions();
    refresh();
    ctx.model().workspaceProperty().addListener((o, a, b) -> refresh());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> refresh());
    ctx.model().problems().addListener((ListChangeListener<Diagnostic>) c -> refresh());
    ctx.model().problemsOfProperty().addListener((o, a, b) -> refresh());
    i18n.localeProperty().addListener((o, a, b) -> {
      buildActions();
      refresh();
    });
    // a sync made since (in the Sync window or by emcc sync) shows when the page is shown again
    root.sceneProperty().addListener((o, a, scene) -> {
      if (scene != null) {
        readSyncs();
      }
    });
  }

  /** As a window's header (its title under the path), though the start page is no CUCM window. */
  private Node header() {
    Label path = new Label();
    path.textProperty().bind(i18n.bind("app.title"));
    path.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Label title = new Label();
    title.textProperty().bind(i18n.bind("start.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    title.setId("window-title");
    VBox box = new VBox(2, path, title);
    box.setPadding(new Insets(10, 16, 6, 16));
    return box;
  }

  private Label title(String key) {
    Label l = new Label();
    l.textProperty().bind(i18n.bind(key));
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }

  private void buildActions() {
    actionRow.getChildren().clear();
    for (FirstAction a : actions) {
      Button b = new Button(i18n.text(a.textKey()));
      b.setId(a.id());
      b.setOnAction(e -> a.run().run());
      actionRow.getChildren().add(b);
    }
    ((Button) actionRow.getChildren().get(0)).getStyleClass().add(Styles.ACCENT);
  }

  /** Reads the registered nodes and their last syncs off the JavaFX thread, then shows them. */
  private void readSyncs() {
    int read = ++reads;
    Task<NodeSyncs> task = new Task<>() {
      @Override protected NodeSyncs call() {
        return NodeSyncs.read(paths);
      }
    };
    task.setOnSucceeded(e -> {
      if (read == reads) {
        syncs = task.getValue();
        refresh();
      }
    });
    Thread t = new Thread(task, "emcc-start-syncs");
    t.setDaemon(true);
    t.start();
  }

  /** Rebuilds the cluster cards from the workspace, the findings and the nodes read last. */
  private void refresh() {
    cards.getChildren().clear();
    List<Cluster> clusters = ctx.model().workspace().clusters();
    if (clusters.isEmpty()) {
      Label none = new Label(i18n.text("start.noClusters"));
      none.setWrapText(true);
      none.getStyleClass().add(Styles.TEXT_MUTED);
      cards.getChildren().add(none);
      return;
    }
    boolean checked = ctx.model().problemsCurrent();
    List<Diagnostic> problems = List.copyOf(ctx.model().problems());
    for (Cluster c : clusters) {
      cards.getChildren().add(card(c, checked, problems));
    }
  }

  private Node card(Cluster c, boolean checked, List<Diagnostic> problems) {
    String id = c.clusterId();
    boolean shown = id.equals(ctx.model().clusterIdProperty().get());
    Label name = new Label(id);
    name.getStyleClass().add(Styles.TITLE_3);
    Label version = new Label(i18n.text("start.version", String.valueOf(c.version())));
    version.getStyleClass().add(Styles.TEXT_MUTED);
    HBox head = new HBox(10, name, version);
    head.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
    if (shown) {
      Label mark = new Label(i18n.text("start.shown"));
      mark.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.ACCENT);
      head.getChildren().add(mark);
    }
    Label counts = new Label(i18n.text("start.counts", c.nodes().size(), c.phones().size(), c.deviceProfiles().size(),
        c.endUsers().size(), c.emccDevices().names().size()));
    counts.setWrapText(true);
    counts.setId("start-counts-" + id);

    int done = 0;
    int withProblems = 0;
    for (ChecklistView.Step step : ChecklistView.STEPS) {
      ChecklistView.State s = ChecklistView.state(step, c, checked ? problems : List.of());
      done += s == ChecklistView.State.DONE ? 1 : 0;
      withProblems += s == ChecklistView.State.PROBLEMS ? 1 : 0;
    }
    int steps = ChecklistView.STEPS.size();
    Label checklist = new Label(i18n.text("start.checklist", done, steps)
        + (withProblems > 0 ? i18n.text("start.checklistProblems", withProblems) : ""));
    checklist.setId("start-checklist-" + id);
    checklist.setWrapText(true);
    ProgressBar progress = new ProgressBar((double) done / steps);
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.getStyleClass().add(Styles.SMALL);

    Label problemText = new Label(problemsText(id, checked, problems));
    problemText.setId("start-problems-" + id);
    problemText.setWrapText(true);
    long errors = checked ? count(problems, id, Severity.ERROR) : 0;
    if (errors > 0) {
      problemText.getStyleClass().add(Styles.DANGER);
    }

    VBox nodes = new VBox(2);
    nodes.setId("start-nodes-" + id);
    for (String line : syncLines(id)) {
      Label l = new Label(line);
      l.setWrapText(true);
      l.getStyleClass().add(Styles.TEXT_SMALL);
      nodes.getChildren().add(l);
    }

    FlowPane links = new FlowPane(12, 4,
        link("start-open-checklist-" + id, "window.checklist", id, "checklist"),
        link("start-open-problems-" + id, "window.problems", id, "problems"),
        link("start-open-sync-" + id, "window.sync", id, "sync"),
        link("start-open-picture-" + id, "window.clusterPicture", id, "clusterPicture"));

    VBox card = new VBox(6, head, counts, checklist, progress, problemText, sub("start.nodes"), nodes, links);
    card.setPadding(new Insets(12, 14, 10, 14));
    card.setPrefWidth(460);
    card.setMinWidth(300);
    card.getStyleClass().add("start-card");
    card.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: "
        + (shown ? "-color-accent-emphasis" : "-color-border-default") + "; -fx-border-radius: 6; -fx-background-radius: 6;");
    card.setId("start-cluster-" + id);
    return card;
  }

  private Label sub(String key) {
    Label l = new Label(i18n.text(key));
    l.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
    return l;
  }

  /** A link that shows a window for this cluster (the cluster becomes the shown one). */
  private Hyperlink link(String id, String textKey, String clusterId, String window) {
    Hyperlink l = new Hyperlink(i18n.text(textKey));
    l.setId(id);
    l.setOnAction(e -> {
      if (!clusterId.equals(ctx.model().clusterIdProperty().get())) {
        ctx.model().clusterIdProperty().set(clusterId);
      }
      shell.open(window);
    });
    return l;
  }

  private String problemsText(String clusterId, boolean checked, List<Diagnostic> problems) {
    if (!checked) {
      return i18n.text(ctx.model().validator().isPresent() ? "start.problems.checking" : "start.problems.noValidator");
    }
    long errors = count(problems, clusterId, Severity.ERROR);
    long warnings = count(problems, clusterId, Severity.WARNING);
    return errors + warnings == 0 ? i18n.text("start.problems.none") : i18n.text("start.problems", errors, warnings);
  }

  private static long count(List<Diagnostic> problems, String clusterId, Severity severity) {
    return problems.stream().filter(d -> d.severity() == severity && clusterId.equals(d.cluster())).count();
  }

  private List<String> syncLines(String clusterId) {
    if (syncs.error() != null) {
      return List.of(i18n.text("start.nodes.unreadable", syncs.error()));
    }
    List<NodeSyncs.Node> nodes = syncs.byCluster().getOrDefault(clusterId, List.of());
    if (nodes.isEmpty()) {
      return List.of(i18n.text("start.nodes.none"));
    }
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
    return nodes.stream().map(n -> n.lastSync() == null ? i18n.text("start.nodes.never", n.url())
        : i18n.text("start.nodes.synced", n.url(), when.format(n.lastSync()), n.seenRevision())).toList();
  }

  /** Reads the registered nodes on this thread and shows them (a screenshot cannot wait for the background). */
  public void readNodesNow() {
    reads++;
    syncs = NodeSyncs.read(paths);
    refresh();
  }

  /** The nodes read last, per cluster (for tests). */
  Map<String, List<NodeSyncs.Node>> nodes() {
    return syncs.byCluster();
  }

  @Override
  public Node node() {
    return root;
  }
}
