package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Cluster;
import dev.emcc.model.EmccDevices;
import dev.emcc.model.EmccTemplate;
import dev.emcc.schema.EmccDevicesFields;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Bars;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Bulk Administration > EMCC > Insert/Update EMCC: the default EMCC template (Update EMCC
 * Devices) and inserting N devices EMCC&lt;n&gt; after the last number used, as a background job.
 */
public final class EmccDevicesView implements View {
  /** Devices inserted per step of the job, so its progress moves and it can be cancelled. */
  private static final int STEP = 500;
  private static final int MAX_INSERT = 60_000;

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final BorderPane root = new BorderPane();
  private final ComboBox<String> template = new ComboBox<>();
  private final Label already = new Label();
  private final TextField count = new TextField();
  private final Label message = new Label();
  private final ProgressBar progress = new ProgressBar(0);
  private final ListView<String> names = new ListView<>();
  private final Button insert = new Button();
  /** Run Immediately or Run Later, per section (seed steps 4-5: Run Immediately, then Submit). */
  private final javafx.scene.control.RadioButton updateNow = new javafx.scene.control.RadioButton();
  private final javafx.scene.control.RadioButton insertNow = new javafx.scene.control.RadioButton();
  /** The Job Scheduler of this window: where a submitted job is checked (seed step 6). */
  private final javafx.collections.ObservableList<Job> jobs = javafx.collections.FXCollections.observableArrayList();
  private int nextJobId = 1000;

  /** A submitted job: its ID, what it does, its status and result (texts by key, for both languages). */
  private final class Job {
    final int id = nextJobId++;
    final String whatKey;
    final Object[] whatArgs;
    final Runnable run;
    String status = "pending";
    String resultKey;
    Object[] resultArgs = new Object[0];

    Job(String whatKey, Object[] whatArgs, Runnable run) {
      this.whatKey = whatKey;
      this.whatArgs = whatArgs;
      this.run = run;
    }

    String text() {
      String result = resultKey == null ? "" : "  " + i18n.text(resultKey, resultArgs);
      return i18n.text("emcc.job", id, i18n.text(whatKey, whatArgs), i18n.text("emcc.job." + status)) + result;
    }
  }

  public EmccDevicesView(UiContext ctx, Shell shell) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    template.setId("field-" + EmccDevicesFields.DEFAULT_TEMPLATE.key());
    template.setMaxWidth(Double.MAX_VALUE);
    Button update = new Button();
    update.textProperty().bind(i18n.bind("emcc.submit"));
    update.setId("update-submit");
    update.setOnAction(e -> updateTemplate());
    javafx.scene.control.RadioButton updateLater = runChoice(updateNow, "update");
    count.setId("field-count");
    count.setPrefColumnCount(8);
    count.setMaxWidth(160);
    already.setId("already-in-database");
    already.getStyleClass().add(Styles.TEXT_BOLD);
    insert.textProperty().bind(i18n.bind("emcc.submit"));
    javafx.scene.control.RadioButton insertLater = runChoice(insertNow, "insert");
    insert.setId("insert-submit");
    insert.getStyleClass().add(Styles.ACCENT);
    insert.setOnAction(e -> insert());
    progress.setVisible(false);
    progress.setMaxWidth(Double.MAX_VALUE);
    message.setId("message");
    message.setWrapText(true);

