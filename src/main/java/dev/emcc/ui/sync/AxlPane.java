package dev.emcc.ui.sync;

import atlantafx.base.theme.Styles;
import dev.emcc.axl.AxlClient;
import dev.emcc.axl.AxlException;
import dev.emcc.axl.AxlPins;
import dev.emcc.axl.AxlPlan;
import dev.emcc.axl.AxlProgress;
import dev.emcc.axl.AxlPush;
import dev.emcc.axl.AxlRead;
import dev.emcc.axl.AxlReader;
import dev.emcc.axl.AxlReport;
import dev.emcc.axl.AxlVersion;
import dev.emcc.axl.PulledStates;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Connect to CUCM (AXL), in the Sync view beside the nodes: the publisher's host and an
 * application user with AXL access; the certificate shown and pinned on first use as for nodes;
 * Import reads the shown cluster over AXL into the workspace (one commit, undoable) and says what it
 * could not read; Plan shows what a push would change in the Sync view's plan tree, where a conflict
 * is settled one step or one field at a time (keep the console's, or take the cluster's); Push
 * writes the plan just shown. Each runs off the FX thread with its progress and can be cancelled.
 */
public final class AxlPane {
  /** Where the AXL pins and pulled states live: the CLI's defaults, moved by {@code emcc.axlHome} (tests). */
  public record Paths(Path pins, Path states) {
    public static Paths current() {
      String home = System.getProperty("emcc.axlHome");
      return home == null ? new Paths(AxlPins.defaultFile(), PulledStates.defaultDir())
          : new Paths(Path.of(home, "axl_hosts"), Path.of(home, "axl"));
    }
  }

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final Paths paths;
  /** A line of the tree: a heading (the plan, a report, what was not read), a step, or one field of a step. */
  public record Line(String text, AxlPlan.Step step, AxlPlan.FieldChange field) {
    /** True for a conflicting step or field: a side can be kept for it. */
    boolean conflict() {
      return step != null && (field == null ? step.conflict() : field.conflict());
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final TextField host = new TextField();
  private final TextField port = new TextField("8443");
  private final TextField user = new TextField();
  private final PasswordField password = new PasswordField();
  private final ComboBox<String> version = new ComboBox<>(FXCollections.observableArrayList(AxlVersion.SUPPORTED));
  private final Label certificate = new Label();
  private final Button trust = new Button();
  private final Button importButton;
  private final Button planButton;
  private final Button pushButton;
  private final Button cancel;
  private final ProgressBar progress = new ProgressBar(0);
  private final Label message = new Label();
  private final PlanTreeView<Line> planTree;
  private final TitledPane pane = new TitledPane();
  private String offered;
  private AxlPlan shownPlan;
  private PlanAndRemote planned;
  private Task<?> running;
  private volatile boolean busy;
  private volatile List<String> shown = List.of();

  public AxlPane(UiContext ctx, Shell shell, Paths paths) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    this.paths = paths;
    importButton = Controls.button(i18n, "axl.import", "axl-import", this::importCluster);
    planButton = Controls.button(i18n, "axl.plan", "axl-plan", this::plan);
    pushButton = Controls.button(i18n, "axl.push", "axl-push", this::push);
    pushButton.getStyleClass().add(Styles.ACCENT);
    pushButton.setDisable(true); // a push writes the plan shown: plan first
    cancel = Controls.button(i18n, "axl.cancel", "axl-cancel", () -> {
      if (running != null) {
        running.cancel(false);
      }
    });
    cancel.setDisable(true);
    planTree = new PlanTreeView<>(i18n, new PlanTreeView.Texts("axl-plan-tree", "axl.planTitle", "axl.conflictHint",
        "sync.keepLocal", "axl-keep-mine", "axl.keepCluster", "axl-keep-cluster"), Line::conflict, this::settle);
    build();
    ctx.model().clusterIdProperty().addListener((o, a, b) -> forgetPlan());
  }

  public TitledPane node() {
    return pane;
  }

  /** Opens the pane (it starts folded under the nodes' form). */
  public void expand() {
    pane.setExpanded(true);
  }

