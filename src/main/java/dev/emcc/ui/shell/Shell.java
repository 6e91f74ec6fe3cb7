package dev.emcc.ui.shell;

import atlantafx.base.theme.Styles;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The console's frame: menus with shortcuts, the cluster switcher, the navigation tree, the
 * content area (views built on first use and kept) and the status bar. Cheap to build, so the
 * window shows at once while the workspace loads in the background.
 */
public final class Shell {
  private final UiContext ctx;
  private final I18n i18n;
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final NavTree nav;
  private final Map<String, View> views = new HashMap<>();
  private final ComboBox<String> clusters = new ComboBox<>();
  private final ProgressBar progress = new ProgressBar();
  private final ObjectProperty<Themes> theme = new SimpleObjectProperty<>(Themes.LIGHT);
  private final ViewFactory factory;
  private String current;
  private GlobalSearch search;
  private java.util.function.Consumer<Path> onFileLoaded = f -> {};

  /** Builds views by window id (kept separate so the lead can add views without touching the shell). */
  public interface ViewFactory {
    View create(String window, UiContext ctx, Shell shell);

    /**
     * Opens a bulk certificate wizard of the Certificates menu ("export", "consolidate", "import"):
     * the factory knows the wizards as it knows the views, so the shell depends on neither.
     */
    default void openWizard(String which, UiContext ctx) {
      throw new UnsupportedOperationException("this console has no " + which + " wizard");
    }
  }

