package dev.emcc.ui.simulator;

import atlantafx.base.theme.Styles;
import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import dev.emcc.catalog.ErrorSource;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Line;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Windows;
import dev.emcc.sim.PredictedLogin;
import dev.emcc.sim.Session;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.SimulatorSession;
import dev.emcc.sim.Step;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.io.File;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The trainer's view (window {@code simulator}): pick a visiting phone and a user, log in and out
 * against a {@link SimulatorSession} that lasts while the view is open, watch the hops as a
 * sequence diagram and the phone's display, read the catalog's cause, jump to the field that fixes
 * it, inject faults on a copy of the workspace, and keep a log of the attempts. The live switch
 * runs the attempts over the wire instead ({@link TrainerSession}: the clusters as HTTPS nodes on
 * 127.0.0.1); switching starts a fresh session, and closing the view stops the nodes. Beside the
 * log, the registered cluster nodes' logins ({@link NodeLoginsPane}): what EM API scripts did.
 */
public final class SimulatorView implements View {
  /** A phone of a cluster, as the phone picker lists it. */
  public record PhoneChoice(String cluster, String phone, String description) {}

  private static final String LOGIN_TYPE_NONE = "";

  private final UiContext ctx;
  private final Shell shell;
  private final I18n i18n;
  private final BorderPane root = new BorderPane();
  private final ComboBox<PhoneChoice> phones = new ComboBox<>();
  private final ComboBox<String> users = new ComboBox<>();
  private final ComboBox<String> loginType = new ComboBox<>();
  private final PasswordField pin = new PasswordField();
  private final Button login = new Button();
  private final Button logout = new Button();
  private final Button phoneWindowLogout = new Button();
  private final Button resetAtHome = new Button();
  private final Map<Fault, CheckBox> faultBoxes = new EnumMap<>(Fault.class);
  private final SequenceDiagram diagram;
  private final PhoneScreen screen = new PhoneScreen();
  private final Label summary = new Label();
  private final Label cause = new Label();
  private final Hyperlink fixLink = new Hyperlink();
  private final Label noFix = new Label();
  private ScrollPane diagramScroll;
  /** The registered nodes' logins (EM API scripts' among them), beside the attempt log. */
  private NodeLoginsPane nodeLogins;
  private javafx.scene.control.TabPane bottom;
  private final TitledPane faultPane = new TitledPane();
  private final ObservableList<AttemptRecord> log = FXCollections.observableArrayList();
  private final CheckBox live = new CheckBox();
  /** Held while an attempt runs: one attempt at a time, and a replaced session closes after it. */
  private final Object lock = new Object();
  private volatile TrainerSession trainer = TrainerSession.inProcess();
  private Outcome last;
  private final java.util.concurrent.Callable<List<dev.emcc.sync.NodeRef>> registeredNodes;

  /**
   * What one attempt gave, kept to re-render on a language switch. {@code stillAtHome} is the
   * session a Phone window Log Out left registered to its home (null otherwise).
   */
  private record Outcome(TrainerSession.Action action, String phone, SimulationResult result, List<String> userLines,
      List<String> userLinesJa, Optional<FixLink> fix, boolean live, Session stillAtHome, boolean condition) {
    boolean logout() {
      return action != TrainerSession.Action.LOGIN;
    }
  }