  private void build() {
    host.setId("axl-host");
    host.setPromptText("cucm-pub.example.com");
    port.setId("axl-port");
    port.setPrefColumnCount(6);
    user.setId("axl-user");
    password.setId("axl-password");
    version.setId("axl-version");
    version.getSelectionModel().select(AxlVersion.DEFAULT.number());
    certificate.setId("axl-certificate");
    certificate.setWrapText(true);
    trust.setId("axl-trust");
    trust.textProperty().bind(i18n.bind("axl.trust"));
    trust.setDisable(true);
    trust.setOnAction(e -> pinOffered());
    // the certificate and its button only while a first contact waits for trust, the bar only while
    // work runs: the plan tree below keeps the room
    certificate.visibleProperty().bind(certificate.textProperty().isNotEmpty());
    certificate.managedProperty().bind(certificate.visibleProperty());
    trust.visibleProperty().bind(trust.disableProperty().not());
    trust.managedProperty().bind(trust.visibleProperty());
    progress.setId("axl-progress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setVisible(false);
    progress.managedProperty().bind(progress.visibleProperty());
    message.setId("axl-message");
    message.setWrapText(true);
    planTree.tree().setPrefHeight(220);
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, Controls.label(i18n, "axl.host"), host, Controls.label(i18n, "axl.port"), port);
    grid.addRow(1, Controls.label(i18n, "axl.user"), user, Controls.label(i18n, "axl.password"), password);
    grid.addRow(2, Controls.label(i18n, "axl.version"), version);
    GridPane.setHgrow(host, Priority.ALWAYS);
    GridPane.setHgrow(user, Priority.ALWAYS);
    HBox buttons = new HBox(8, importButton, planButton, pushButton, cancel);
    Label hint = Controls.label(i18n, "axl.hint");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.setWrapText(true);
    VBox box = new VBox(6, grid, hint, certificate, trust, buttons, progress, message, planTree.node());
    box.setPadding(new Insets(4));
    pane.textProperty().bind(i18n.bind("axl.title"));
    pane.setContent(box);
    pane.setId("axl-pane");
    pane.setExpanded(false);
    VBox.setMargin(pane, new Insets(0, 16, 6, 16));
  }

  private void forgetPlan() {
    shownPlan = null;
    planned = null;
    showLines(List.of());
    pushButton.setDisable(true);
  }

  private void say(String key, Object... args) {
    i18n.show(message, key, args);
    ctx.status(key, args);
  }

  /** The client, or empty (and a message) when the form is not complete or the certificate not pinned. */
  private Optional<AxlClient> client() {
    if (host.getText().isBlank() || user.getText().isBlank()) {
      say("axl.incomplete");
      return Optional.empty();
    }
    int p;
    try {
      p = Integer.parseInt(port.getText().trim());
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      say("axl.badPort", port.getText());
      return Optional.empty();
    }
    String pin;
    try {
      pin = new AxlPins(paths.pins()).pinned(host.getText().trim(), p).orElse("");
    } catch (java.io.IOException e) {
      say("axl.failed", e.getMessage());
      return Optional.empty();
    }
    return Optional.of(new AxlClient(new AxlClient.Target(host.getText().trim(), p, user.getText().trim(),
        password.getText(), AxlVersion.of(version.getValue()), pin)));
  }

  private void pinOffered() {
    try {
      AxlClient.Target t = client().orElseThrow().target();
      new AxlPins(paths.pins()).pin(t.host(), t.port(), offered);
      trust.setDisable(true);
      certificate.setText("");
      say("axl.pinned", t.host() + ":" + t.port(), offered);
    } catch (java.io.IOException | RuntimeException e) {
      say("axl.failed", String.valueOf(e.getMessage()));
    }
  }

  /** Import from CUCM: the shown cluster read over AXL onto the workspace's, one commit. */
  private void importCluster() {
    String clusterId = ctx.model().clusterIdProperty().get();
    Optional<AxlClient> client = client();
    if (clusterId == null || client.isEmpty()) {
      return;
    }
    Cluster base = ctx.model().cluster().orElse(null);
    PulledStates states = new PulledStates(paths.states());
    work(p -> {
      AxlRead read = new AxlReader(client.get(), p).pull(clusterId, base);
      states.save(client.get().target().host(), client.get().target().port(), read.cluster());
      return read;
    }, read -> {
      Workspace ws = ctx.model().workspace();
      ctx.model().commit(ws.withCluster(read.cluster()), i18n.text("axl.imported", clusterId, server(client.get())));
      forgetPlan();
      showLines(AxlReport.unread(read));
      say(read.unread().isEmpty() ? "axl.imported" : "axl.importedNotAll", clusterId, server(client.get()),
          read.unread().size());
    });
  }

  /** Plan: the cluster read again and compared, field by field, with the workspace's. */
  private void plan() {
    Optional<Cluster> local = ctx.model().cluster();
    Optional<AxlClient> client = client();
    if (local.isEmpty() || client.isEmpty()) {
      return;
    }
    PulledStates states = new PulledStates(paths.states());
    AxlClient.Target t = client.get().target();
    work(p -> {
      AxlRead read = new AxlReader(client.get(), p).pull(local.get().clusterId(), local.get());
      Cluster pulled = states.load(t.host(), t.port(), local.get().clusterId());
      return new PlanAndRemote(AxlPlan.of(local.get(), read, pulled), read, pulled, t);
    }, result -> {
      planned = result;
      show(result);
    });
  }