    GridPane update1 = grid();
    update1.addRow(0, label(EmccDevicesFields.DEFAULT_TEMPLATE.labelKey()), template);
    GridPane insert1 = grid();
    insert1.addRow(0, label("emcc.alreadyInDatabase"), already);
    insert1.addRow(1, label("emcc.toBeAdded"), count);
    ListView<Job> jobList = new ListView<>(jobs);
    jobList.setId("job-scheduler");
    jobList.setPrefHeight(120);
    jobList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
      @Override protected void updateItem(Job j, boolean empty) {
        super.updateItem(j, empty);
        setText(empty || j == null ? null : j.text());
      }
    });
    i18n.localeProperty().addListener((o, a, b) -> jobList.refresh());
    Button runPending = new Button();
    runPending.setId("run-pending-jobs");
    runPending.textProperty().bind(i18n.bind("emcc.runPending"));
    runPending.setOnAction(e -> runPending());
    runPending.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> jobs.stream().noneMatch(j -> "pending".equals(j.status)), jobs));
    VBox left = new VBox(12,
        // the run choices and buttons keep their whole text (Bars.row) in a narrow window
        section(EmccDevicesFields.UPDATE.titleKey()), update1, Bars.row(12, updateNow, updateLater), Bars.row(8, update),
        section(EmccDevicesFields.INSERT.titleKey()), insert1, Bars.row(12, insertNow, insertLater), Bars.row(8, insert),
        progress, message, section("emcc.jobScheduler"), jobList, Bars.row(8, runPending));
    left.setPadding(new Insets(12, 16, 16, 16));
    Label listTitle = section("emcc.devices");
    VBox right = new VBox(6, listTitle, names);
    VBox.setVgrow(names, Priority.ALWAYS);
    right.setPadding(new Insets(12, 16, 16, 0));
    right.setPrefWidth(260);
    names.setId("emcc-device-names");
    root.setTop(WindowHeader.of(ctx, EmccDevicesFields.ID));
    root.setCenter(left);
    root.setRight(right);
    root.setId("window-" + EmccDevicesFields.ID);
    refresh();
    ctx.model().workspaceProperty().addListener((o, a, b) -> refresh());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> refresh());
    i18n.localeProperty().addListener((o, a, b) -> refresh());
  }

  /** The Run Immediately / Run Later pair of a section; Run Immediately is chosen. */
  private javafx.scene.control.RadioButton runChoice(javafx.scene.control.RadioButton now, String section) {
    javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
    javafx.scene.control.RadioButton later = new javafx.scene.control.RadioButton();
    now.textProperty().bind(i18n.bind("emcc.runImmediately"));
    later.textProperty().bind(i18n.bind("emcc.runLater"));
    now.setId(section + "-run-immediately");
    later.setId(section + "-run-later");
    now.setToggleGroup(group);
    later.setToggleGroup(group);
    now.setSelected(true);
    return later;
  }

  /** Submits a job: it runs now when Run Immediately is chosen, else it waits in the Job Scheduler. */
  private void submit(Job job, boolean now) {
    jobs.add(0, job);
    if (now) {
      start(job);
    } else {
      message.setText(i18n.text("emcc.jobPending", job.id));
    }
  }

  private void start(Job job) {
    job.status = "running";
    refreshJobs();
    job.run.run();
  }

  private void done(Job job, boolean ok, String key, Object... args) {
    job.status = ok ? "completed" : "failed";
    job.resultKey = key;
    job.resultArgs = args;
    refreshJobs();
  }

  private void refreshJobs() {
    List<Job> copy = List.copyOf(jobs);
    jobs.setAll(copy); // the list cells read the jobs' texts again
  }

  /** Runs the jobs waiting in the Job Scheduler, oldest first. */
  public void runPending() {
    List<Job> pending = new java.util.ArrayList<>(jobs.stream().filter(j -> "pending".equals(j.status)).toList());
    java.util.Collections.reverse(pending);
    pending.forEach(this::start);
  }

  /** The Job Scheduler's lines, newest first (tests). */
  public List<String> jobLines() {
    return jobs.stream().map(Job::text).toList();
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(12);
    g.setVgap(8);
    return g;
  }

  private Label label(String key) {
    Label l = Controls.label(i18n, key);
    l.setMinWidth(280);
    return l;
  }

  private Label section(String key) {
    Label l = new Label();
    l.textProperty().bind(i18n.bind(key));
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }

  private void refresh() {
    Cluster c = ctx.cluster();
    if (c == null) {
      return;
    }
    EmccDevices d = c.emccDevices();
    template.getItems().setAll(c.emccTemplates().stream().map(EmccTemplate::name).toList());
    template.setValue(d.defaultTemplate());
    already.setText(String.format("%,d", d.names().size()));
    names.getItems().setAll(d.names());
  }

  private void updateTemplate() {
    String t = template.getValue();
    if (t == null || t.isBlank()) {
      message.setText(i18n.text("emcc.noTemplate"));
      return;
    }
    Job[] job = new Job[1];
    job[0] = new Job("emcc.job.update", new Object[] {t}, () -> {
      ctx.model().commitCluster(c -> c.withEmccDevices(c.emccDevices().withDefaultTemplate(t)),
          i18n.text("emcc.templateSet", t));
      message.setText(i18n.text("emcc.templateSet", t));
      done(job[0], true, "emcc.templateSet", t);
    });
    submit(job[0], updateNow.isSelected());
  }

  /** Parses the count; inserts as a background job, then commits on the JavaFX thread. */
  public void insert() {
    int n;
    try {
      n = Integer.parseInt(count.getText().trim());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > MAX_INSERT) {
      count.pseudoClassStateChanged(Styles.STATE_DANGER, true);
      message.setText(i18n.text("v.range", "1", String.valueOf(MAX_INSERT)));
      return;
    }
    count.pseudoClassStateChanged(Styles.STATE_DANGER, false);
    Cluster c = ctx.cluster();
    if (c.emccDevices().defaultTemplate() == null) {
      message.setText(i18n.text("emcc.noTemplate"));
      return;
    }
    final int total = n;
    Job[] scheduled = new Job[1];
    scheduled[0] = new Job("emcc.job.insert", new Object[] {total}, () -> runInsert(scheduled[0], total));
    submit(scheduled[0], insertNow.isSelected());
  }

  /** The insert job itself: N devices after the last number used, in steps, then one commit. */
  private void runInsert(Job scheduled, int total) {
    EmccDevices start = ctx.cluster().emccDevices();
    Task<EmccDevices> job = new Task<>() {
      @Override protected EmccDevices call() {
        EmccDevices d = start;
        for (int done = 0; done < total && !isCancelled(); ) {
          int step = Math.min(STEP, total - done);
          d = d.insert(step);
          done += step;
          updateProgress(done, total);
        }
        return d;
      }
    };
    progress.progressProperty().bind(job.progressProperty());
    progress.visibleProperty().bind(job.runningProperty());
    insert.disableProperty().bind(job.runningProperty());
    job.setOnSucceeded(e -> {
      EmccDevices result = job.getValue();
      ctx.model().commitCluster(cl -> cl.withEmccDevices(result), i18n.text("emcc.inserted", total));
      Cluster after = ctx.cluster();
      int load = after.phones().size() + 2 * after.emccDevices().names().size();
      message.setText(i18n.text("emcc.inserted", total)
          + (load > after.maxPhones() ? "\n" + i18n.text("emcc.capacity", load, after.maxPhones()) : ""));
      ctx.status("emcc.inserted", total);
      done(scheduled, true, "emcc.inserted", total);
    });
    job.setOnFailed(e -> {
      message.setText(String.valueOf(job.getException().getMessage()));
      done(scheduled, false, "emcc.jobFailed", String.valueOf(job.getException().getMessage()));
    });
    shell.run(job);
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void reveal(String object, String field) {
    if (EmccDevicesFields.DEFAULT_TEMPLATE.key().equals(field)) {
      template.requestFocus();
    } else if (field != null) {
      count.requestFocus();
    }
  }
}
