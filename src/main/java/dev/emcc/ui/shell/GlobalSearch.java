package dev.emcc.ui.shell;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Workspace;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The global search (Edit > Search Everything, Ctrl+K): type, move with the arrows, Enter opens the
 * result where it lives (its cluster, window and object), Esc closes. Indexing and searching run
 * on one background thread; only the newest query's results are shown.
 */
public final class GlobalSearch {
  private final UiContext ctx;
  private final Shell shell;
  private final I18n i18n;
  private final List<String> windows;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "emcc-search");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong generation = new AtomicLong();
  private final ObservableList<SearchIndex.Entry> results = FXCollections.observableArrayList();
  private final TextField query = new TextField();
  private final ListView<SearchIndex.Entry> list = new ListView<>(results);
  private final Label count = new Label();
  private Stage stage;
  /** Touched only on the worker thread. */
  private Workspace indexed;
  private SearchIndex index;

  public GlobalSearch(UiContext ctx, Shell shell, List<String> windows) {
    this.ctx = ctx;
    this.shell = shell;
    this.i18n = ctx.i18n();
    this.windows = List.copyOf(windows);
    query.setId("search-query");
    query.promptTextProperty().bind(i18n.bind("search.prompt"));
    query.textProperty().addListener((o, a, text) -> search(text));
    list.setId("search-results");
    list.setCellFactory(v -> new ListCell<>() {
      @Override protected void updateItem(SearchIndex.Entry e, boolean empty) {
        super.updateItem(e, empty);
        setText(empty || e == null ? null : describe(e));
      }
    });
    list.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        openSelected();
      }
    });
    count.setId("search-count");
    count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
  }

  private String describe(SearchIndex.Entry e) {
    String kind = i18n.text("search.kind." + e.kind().name().toLowerCase(java.util.Locale.ROOT));
    return switch (e.kind()) {
      case WINDOW -> kind + "  " + (i18n.isJapanese() ? e.detail() : e.label());
      case ERROR -> kind + " " + e.label() + "  " + nullToEmpty(e.detail());
      case OBJECT -> i18n.text("window." + e.window()) + "  " + e.label()
          + (e.detail().isEmpty() ? "" : "  — " + e.detail()) + "  [" + e.clusterId() + "]";
    };
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Opens the search over the console's window, the query selected for retyping. */
  public void show() {
    if (stage == null) {
      stage = build(shell.root().getScene().getWindow());
    }
    search(query.getText());
    stage.show();
    stage.toFront();
    query.requestFocus();
    query.selectAll();
  }

  private Stage build(Window owner) {
    Stage s = new Stage();
    s.initOwner(owner);
    s.initModality(Modality.WINDOW_MODAL);
    s.titleProperty().bind(i18n.bind("search.title"));
    VBox box = new VBox(8, query, list, count);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.setPadding(new Insets(12));
    box.setStyle("-fx-background-color: -color-bg-default;");
    box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      switch (e.getCode()) {
        case DOWN -> move(1);
        case UP -> move(-1);
        case ENTER -> openSelected();
        case ESCAPE -> s.hide();
        default -> {
          return;
        }
      }
      e.consume();
    });
    Scene scene = new Scene(box, 640, 420);
    s.setScene(scene);
    if (owner != null) {
      s.setX(owner.getX() + Math.max(0, (owner.getWidth() - 640) / 2));
      s.setY(owner.getY() + 80);
    }
    return s;
  }

  private void move(int by) {
    if (results.isEmpty()) {
      return;
    }
    int i = Math.max(0, Math.min(results.size() - 1, list.getSelectionModel().getSelectedIndex() + by));
    list.getSelectionModel().select(i);
    list.scrollTo(Math.max(0, i - 3));
  }

  private void search(String text) {
    long gen = generation.incrementAndGet();
    Workspace ws = ctx.model().workspace();
    java.util.Locale locale = i18n.locale();
    worker.submit(() -> {
      if (gen != generation.get()) {
        return;
      }
      if (ws != indexed) {
        index = SearchIndex.build(ws, windows, (w, l) -> i18n.textIn(l, shell.nav().titleKey(w)));
        indexed = ws;
      }
      SearchIndex.Result r = index.search(text, locale);
      Platform.runLater(() -> {
        if (gen == generation.get()) {
          shown(r, text);
        }
      });
    });
  }

  private void shown(SearchIndex.Result r, String text) {
    results.setAll(r.entries());
    if (!results.isEmpty()) {
      list.getSelectionModel().select(0);
      list.scrollTo(0);
    }
    count.setText(text == null || text.isBlank() ? i18n.text("search.hint")
        : i18n.text(r.more() ? "search.countMore" : "search.count", r.entries().size()));
  }

  private void openSelected() {
    SearchIndex.Entry e = list.getSelectionModel().getSelectedItem();
    if (e == null) {
      return;
    }
    stage.hide();
    if (!shell.leaveCurrent()) {
      return;
    }
    switch (e.kind()) {
      case WINDOW -> shell.open(e.window());
      case ERROR -> shell.reveal(e.window(), e.object(), null);
      case OBJECT -> {
        if (e.clusterId() != null && ctx.model().workspace().cluster(e.clusterId()).isPresent()) {
          ctx.model().clusterIdProperty().set(e.clusterId());
        }
        shell.reveal(e.window(), e.object(), null);
      }
    }
  }

  /** The shown results (tests). */
  public ObservableList<SearchIndex.Entry> results() {
    return results;
  }

  public boolean isShowing() {
    return stage != null && stage.isShowing();
  }
}