  /** A plan shown, the cluster as read for it, the pulled state it was made against, and where. */
  private record PlanAndRemote(AxlPlan plan, AxlRead read, Cluster pulled, AxlClient.Target target) {
    Cluster remote() {
      return read.cluster();
    }
  }

  /**
   * Settles the conflict of the selected line, a whole step or one field: take the cluster's (the
   * workspace takes its value, one commit, undoable) or keep the console's (the pulled state takes
   * the cluster's value, so the plan pushes the console's over it). The plan is made again at once,
   * without reading the cluster again; Push Plan writes it.
   */
  private void settle(Line line, boolean keepMine) {
    PlanAndRemote p = planned;
    Optional<Cluster> local = ctx.model().cluster();
    if (p == null || local.isEmpty() || !line.conflict()) {
      return;
    }
    String what = line.step().what() + " " + line.step().name() + (line.field() == null ? "" : " " + line.field().key());
    try {
      Cluster mine = local.get();
      Cluster pulled = p.pulled();
      if (keepMine) {
        pulled = AxlPlan.keepMine(p.pulled(), p.remote(), line.step(), line.field());
        new PulledStates(paths.states()).save(p.target().host(), p.target().port(), pulled);
      } else {
        mine = AxlPlan.takeCluster(mine, p.remote(), line.step(), line.field());
        ctx.model().commit(ctx.model().workspace().withCluster(mine), i18n.text("axl.tookCluster", what));
      }
      planned = new PlanAndRemote(AxlPlan.of(mine, p.read(), pulled), p.read(), pulled, p.target());
      show(planned);
      say(keepMine ? "axl.keptMine" : "axl.tookCluster", what);
    } catch (AxlException | java.io.IOException e) {
      say("axl.failed", e.getMessage());
    }
  }

  /**
   * Shows a plan made elsewhere, as Plan would (the screenshots show one without a cluster to ask):
   * {@code read} the cluster it was made against, {@code pulled} the pulled state, {@code target} where.
   */
  public void show(AxlPlan plan, AxlRead read, Cluster pulled, AxlClient.Target target) {
    host.setText(target.host());
    port.setText(Integer.toString(target.port()));
    user.setText(target.user());
    planned = new PlanAndRemote(plan, read, pulled, target);
    show(planned);
  }

  /** The plan as the tree: a heading, a line a step, a line a field (conflicts with the last pulled value). */
  private void show(PlanAndRemote p) {
    AxlPlan plan = p.plan();
    shownPlan = plan;
    String server = p.target().host() + ":" + p.target().port();
    TreeItem<Line> top = new TreeItem<>();
    TreeItem<Line> heading = new TreeItem<>(new Line(plan.isEmpty() ? i18n.text("axl.treeEmpty", server)
        : i18n.text("axl.treeHeading", server, p.target().version(), pushable(plan), plan.conflicts().size()),
        null, null));
    for (AxlPlan.Step s : plan.steps()) {
      String action = s.conflict() ? i18n.text("sync.action.conflict")
          : i18n.text("axl.step." + s.action().name().toLowerCase(java.util.Locale.ROOT));
      TreeItem<Line> step = new TreeItem<>(new Line(PlanTreeView.objectLine(action, "", s.what(), s.name()), s, null));
      for (AxlPlan.FieldChange f : s.fields()) {
        String text = f.conflict()
            ? i18n.text("axl.fieldConflict", f.key(), f.axl(), value(f.local()), value(f.remote()), value(f.pulled()))
            : i18n.text("axl.field", f.key(), f.axl(), value(f.local()), value(f.remote()));
        step.getChildren().add(new TreeItem<>(new Line(text, s, f)));
      }
      heading.getChildren().add(step);
    }
    if (!plan.withPulledState()) {
      heading.getChildren().add(new TreeItem<>(new Line(i18n.text("axl.noPulled"), null, null)));
    }
    top.getChildren().add(heading);
    lines(AxlReport.unread(p.read()), top);
    planTree.show(top);
    publish();
    boolean writable = plan.steps().stream().anyMatch(s -> !s.conflict());
    pushButton.setDisable(!writable);
    say(plan.isEmpty() ? "axl.planEmpty" : "axl.planShown", pushable(plan), plan.conflicts().size());
  }

  /** The steps a push would write: all but the conflicts. */
  private static int pushable(AxlPlan plan) {
    return plan.steps().size() - plan.conflicts().size();
  }

