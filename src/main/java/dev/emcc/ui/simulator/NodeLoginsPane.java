package dev.emcc.ui.simulator;

import atlantafx.base.theme.Styles;
import dev.emcc.sync.NodeRef;
import dev.emcc.ui.kit.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The trainer's view of the registered cluster nodes' logins (id {@code sim-node-logins}): who is
 * logged in on which phone, since and until when, and whether Cisco's EM API did it (a script of
 * the trainer's, {@code emcc emapi send}). Refresh (id {@code sim-node-logins-refresh}) asks every
 * node off the JavaFX thread; a node that does not answer is named under the table.
 */
final class NodeLoginsPane extends VBox {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final I18n i18n;
  private final Callable<List<NodeRef>> nodes;
  private final Consumer<Task<?>> runner;
  private final ObservableList<NodeLogins.Row> rows = FXCollections.observableArrayList();
  private final Label state = new Label();
  private final Button refresh = new Button();

  NodeLoginsPane(I18n i18n, Callable<List<NodeRef>> nodes, Consumer<Task<?>> runner) {
    super(4);
    setPadding(new javafx.geometry.Insets(4, 0, 0, 0));
    this.i18n = i18n;
    this.nodes = nodes;
    this.runner = runner;
    setId("sim-node-logins");
    TableView<NodeLogins.Row> table = new TableView<>(rows);
    table.setId("sim-node-logins-table");
    table.getColumns().add(column("sim.nodes.cluster", NodeLogins.Row::clusterId, 80));
    table.getColumns().add(column("sim.nodes.phone", r -> r.login().deviceName(), 150));
    table.getColumns().add(column("sim.nodes.user", r -> r.login().userId(), 90));
    table.getColumns().add(column("sim.nodes.profile", r -> r.login().deviceProfile(), 130));
    table.getColumns().add(column("sim.nodes.since", r -> time(r.login().since()), 80));
    table.getColumns().add(column("sim.nodes.until", r -> r.login().until() == null
        ? i18n.text("sim.nodes.indefinite") : time(r.login().until()), 110));
    table.getColumns().add(column("sim.nodes.via", r -> i18n.text(r.login().viaEmApi() ? "sim.nodes.via.emApi"
        : "sim.nodes.via.other"), 90));
    table.setPlaceholder(new Label());
    ((Label) table.getPlaceholder()).textProperty().bind(i18n.bind("sim.nodes.empty"));
    i18n.localeProperty().addListener((o, a, b) -> table.refresh());
    refresh.setId("sim-node-logins-refresh");
    refresh.textProperty().bind(i18n.bind("sim.nodes.refresh"));
    refresh.setOnAction(e -> refresh());
    state.setId("sim-node-logins-state");
    state.setWrapText(true);
    state.getStyleClass().add(Styles.TEXT_MUTED);
    i18n.show(state, "sim.nodes.hint");
    HBox bar = new HBox(8, refresh, state);
    bar.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(state, Priority.ALWAYS);
    getChildren().addAll(bar, table);
    VBox.setVgrow(table, Priority.ALWAYS);
  }

  ObservableList<NodeLogins.Row> rows() {
    return rows;
  }

  /** Asks every registered node again. */
  void refresh() {
    refresh.setDisable(true);
    Task<NodeLogins.Snapshot> task = new Task<>() {
      @Override
      protected NodeLogins.Snapshot call() throws Exception {
        return NodeLogins.fetch(nodes.call());
      }
    };
    task.setOnSucceeded(e -> {
      NodeLogins.Snapshot s = task.getValue();
      rows.setAll(s.rows());
      if (s.nodes() == 0) {
        i18n.show(state, "sim.nodes.noNodes");
      } else if (s.problems().isEmpty()) {
        i18n.show(state, "sim.nodes.count", s.rows().size(), s.nodes());
      } else {
        i18n.show(state, "sim.nodes.problems", s.rows().size(), s.nodes(), String.join("; ", s.problems()));
      }
      refresh.setDisable(false);
    });
    task.setOnFailed(e -> {
      i18n.show(state, "sim.nodes.failed", String.valueOf(task.getException().getMessage()));
      refresh.setDisable(false);
    });
    runner.accept(task);
  }

  private static String time(Instant t) {
    return TIME.format(t.atZone(ZoneId.systemDefault()));
  }

  private TableColumn<NodeLogins.Row, String> column(String key, Function<NodeLogins.Row, String> value, double width) {
    TableColumn<NodeLogins.Row, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