  public Shell(UiContext ctx, ViewFactory factory) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.factory = factory;
    ctx.onReveal((window, object) -> reveal(window, object, null));
    this.nav = new NavTree(i18n);
    nav.view().getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
      if (item != null && item.getValue().window() != null) {
        open(item.getValue().window());
      }
    });
    root.setTop(menus());
    nav.view().setMinWidth(220);
    SplitPane split = new SplitPane(nav.view(), content);
    split.setDividerPositions(0.24);
    SplitPane.setResizableWithParent(nav.view(), false);
    root.setCenter(split);
    root.setBottom(statusBar());
    root.getStyleClass().add("emcc-shell");
    content.setId("content");
    ctx.model().workspaceProperty().addListener((o, a, w) -> refreshClusters());
    ctx.model().clusterIdProperty().addListener((o, a, id) -> clusters.setValue(id));
    theme.addListener((o, a, t) -> applyTheme());
    refreshClusters();
    guardCloseOfTheWindow();
    open(START);
  }

  /** The first screen: the clusters at a glance and the first actions (View > Start Page). */
  public static final String START = "start";

  /**
   * Closing the console's window (the window manager's close button, Alt+F4, File > Exit, Ctrl+Q)
   * asks about unsaved edits as leaving a record does; Cancel keeps the window open with the edits.
   */
  private void guardCloseOfTheWindow() {
    javafx.event.EventHandler<WindowEvent> guard = e -> {
      if (!ctx.whileClosing(this::leaveCurrent)) {
        e.consume();
      }
    };
    Window[] guarded = new Window[1];
    javafx.beans.value.ChangeListener<Window> onWindow = (o, a, w) -> {
      if (guarded[0] != null) {
        guarded[0].removeEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, guard);
      }
      guarded[0] = w;
      if (w != null) {
        w.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, guard);
      }
    };
    root.sceneProperty().addListener((o, a, scene) -> {
      if (a != null) {
        a.windowProperty().removeListener(onWindow);
      }
      onWindow.changed(null, guarded[0], scene == null ? null : scene.getWindow());
      if (scene != null) {
        scene.windowProperty().addListener(onWindow);
      }
    });
  }

  /**
   * File > Exit and Ctrl+Q: a close request to the console's window, as the window manager sends,
   * so both ways ask about unsaved edits (the last window closed ends the application).
   */
  public void quit() {
    Window w = root.getScene() == null ? null : root.getScene().getWindow();
    if (w == null) {
      Platform.exit();
    } else {
      w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
    }
  }

  private MenuBar menus() {
    Menu file = menu("menu.file",
        item("menu.file.open", "Shortcut+O", this::openFile),
        item("menu.file.saveAs", "Shortcut+Shift+S", this::saveAs),
        item("menu.file.exit", "Shortcut+Q", this::quit));
    file.getItems().addAll(2, dev.emcc.ui.bat.BatDialogs.menuItems(ctx)); // Import/Export BAT CSV...
    MenuItem undo = item("menu.edit.undo", "Shortcut+Z", () -> {
      if (ctx.model().undoLatest()) {
        ctx.status("status.undone");
      }
    });
    undo.disableProperty().bind(ctx.model().canUndoProperty().not());
    Menu edit = menu("menu.edit", undo,
        item("menu.edit.find", "Shortcut+F", () -> focus("filter")),
        item("menu.edit.searchAll", "Shortcut+K", this::searchEverywhere),
        item("menu.edit.addNew", "Shortcut+N", () -> press("add-new")),
        item("menu.edit.save", "Shortcut+S", () -> press("save")),
        item("menu.edit.revert", "Shortcut+R", () -> press("revert")));
    ToggleGroup lang = new ToggleGroup();
    RadioMenuItem en = radio("menu.view.english", "Shortcut+Shift+E", lang, () -> i18n.setLocale(I18n.ENGLISH));
    RadioMenuItem ja = radio("menu.view.japanese", "Shortcut+Shift+J", lang, () -> i18n.setLocale(I18n.JAPANESE));
    (i18n.isJapanese() ? ja : en).setSelected(true);
    i18n.localeProperty().addListener((o, a, l) -> (i18n.isJapanese() ? ja : en).setSelected(true));
    ToggleGroup themes = new ToggleGroup();
    RadioMenuItem light = radio("menu.view.light", null, themes, () -> theme.set(Themes.LIGHT));
    RadioMenuItem dark = radio("menu.view.dark", null, themes, () -> theme.set(Themes.DARK));
    light.setSelected(true);
    theme.addListener((o, a, t) -> (t == Themes.DARK ? dark : light).setSelected(true));
    MenuItem toggleTheme = item("menu.view.toggleTheme", "Shortcut+Shift+T",
        () -> theme.set(theme.get() == Themes.DARK ? Themes.LIGHT : Themes.DARK));
    Menu language = menu("menu.view.language", en, ja);
    Menu themeMenu = menu("menu.view.theme", light, dark, toggleTheme);
    Menu view = menu("menu.view", item("menu.view.start", "Alt+Home", () -> open(START)), language, themeMenu,
        item("menu.view.focusTree", "Shortcut+L", this::focusTree),
        item("menu.view.focusContent", "F6", this::focusContent),
        item("menu.view.problems", "F8", () -> open(Windows.PROBLEMS.id())),
        item("menu.view.simulator", "F9", () -> open("simulator")));
    Menu help = menu("menu.help", item("menu.help.errors", "F1", () -> reveal("errorLookup", null, null)),
        item("menu.help.restrictions", null, () -> open("restrictions")));
    Menu certificates = menu("menu.certs",
        item("menu.certs.window", null, () -> open(Windows.CERTIFICATES.id())),
        item("menu.certs.export", null, () -> factory.openWizard("export", ctx)),
        item("menu.certs.consolidate", null, () -> factory.openWizard("consolidate", ctx)),
        item("menu.certs.import", null, () -> factory.openWizard("import", ctx)));
    MenuBar bar = new MenuBar(file, edit, view, certificates, help);
    bar.setId("menubar");
    return bar;
  }

  /** The global search over objects, windows and error codes (built on first use). */
  public GlobalSearch search() {
    if (search == null) {
      search = new GlobalSearch(ctx, this, nav.windows());
    }
    return search;
  }

  private void searchEverywhere() {
    search().show();
  }

  /** Presses a button of the shown window (the menu shortcuts of Save, Add New, Revert). */
  private void press(String id) {
    Node n = content.lookup("#" + id);
    if (n instanceof javafx.scene.control.ButtonBase b && !b.isDisabled()) {
      b.fire();
    }
  }

  /** Keyboard access to the tree: focus it on the shown window's entry. */
  public void focusTree() {
    nav.view().requestFocus();
    if (nav.view().getSelectionModel().isEmpty()) {
      nav.view().getSelectionModel().selectFirst();
    }
    // the arrows move from the shown window's entry (selected while the tree had no focus)
    nav.view().getFocusModel().focus(nav.view().getSelectionModel().getSelectedIndex());
  }

  /** Keyboard access to the shown window: its first control that takes the focus. */
  public void focusContent() {
    Node first = firstFocusable(content);
    if (first != null) {
      first.requestFocus();
    }
  }

  private static Node firstFocusable(Node n) {
    if (!n.isVisible() || n.isDisabled()) {
      return null;
    }
    if (n.isFocusTraversable()) {
      return n;
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        Node f = firstFocusable(c);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  private void focus(String id) {
    Node n = content.lookup("#" + id);
    if (n != null) {
      n.requestFocus();
    }
  }

  private Menu menu(String key, MenuItem... items) {
    Menu m = new Menu();
    m.textProperty().bind(i18n.bind(key));
    m.getItems().addAll(items);
    return m;
  }

  private MenuItem item(String key, String accelerator, Runnable action) {
    MenuItem i = new MenuItem();
    i.textProperty().bind(i18n.bind(key));
    i.setId(key);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    i.setOnAction(e -> action.run());
    return i;
  }

  private RadioMenuItem radio(String key, String accelerator, ToggleGroup group, Runnable action) {
    RadioMenuItem i = new RadioMenuItem();
    i.textProperty().bind(i18n.bind(key));
    i.setToggleGroup(group);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    i.setOnAction(e -> action.run());
    return i;
  }

  private Node statusBar() {
    Label status = new Label();
    status.textProperty().bind(ctx.statusProperty());
    status.setId("status");
    Label summary = new Label();
    summary.setId("cluster-summary");
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    Runnable updateSummary = () -> summary.setText(ctx.model().cluster()
        .map(c -> i18n.text("status.cluster", c.clusterId(), c.version(), c.nodes().size(),
            c.phones().size(), c.deviceProfiles().size(), c.endUsers().size()))
        .orElse(""));
    ctx.model().workspaceProperty().addListener((o, a, b) -> updateSummary.run());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> updateSummary.run());
    i18n.localeProperty().addListener((o, a, b) -> updateSummary.run());
    updateSummary.run();
    progress.setVisible(false);
    progress.setPrefWidth(140);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label clusterLabel = new Label();
    clusterLabel.textProperty().bind(i18n.bind("shell.cluster"));
    clusters.setId("cluster-switcher");
    clusters.valueProperty().addListener((o, a, id) -> {
      if (id != null && !id.equals(ctx.model().clusterIdProperty().get())) {
        if (leaveCurrent()) {
          ctx.model().clusterIdProperty().set(id);
        } else {
          Platform.runLater(() -> clusters.setValue(ctx.model().clusterIdProperty().get()));
        }
      }
    });
    // a long message and the cluster's summary give way (ellipsis, whole in their tooltips); the cluster selector never does
    clusterLabel.setMinWidth(Region.USE_PREF_SIZE);
    clusters.setMinWidth(Region.USE_PREF_SIZE);
    status.setMinWidth(0);
    summary.setMinWidth(0);
    javafx.scene.control.Tooltip statusTip = new javafx.scene.control.Tooltip();
    statusTip.textProperty().bind(status.textProperty());
    status.setTooltip(statusTip);
    javafx.scene.control.Tooltip summaryTip = new javafx.scene.control.Tooltip();
    summaryTip.textProperty().bind(summary.textProperty());
    summary.setTooltip(summaryTip);
    HBox.setHgrow(status, Priority.SOMETIMES);
    HBox bar = new HBox(10, clusterLabel, clusters, status, spacer, summary, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.getStyleClass().add("status-bar");
    bar.setId("status-bar");
    return bar;
  }

  private void refreshClusters() {
    Workspace w = ctx.model().workspace();
    clusters.getItems().setAll(w.clusters().stream().map(Cluster::clusterId).toList());
    clusters.setValue(ctx.model().clusterIdProperty().get());
  }

  /** Shows a window, building its view on first use. */
  public View open(String window) {
    if (current != null && !current.equals(window) && !leaveCurrent()) {
      String stay = current;
      Platform.runLater(() -> nav.select(stay));
      return null;
    }
    View v = views.get(window);
    if (v == null) {
      v = factory.create(window, ctx, this);
      if (v == null) {
        return null;
      }
      views.put(window, v);
    }
    current = window;
    boolean focusInContent = holdsFocus(content);
    content.getChildren().setAll(v.node());
    if (focusInContent) {
      // the focused control just left the scene: give the focus to the new window now, or the
      // scene's next pulse hands it to the tree, racing the view's own reveal (F1's search box)
      focusContent();
    }
    nav.select(window);
    return v;
  }

  private static boolean holdsFocus(Parent area) {
    Node owner = area.getScene() == null ? null : area.getScene().getFocusOwner();
    for (Node n = owner; n != null; n = n.getParent()) {
      if (n == area) {
        return true;
      }
    }
    return false;
  }

  /** Asks the shown window about its unsaved edits; false when the user chose to stay. */
  public boolean leaveCurrent() {
    View shown = current == null ? null : views.get(current);
    return shown == null || shown.leave();
  }

  /** Opens a window at an object and a field (a diagnostic's Fix). */
  public void reveal(String window, String object, String field) {
    View v = open(window);
    if (v != null) {
      Platform.runLater(() -> v.reveal(object, field));
    }
  }

  public String current() {
    return current;
  }

  /** Closes every view built so far (the console is closing). */
  public void close() {
    for (View v : views.values()) {
      v.close();
    }
  }

  /** Runs long work off the JavaFX thread, with the status bar's progress. */
  public <T> void run(Task<T> task) {
    progress.visibleProperty().bind(task.runningProperty());
    progress.progressProperty().bind(task.progressProperty());
    Thread t = new Thread(task, "emcc-task");
    t.setDaemon(true);
    t.start();
  }

  /** File > Open and the start page's Import: a workspace file, chosen in a file dialog. */
  public void openFile() {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
    File f = chooser.showOpenDialog(root.getScene().getWindow());
    if (f != null) {
      load(f.toPath());
    }
  }

  /**
   * Loads a workspace document in the background; a bad file is reported, the current workspace
   * kept. Once loaded, edits go to that file (see {@link #setOnFileLoaded}).
   */
  public void load(Path file) {
    load(() -> {
      try {
        return WorkspaceFormat.read(file);
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }, file.getFileName().toString(), () -> onFileLoaded.accept(file));
  }

  /** Called on the JavaFX thread after a workspace file was loaded (the app points saving at it). */
  public void setOnFileLoaded(java.util.function.Consumer<Path> action) {
    onFileLoaded = action == null ? f -> {} : action;
  }

  public void load(Supplier<Workspace> source, String name) {
    load(source, name, () -> {});
  }

  private void load(Supplier<Workspace> source, String name, Runnable then) {
    ctx.status("status.loading", name);
    Task<Workspace> task = new Task<>() {
      @Override protected Workspace call() {
        updateProgress(-1, 1);
        return source.get();
      }
    };
    task.setOnSucceeded(e -> {
      ctx.model().load(task.getValue());
      then.run();
      ctx.status("status.loaded", name);
    });
    task.setOnFailed(e -> ctx.status("status.loadFailed", name, String.valueOf(task.getException().getMessage())));
    run(task);
  }

  private void saveAs() {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
    File f = chooser.showSaveDialog(root.getScene().getWindow());
    if (f == null) {
      return;
    }
    Workspace ws = ctx.model().workspace();
    Task<Void> task = new Task<>() {
      @Override protected Void call() throws Exception {
        WorkspaceFormat.write(ws, f.toPath());
        return null;
      }
    };
    task.setOnSucceeded(e -> ctx.status("status.saved", f.getName()));
    task.setOnFailed(e -> ctx.status("status.saveFailed", f.getName(), String.valueOf(task.getException().getMessage())));
    run(task);
  }

  public ObjectProperty<Themes> themeProperty() {
    return theme;
  }

  private void applyTheme() {
    theme.get().apply();
    root.setStyle("-fx-background-color: -color-bg-default;");
  }

  public Parent root() {
    return root;
  }

  public NavTree nav() {
    return nav;
  }

  public UiContext context() {
    return ctx;
  }
}