  /** A value as the tree shows it: empty on AXL's side is absent. */
  private String value(com.fasterxml.jackson.databind.JsonNode v) {
    return planTree.value(v == null || v.isNull() ? null : v);
  }

  /** Text lines (a report) as the tree: the first a heading, the others under it. */
  private void showLines(List<String> lines) {
    TreeItem<Line> top = new TreeItem<>();
    lines(lines, top);
    planTree.show(top);
    publish();
  }

  private static void lines(List<String> lines, TreeItem<Line> top) {
    if (lines.isEmpty()) {
      return;
    }
    TreeItem<Line> heading = new TreeItem<>(new Line(lines.get(0), null, null));
    lines.subList(1, lines.size()).forEach(l -> heading.getChildren().add(new TreeItem<>(new Line(l.strip(), null, null))));
    top.getChildren().add(heading);
  }

  /** What the tree shows, as lines, for tests (read off the FX thread). */
  private void publish() {
    List<String> out = new ArrayList<>();
    collect(planTree.tree().getRoot(), out);
    shown = List.copyOf(out);
  }

  private static void collect(TreeItem<Line> item, List<String> out) {
    for (TreeItem<Line> c : item.getChildren()) {
      out.add(c.getValue().text());
      collect(c, out);
    }
  }

  /** Push: writes the plan shown, one request at a time; the report lists what was and was not applied. */
  private void push() {
    AxlPlan plan = shownPlan;
    Optional<AxlClient> client = client();
    Optional<Cluster> local = ctx.model().cluster();
    if (plan == null || client.isEmpty() || local.isEmpty()) {
      return;
    }
    AxlClient.Target t = client.get().target();
    PulledStates states = new PulledStates(paths.states());
    work(p -> {
      Cluster remote = new AxlReader(client.get(), AxlProgress.NONE).read(local.get().clusterId(), local.get());
      AxlPush.Report report = AxlPush.run(client.get(), plan, p);
      states.save(t.host(), t.port(), AxlPlan.appliedOnto(remote, report.applied()));
      return report;
    }, report -> {
      forgetPlan();
      java.io.StringWriter text = new java.io.StringWriter();
      AxlReport.print(report, server(client.get()), new java.io.PrintWriter(text));
      showLines(text.toString().lines().toList());
      if (report.failure() != null) {
        say("axl.pushFailed", report.applied().size(), report.failure().getMessage());
      } else {
        say("axl.pushed", report.applied().size(), server(client.get()));
      }
    });
  }

  private static String server(AxlClient c) {
    return c.target().host() + ":" + c.target().port();
  }

  /** Work that reports progress and stops when Cancel is pressed. */
  private interface Job<T> {
    T run(AxlProgress progress) throws Exception;
  }

  private <T> void work(Job<T> job, java.util.function.Consumer<T> done) {
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        updateProgress(-1, 1);
        AxlProgress p = new AxlProgress() {
          @Override
          public void step(String part, int stepDone, int total) {
            updateProgress(stepDone, total);
            updateMessage(i18n.text("axl.progress", part, stepDone, total));
          }

          @Override
          public boolean cancelled() {
            return isCancelled();
          }
        };
        return job.run(p);
      }
    };
    progress.progressProperty().bind(task.progressProperty());
    progress.visibleProperty().bind(task.runningProperty());
    message.textProperty().bind(task.messageProperty());
    for (Button b : List.of(importButton, planButton)) {
      b.disableProperty().bind(task.runningProperty());
    }
    cancel.disableProperty().bind(task.runningProperty().not());
    task.setOnSucceeded(e -> {
      message.textProperty().unbind();
      done.accept(task.getValue());
      busy = false;
    });
    task.setOnFailed(e -> {
      message.textProperty().unbind();
      Throwable x = task.getException();
      if (x instanceof AxlException a && a.kind() == AxlException.Kind.TRUST && a.presentedFingerprint() != null) {
        offered = a.presentedFingerprint();
        certificate.setText(i18n.text("axl.firstContact", host.getText() + ":" + port.getText(), offered));
        trust.setDisable(false);
        say("axl.confirmCertificate");
      } else {
        say("axl.failed", String.valueOf(x.getMessage()));
      }
      busy = false;
    });
    task.setOnCancelled(e -> {
      message.textProperty().unbind();
      say("axl.cancelled");
      busy = false;
    });
    running = task;
    busy = true;
    shell.run(task);
  }

  /** For tests: the lines of the plan or push report shown. */
  public List<String> shownLines() {
    return shown;
  }

  /** For tests: true while an import, plan or push runs. */
  public boolean busy() {
    return busy;
  }
}