  /**
   * {@code registeredNodes} lists the nodes whose logins the trainer's tab shows (the console's
   * nodes file; given by {@code ui.app}, which knows where the sync view keeps it).
   */
  public SimulatorView(UiContext ctx, Shell shell, java.util.concurrent.Callable<List<dev.emcc.sync.NodeRef>> registeredNodes) {
    this.ctx = ctx;
    this.registeredNodes = registeredNodes;
    this.shell = shell;
    this.i18n = ctx.i18n();
    this.diagram = new SequenceDiagram(i18n);
    root.setPadding(new Insets(10));
    root.setId("simulator");
    Label title = new Label();
    title.textProperty().bind(i18n.bind("window.simulator"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label copyNote = new Label();
    copyNote.textProperty().bind(i18n.bind("sim.copyNote"));
    copyNote.getStyleClass().add(Styles.TEXT_MUTED);
    copyNote.setWrapText(true);
    root.setTop(new VBox(2, title, copyNote));
    root.setLeft(controls());
    root.setCenter(center());
    BorderPane.setMargin(root.getLeft(), new Insets(8, 10, 0, 0));
    ctx.model().workspaceProperty().addListener((o, a, w) -> refreshChoices());
    i18n.localeProperty().addListener((o, a, b) -> render());
    refreshChoices();
    render();
  }

  // ---- layout ----

  private Node controls() {
    phones.setId("sim-phone");
    phones.setMaxWidth(Double.MAX_VALUE);
    phones.setConverter(dev.emcc.ui.kit.Controls.shownAs(
        p -> p.cluster() + " / " + p.phone() + (p.description() == null ? "" : "  " + p.description())));
    users.setId("sim-user");
    users.setEditable(true);
    users.setMaxWidth(Double.MAX_VALUE);
    loginType.setId("sim-login-type");
    loginType.getItems().setAll(LOGIN_TYPE_NONE, "UID", "SP", "DN");
    loginType.setValue(LOGIN_TYPE_NONE);
    loginType.setConverter(new StringConverter<>() {
      @Override public String toString(String s) {
        return s == null || s.isEmpty() ? i18n.text("sim.loginType.none") : s;
      }

      @Override public String fromString(String s) {
        return s;
      }
    });
    dev.emcc.ui.kit.Controls.relabelOnSwitch(loginType, i18n);
    pin.setId("sim-pin");
    login.setId("sim-login");
    login.textProperty().bind(i18n.bind("sim.login"));
    login.getStyleClass().add(Styles.ACCENT);
    login.setDefaultButton(true);
    login.setOnAction(e -> run(TrainerSession.Action.LOGIN));
    logout.setId("sim-logout");
    logout.textProperty().bind(i18n.bind("sim.logout"));
    logout.setOnAction(e -> run(TrainerSession.Action.LOGOUT));
    phoneWindowLogout.setId("sim-phone-window-logout");
    phoneWindowLogout.textProperty().bind(i18n.bind("sim.phoneWindowLogout"));
    phoneWindowLogout.setTooltip(tip("sim.phoneWindowLogout.tip"));
    phoneWindowLogout.setOnAction(e -> run(TrainerSession.Action.PHONE_WINDOW_LOGOUT));
    resetAtHome.setId("sim-reset-at-home");
    resetAtHome.textProperty().bind(i18n.bind("sim.resetAtHome"));
    resetAtHome.setTooltip(tip("sim.resetAtHome.tip"));
    resetAtHome.setOnAction(e -> resetAtHome());
    live.setId("sim-live");
    live.textProperty().bind(i18n.bind("sim.live"));
    Tooltip liveTip = new Tooltip();
    liveTip.textProperty().bind(i18n.bind("sim.live.tip"));
    liveTip.setWrapText(true);
    liveTip.setMaxWidth(360);
    live.setTooltip(liveTip);
    live.selectedProperty().addListener((o, was, on) -> switchMode(on));
    HBox liveBox = new HBox(live);

    GridPane form = new GridPane();
    form.setHgap(6);
    form.setVgap(6);
    form.addRow(0, label("sim.phone"), phones);
    form.addRow(1, label("sim.user"), users);
    form.addRow(2, label("sim.loginType"), loginType);
    form.addRow(3, label("sim.pin"), pin);
    GridPane.setHgrow(phones, Priority.ALWAYS);
    HBox buttons = new HBox(8, login, logout);
    javafx.scene.layout.FlowPane adminButtons = new javafx.scene.layout.FlowPane(8, 6, phoneWindowLogout, resetAtHome);
    javafx.scene.layout.FlowPane faults = new javafx.scene.layout.FlowPane(12, 4);
    for (Fault f : Fault.values()) {
      CheckBox box = new CheckBox();
      box.setId("fault-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      box.textProperty().bind(i18n.bind(f.key()));
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(i18n.bind(f.key() + ".tip"));
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      box.setTooltip(tip);
      faultBoxes.put(f, box);
      faults.getChildren().add(box);
    }
    Button reset = new Button();
    reset.setId("reset-faults");
    reset.textProperty().bind(i18n.bind("sim.resetFaults"));
    reset.setOnAction(e -> faultBoxes.values().forEach(b -> b.setSelected(false)));
    faults.getChildren().add(reset);
    faultPane.textProperty().bind(i18n.bind("sim.faults"));
    faultPane.setContent(faults);
    faultPane.setCollapsible(false);
    // three rows of faults in English at 1280 px: never squeezed by the diagram below it
    faultPane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    cause.setId("sim-cause");
    cause.setWrapText(true);
    fixLink.setId("sim-fix");
    fixLink.setWrapText(true);
    fixLink.setVisible(false);
    noFix.setId("sim-no-fix");
    noFix.setWrapText(true);
    noFix.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    noFix.textProperty().bind(i18n.bind("sim.noSettingFixes"));
    noFix.setVisible(false);
    noFix.setManaged(false);
    VBox box = new VBox(10, form, buttons, adminButtons, liveBox, label("sim.phoneScreen"), screen, cause, fixLink);
    box.setPrefWidth(300);
    box.setMinWidth(280);
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  private Tooltip tip(String key) {
    Tooltip t = new Tooltip();
    t.textProperty().bind(i18n.bind(key));
    t.setWrapText(true);
    t.setMaxWidth(360);
    return t;
  }

  private Label label(String key) {
    Label l = new Label();
    l.textProperty().bind(i18n.bind(key));
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }

  private Node center() {
    summary.setId("sim-summary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    ScrollPane scroll = new ScrollPane(diagram);
    scroll.setId("sim-diagram-scroll");
    diagramScroll = scroll;
    // under the result it explains: visible at once, not below the phone's cause
    VBox top = new VBox(6, faultPane, summary, noFix, scroll);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    nodeLogins = new NodeLoginsPane(i18n, registeredNodes, shell::run);
    javafx.scene.control.Tab attempts = new javafx.scene.control.Tab();
    attempts.textProperty().bind(i18n.bind("sim.log"));
    attempts.setContent(logPane());
    javafx.scene.control.Tab onNodes = new javafx.scene.control.Tab();
    onNodes.textProperty().bind(i18n.bind("sim.nodes"));
    onNodes.setContent(nodeLogins);
    onNodes.setId("sim-node-logins-tab");
    bottom = new javafx.scene.control.TabPane(attempts, onNodes);
    bottom.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
    bottom.setId("sim-bottom-tabs");
    SplitPane split = new SplitPane(top, bottom);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.72);
    return split;
  }

  /** Shows the registered nodes' logins (the second tab under the diagram) and asks the nodes. */
  public void showNodeLogins() {
    bottom.getSelectionModel().select(1);
    nodeLogins.refresh();
  }

  private Node logPane() {
    TableView<AttemptRecord> table = new TableView<>(log);
    table.setId("sim-log");
    table.getColumns().add(column("sim.log.time", AttemptRecord::time));
    table.getColumns().add(column("sim.log.action", r -> i18n.text("sim.action." + r.action())));
    table.getColumns().add(column("sim.log.mode", r -> i18n.text("sim.mode." + r.mode())));
    table.getColumns().add(column("sim.log.phone", AttemptRecord::phone));
    table.getColumns().add(column("sim.log.user", AttemptRecord::user));
    table.getColumns().add(column("sim.log.result", r -> i18n.text("sim.result." + r.result())));
    table.getColumns().add(column("sim.log.code", r -> r.code() == null ? "" : r.code().toString()));
    table.getColumns().add(column("sim.log.faults", r -> String.join(", ",
        r.faults().stream().map(f -> i18n.text(Fault.valueOf(f).key())).toList())));
    dev.emcc.ui.kit.Columns.fitToContent(table);
    i18n.localeProperty().addListener((o, a, b) -> table.refresh());
    Label heading = label("sim.log");
    Button export = new Button();
    export.setId("sim-export");
    export.textProperty().bind(i18n.bind("sim.log.export"));
    export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(log));
    export.setOnAction(e -> export());
    Button clear = new Button();
    clear.textProperty().bind(i18n.bind("sim.log.clear"));
    clear.setOnAction(e -> log.clear());
    HBox bar = new HBox(8, heading, export, clear);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, bar, table);
    VBox.setVgrow(table, Priority.ALWAYS);
    return box;
  }

  private TableColumn<AttemptRecord, String> column(String key, java.util.function.Function<AttemptRecord, String> value) {
    TableColumn<AttemptRecord, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  // ---- data ----

  private void refreshChoices() {
    Workspace ws = ctx.model().workspace();
    PhoneChoice selected = phones.getValue();
    List<PhoneChoice> all = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (Cluster c : ws.clusters()) {
      for (Phone p : c.phones()) {
        all.add(new PhoneChoice(c.clusterId(), p.name(), p.description()));
      }
      c.endUsers().forEach(u -> ids.add(u.userId()));
    }
    phones.getItems().setAll(all);
    phones.setValue(selected != null && all.contains(selected) ? selected : all.isEmpty() ? null : all.get(0));
    String typed = users.getEditor().getText();
    users.getItems().setAll(ids);
    users.getEditor().setText(typed);
  }

  /** Selects a phone (tests, the screenshot). */
  public void select(String cluster, String phone, String user, String typedPin) {
    phones.getItems().stream().filter(p -> p.cluster().equals(cluster) && p.phone().equals(phone)).findFirst()
        .ifPresent(phones::setValue);
    users.setValue(user);
    users.getEditor().setText(user);
    pin.setText(typedPin);
  }

  public void setFault(Fault f, boolean on) {
    faultBoxes.get(f).setSelected(on);
  }

  /** Turns the live switch on or off (tests, the screenshot): as the trainer's click does. */
  public void setLive(boolean on) {
    live.setSelected(on);
  }

  public boolean isLive() {
    return live.isSelected();
  }

  /**
   * A fresh session in the chosen mode. The old one is closed once a running attempt is done with
   * it (off the FX thread: stopping node servers takes a moment).
   */
  private void switchMode(boolean on) {
    TrainerSession old = trainer;
    trainer = on ? TrainerSession.live() : TrainerSession.inProcess();
    closeLater(old);
    last = null;
    diagram.clear();
    render();
    ctx.status(on ? "sim.status.liveOn" : "sim.status.liveOff");
  }

  private void closeLater(TrainerSession old) {
    Thread t = new Thread(() -> {
      synchronized (lock) {
        old.close();
      }
    }, "emcc-sim-close");
    t.setDaemon(true);
    t.start();
  }

  /** Stops the live nodes, if any (the console is closing). */
  @Override
  public void close() {
    synchronized (lock) {
      trainer.close();
    }
  }

  /** Node servers running for the live session (0 in process), for tests. */
  public int liveNodes() {
    synchronized (lock) {
      return trainer.nodeCount();
    }
  }

  public List<AttemptRecord> log() {
    return List.copyOf(log);
  }

  /** The text on the phone screen, for tests. */
  public String phoneScreenText() {
    return screen.text();
  }

  private Set<Fault> faults() {
    Set<Fault> out = EnumSet.noneOf(Fault.class);
    faultBoxes.forEach((f, b) -> {
      if (b.isSelected()) {
        out.add(f);
      }
    });
    return out;
  }

  private void run(TrainerSession.Action action) {
    PhoneChoice phone = phones.getValue();
    if (phone == null) {
      ctx.status("sim.status.noPhone");
      return;
    }
    String user = users.getEditor().getText() == null ? "" : users.getEditor().getText().trim();
    String type = loginType.getValue() == null || loginType.getValue().isEmpty() ? null : loginType.getValue();
    Fault.Attempt typed = new Fault.Attempt(phone.cluster(), phone.phone(), user, pin.getText(), type);
    run(List.of(action), typed, ctx.model().workspace());
  }

  /**
   * Runs the login a validator finding is about (the Problems view's and the checklist's button):
   * a fresh session in the current mode without faults, the phone and the user chosen, on the copy
   * of the workspace in which the user's PIN is {@link PredictedLogin#PIN}; when the prediction is
   * about what a logout leaves behind, the login, a logout and the same login again.
   */
  public void runPredicted(PredictedLogin.Run r) {
    PredictedLogin.Candidate c = r.candidate();
    TrainerSession old = trainer;
    trainer = old.isLive() ? TrainerSession.live() : TrainerSession.inProcess();
    closeLater(old);
    faultBoxes.values().forEach(b -> b.setSelected(false));
    select(c.visitingCluster(), c.phone(), c.attempt().userId(), PredictedLogin.PIN);
    loginType.setValue(LOGIN_TYPE_NONE);
    Fault.Attempt typed = new Fault.Attempt(c.visitingCluster(), c.phone(), c.attempt().userId(), PredictedLogin.PIN, null);
    List<TrainerSession.Action> actions = r.again()
        ? List.of(TrainerSession.Action.LOGIN, TrainerSession.Action.LOGOUT, TrainerSession.Action.LOGIN)
        : List.of(TrainerSession.Action.LOGIN);
    run(actions, typed, PredictedLogin.withKnownPin(ctx.model().workspace(), c.homeCluster(), c.userId()));
  }

  /** Runs attempts one after the other off the JavaFX thread, each logged, the last one drawn. */
  private void run(List<TrainerSession.Action> actions, Fault.Attempt typed, Workspace saved) {
    Set<Fault> faults = faults();
    var validator = ctx.model().validator().orElse(null);
    busy(true);
    TrainerSession t = trainer;
    boolean starting = t.isLive() && t.isFresh();
    if (starting) {
      ctx.status("sim.status.liveStarting");
    }
    Task<List<Outcome>> task = new Task<>() {
      @Override protected List<Outcome> call() {
        if (starting) {
          updateProgress(-1, 1); // issuing the nodes' keys: a moment without a measure
        }
        List<Outcome> out = new ArrayList<>();
        for (TrainerSession.Action action : actions) {
          out.add(attempt(action, saved, faults, typed, validator));
        }
        return out;
      }
    };
    task.setOnSucceeded(e -> {
      List<Outcome> outcomes = task.getValue();
      for (int i = 0; i < outcomes.size(); i++) {
        finish(outcomes.get(i), typed, faults, i == outcomes.size() - 1);
      }
    });
    task.setOnFailed(e -> {
      busy(false);
      ctx.status("sim.status.problem", String.valueOf(task.getException().getMessage()));
    });
    shell.run(task);
  }

  private void busy(boolean on) {
    login.setDisable(on);
    logout.setDisable(on);
    phoneWindowLogout.setDisable(on);
    resetAtHome.setDisable(on);
  }

  /** The home resets the EMCC device of the chosen phone: back to its visiting cluster when it was left at the home. */
  private void resetAtHome() {
    PhoneChoice phone = phones.getValue();
    if (phone == null) {
      ctx.status("sim.status.noPhone");
      return;
    }
    busy(true);
    Task<Optional<Session>> task = new Task<>() {
      @Override protected Optional<Session> call() {
        synchronized (lock) {
          return trainer.resetAtHome(phone.phone());
        }
      }
    };
    task.setOnSucceeded(e -> {
      busy(false);
      Optional<Session> ended = task.getValue();
      if (ended.isPresent()) {
        ctx.status("sim.status.resetAtHome", phone.phone(), ended.get().homeCluster(), ended.get().emccDevice(),
            phone.cluster());
      } else {
        ctx.status("sim.status.notAtHome", phone.phone());
      }
    });
    task.setOnFailed(e -> {
      busy(false);
      ctx.status("sim.status.problem", String.valueOf(task.getException().getMessage()));
    });
    shell.run(task);
  }

  /** Runs one login or logout against the session (any thread; the session is used by one at a time). */
  private Outcome attempt(TrainerSession.Action action, Workspace saved, Set<Fault> faults, Fault.Attempt typed,
      java.util.function.Function<Workspace, List<dev.emcc.rules.Diagnostic>> validator) {
    synchronized (lock) {
      TrainerSession t = trainer;
      Fault.Attempt a = Fault.apply(faults, typed);
      Workspace ran = Fault.apply(faults, saved, a);
      SimulationResult r = t.attempt(action, ran, faults, a);
      SimulatorSession session = t.session();
      List<String> en = new ArrayList<>();
      List<String> ja = new ArrayList<>();
      Session stillAtHome = null;
      if (r.isSuccess() && action == TrainerSession.Action.LOGIN) {
        session.sessionOnPhone(a.phone()).ifPresent(s -> userLines(ran, s, en, ja));
      } else if (r.isSuccess() && action == TrainerSession.Action.PHONE_WINDOW_LOGOUT) {
        stillAtHome = session.registeredToHome(a.phone()).orElse(null);
        if (stillAtHome != null) {
          userLines(ran, stillAtHome, en, ja);
        }
      }
      String userId = a.loginType() == null || "UID".equalsIgnoreCase(a.loginType()) ? a.userId() : null;
      // the WAN down is a condition of the session, not a setting: no window fixes it
      boolean condition = Fault.wanExplains(faults, r);
      Optional<FixLink> fix = condition ? Optional.empty()
          : FixLink.of(r, ran, validator, a.phone(), userId, SimulatorView::opens);
      return new Outcome(action, a.phone(), r, en, ja, fix, t.isLive(), stillAtHome, condition);
    }
  }

  /** What the phone shows once a user is logged in: who, and the lines of the device profile. */
  private static void userLines(Workspace ws, Session s, List<String> en, List<String> ja) {
    Optional<Cluster> home = ws.cluster(s.homeCluster());
    Optional<EndUser> user = home.flatMap(c -> c.endUsers().stream().filter(u -> u.userId().equals(s.userId())).findFirst());
    String name = user.map(u -> (String.valueOf(u.firstName()) + " " + String.valueOf(u.lastName())).replace("null", "").trim())
        .filter(n -> !n.isEmpty()).orElse(s.userId());
    en.add(name);
    ja.add(name);
    user.flatMap(u -> u.controlledProfiles().stream().findFirst())
        .flatMap(p -> home.get().deviceProfiles().stream().filter(d -> d.name().equals(p)).findFirst())
        .map(DeviceProfile::lines).orElse(List.of()).stream()
        .sorted(java.util.Comparator.comparingInt(Line::index))
        .forEach(l -> {
          en.add("Line " + l.index() + ": " + l.directoryNumber());
          ja.add("回線 " + l.index() + ": " + l.directoryNumber());
        });
  }

  private void finish(Outcome o, Fault.Attempt typed, Set<Fault> faults, boolean animate) {
    busy(false);
    last = o;
    diagram.show(o.result(), animate, o.live());
    render();
    revealFailingStep(o.result());
    SimulationResult r = o.result();
    log.add(0, new AttemptRecord(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
        o.action().key(), typed.visitingCluster() + "/" + typed.phone(),
        o.logout() ? "" : typed.userId(), r.result(), r.code(), faults.stream().map(Enum::name).toList(),
        o.live() ? AttemptRecord.LIVE : AttemptRecord.IN_PROCESS));
    ctx.status(r.isSuccess() ? "sim.status.ok" : "sim.status.failed", r.code());
  }

  /** Puts the last outcome's texts on screen in the UI language. */
  private void render() {
    if (last == null) {
      screen.show("", List.of(i18n.text("sim.phone.idle")), false);
      summary.setText(i18n.text("sim.summary.none"));
      cause.setText("");
      noFixes();
      return;
    }
    boolean ja = i18n.isJapanese();
    SimulationResult r = last.result();
    if (r.isSuccess() && last.stillAtHome() != null) {
      // the visiting database forgot the login; the phone still shows the user's profile from the home
      Session s = last.stillAtHome();
      List<String> lines = new ArrayList<>(ja ? last.userLinesJa() : last.userLines());
      lines.add(i18n.text("sim.phone.registeredToHome", s.homeCluster(), String.valueOf(s.emccDevice())));
      screen.show(last.phone(), lines, false);
      summary.setText(i18n.text("sim.summary.phoneWindowLogout", r.visitingCluster(), s.homeCluster(),
          String.valueOf(s.emccDevice())));
      succeeded();
      return;
    }
    if (r.isSuccess()) {
      List<String> lines = new ArrayList<>();
      if (last.logout()) {
        lines.add(i18n.text("sim.phone.loggedOut"));
      } else {
        lines.addAll(ja ? last.userLinesJa() : last.userLines());
        if (r.emccStatus() != null) {
          lines.add(i18n.text("sim.phone.emcc", r.homeCluster(), String.valueOf(r.emccDevice())));
        }
      }
      screen.show(last.phone(), lines, false);
      summary.setText(last.logout() ? i18n.text("sim.summary.logoutOk")
          : r.emccStatus() != null ? i18n.text("sim.summary.emccOk", r.homeCluster(), r.visitingCluster(), r.emccDevice())
          : i18n.text("sim.summary.localOk", r.homeCluster()));
      succeeded();
      return;
    }
    String display = ja ? r.phoneDisplayJa() : r.phoneDisplay();
    screen.show(last.phone(), List.of(display == null ? "" : display, i18n.text("sim.phone.code", r.code())), true);
    Optional<Step> failing = FixLink.failingStep(r);
    summary.setText(failing.map(s -> i18n.text("sim.summary.failedAt", r.steps().indexOf(s) + 1, diagram.checkTitle(s),
        r.code())).orElse(i18n.text("sim.summary.failed", r.code())));
    tone(false);
    markLive();
    ErrorSource source = r.code() >= 200 ? ErrorSource.EM_APP : ErrorSource.EM_SERVICE;
    Optional<ErrorEntry> entry = ErrorCatalog.standard().get(source, r.code());
    cause.setText(entry.map(e -> i18n.text("sim.cause", ja ? e.shortDescriptionJa() : e.shortDescription(),
        ja ? e.causeJa() : e.cause())).orElse(i18n.text("sim.cause.unknown", r.code())));
    Optional<FixLink> fix = last.fix();
    // a condition of the session (the WAN down) is no setting: nothing to open, say what ends it
    noFix.setVisible(last.condition());
    noFix.setManaged(last.condition());
    fixLink.setVisible(fix.isPresent());
    // a window this console cannot open yet is named, not linked
    fixLink.setDisable(fix.isEmpty() || !opens(fix.get().fix().window()));
    fix.ifPresent(f -> {
      String field = f.fix().field();
      StringBuilder where = new StringBuilder(i18n.text("window." + f.fix().window()));
      if (f.fix().object() != null) {
        where.append(" \u2192 ").append(f.fix().object());
      }
      if (field != null) {
        where.append(" \u2192 ").append(Windows.field(f.fix().window(), field).map(x -> i18n.text(x.labelKey())).orElse(field));
      }
      if (f.cluster() != null) {
        where.append(" (").append(f.cluster()).append(')');
      }
      fixLink.setText(i18n.text("sim.fixAt", where.toString()));
      fixLink.setOnAction(e -> {
        boolean other = f.cluster() != null && !f.cluster().equals(ctx.model().clusterIdProperty().get())
            && ctx.model().workspace().cluster(f.cluster()).isPresent();
        if (other) {
          ctx.model().clusterIdProperty().set(f.cluster());
        }
        shell.reveal(f.fix().window(), f.fix().object(), field);
        if (other) {
          // the cluster selector changed: say so
          ctx.status("sim.status.fixInCluster", f.cluster(), i18n.deferred("window." + f.fix().window()));
        }
      });
    });
  }

  /** Scrolls the diagram so that the first failed step is in view (it is the row to read). */
  private void revealFailingStep(SimulationResult r) {
    Optional<Step> failing = FixLink.failingStep(r);
    if (diagramScroll == null || failing.isEmpty()) {
      return;
    }
    int row = r.steps().indexOf(failing.get());
    diagramScroll.applyCss();
    diagramScroll.layout();
    double content = diagram.getBoundsInLocal().getHeight();
    double view = diagramScroll.getViewportBounds().getHeight();
    if (content > view) {
      double y = diagram.rowTop(row) - view / 3;
      diagramScroll.setVvalue(Math.max(0, Math.min(1, y / (content - view))));
    }
  }

  /** A login or logout went through: success colour, nothing to fix. */
  private void succeeded() {
    tone(true);
    markLive();
    cause.setText("");
    noFixes();
  }

  private void noFixes() {
    fixLink.setVisible(false);
    noFix.setVisible(false);
    noFix.setManaged(false);
  }

  /** The summary in the theme's success or danger colour (readable light and dark). */
  private void tone(boolean ok) {
    summary.getStyleClass().removeAll(atlantafx.base.theme.Styles.SUCCESS, atlantafx.base.theme.Styles.DANGER);
    summary.getStyleClass().add(ok ? atlantafx.base.theme.Styles.SUCCESS : atlantafx.base.theme.Styles.DANGER);
  }

  /** Says first thing in the summary that the last attempt went over the wire. */
  private void markLive() {
    if (last.live()) {
      summary.setText(i18n.text("sim.summary.live", summary.getText()));
    }
  }

  private void export() {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
        new FileChooser.ExtensionFilter("JSON", "*.json"));
    chooser.setInitialFileName("emcc-login-log.csv");
    File f = chooser.showSaveDialog(root.getScene().getWindow());
    if (f == null) {
      return;
    }
    List<AttemptRecord> rows = new ArrayList<>(log);
    java.util.Collections.reverse(rows);
    Task<Void> task = new Task<>() {
      @Override protected Void call() throws Exception {
        AttemptRecord.export(rows, f.toPath());
        return null;
      }
    };
    task.setOnSucceeded(e -> ctx.status("sim.status.exported", f.getName()));
    task.setOnFailed(e -> ctx.status("sim.status.exportFailed", f.getName(), String.valueOf(task.getException().getMessage())));
    shell.run(task);
  }

  /**
   * Runs one login on the JavaFX thread without animation (the screenshot: a finished attempt).
   */
  public void loginNow(String cluster, String phone, String user, String typedPin, Set<Fault> faults) {
    select(cluster, phone, user, typedPin);
    faults.forEach(f -> setFault(f, true));
    Fault.Attempt typed = new Fault.Attempt(cluster, phone, user, typedPin, null);
    finish(attempt(TrainerSession.Action.LOGIN, ctx.model().workspace(), faults, typed,
        ctx.model().validator().orElse(null)), typed, faults, false);
  }

  /**
   * The visiting Phone window's Log Out for a phone (the Phone window's button): chooses the phone
   * and runs it in this view's session, where the EMCC login to log out lives.
   */
  public void phoneWindowLogout(String cluster, String phone) {
    phones.getItems().stream().filter(p -> p.cluster().equals(cluster) && p.phone().equals(phone)).findFirst()
        .ifPresent(phones::setValue);
    run(TrainerSession.Action.PHONE_WINDOW_LOGOUT);
  }

  /** Presses the visiting Phone window's Log Out for the chosen phone, without animation (tests). */
  public void phoneWindowLogoutNow() {
    PhoneChoice phone = phones.getValue();
    Fault.Attempt typed = new Fault.Attempt(phone.cluster(), phone.phone(), "", "", null);
    Set<Fault> faults = faults();
    finish(attempt(TrainerSession.Action.PHONE_WINDOW_LOGOUT, ctx.model().workspace(), faults, typed,
        ctx.model().validator().orElse(null)), typed, faults, false);
  }

  @Override
  public Node node() {
    return root;
  }

  /** Whether the console has a window of that id to open (every window of the schema has one). */
  private static boolean opens(String window) {
    return Windows.get(window).isPresent();
  }
}
