package dev.emcc.ui.errors;

import atlantafx.base.theme.Styles;
import dev.emcc.catalog.ErrorCatalog;
import dev.emcc.catalog.ErrorEntry;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.Columns;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.View;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Error code lookup: type a code, the number the phone shows, or words in either language; the
 * catalog (every row of the seed's EMApp and EMService tables) answers, misprints included.
 */
public final class ErrorLookupView implements View {
  private final I18n i18n;
  private final ObservableList<ErrorEntry> results = FXCollections.observableArrayList();
  private final TableView<ErrorEntry> table = new TableView<>(results);
  private final TextField query = new TextField();
  private final Label count = new Label();
  private final VBox details = new VBox(10);
  private final BorderPane root = new BorderPane();

  public ErrorLookupView(UiContext ctx) {
    this.i18n = ctx.i18n();
    query.setId("error-query");
    query.promptTextProperty().bind(i18n.bind("errors.prompt"));
    query.textProperty().addListener((o, a, b) -> search());
    table.setId("error-results");
    table.getColumns().add(column("errors.code", e -> String.valueOf(e.code())));
    table.getColumns().add(column("errors.source", e -> i18n.text("errors.source." + e.source().json())));
    table.getColumns().add(column("errors.display", e -> e.phoneDisplayLines(i18n.locale()).get(0)));
    table.getColumns().add(Columns.wrapping(column("errors.description", e -> e.shortDescription(i18n.locale()))));
    // code, source and phone display whole; the description wraps in the rest
    Columns.fitToContent(table);
    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> showDetails(e));
    i18n.localeProperty().addListener((o, a, b) -> {
      table.refresh();
      showDetails(table.getSelectionModel().getSelectedItem());
      count.setText(i18n.text("errors.count", results.size()));
    });
    count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox left = new VBox(6, query, table, count);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setPadding(new Insets(0, 0, 12, 16));
    details.setPadding(new Insets(4, 16, 16, 16));
    details.setId("error-details");
    ScrollPane scroll = new ScrollPane(details);
    scroll.setFitToWidth(true);
    SplitPane split = new SplitPane(left, scroll);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.55);
    root.setTop(WindowHeader.of(i18n, "errorLookup"));
    root.setCenter(split);
    root.setId("window-errorLookup");
    search();
  }

  private TableColumn<ErrorEntry, String> column(String key, Function<ErrorEntry, String> text) {
    TableColumn<ErrorEntry, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    return c;
  }

  private void search() {
    String q = query.getText() == null ? "" : query.getText().strip();
    List<ErrorEntry> found = q.isEmpty() ? ErrorCatalog.standard().entries() : ErrorCatalog.standard().query(q);
    results.setAll(found);
    count.setText(i18n.text("errors.count", found.size()));
    if (!found.isEmpty()) {
      table.getSelectionModel().select(0);
    } else {
      showDetails(null);
    }
  }

  private void showDetails(ErrorEntry e) {
    details.getChildren().clear();
    if (e == null) {
      return;
    }
    Label title = new Label(i18n.text("errors.title", e.code(), i18n.text("errors.source." + e.source().json())));
    title.getStyleClass().add(Styles.TITLE_3);
    details.getChildren().add(title);
    section("errors.display", String.join("\n", e.phoneDisplayLines(i18n.locale())));
    section("errors.description", e.shortDescription(i18n.locale()));
    section("errors.cause", e.cause(i18n.locale()));
    if (e.shownAs() != e.code()) {
      section("errors.shownAs", String.valueOf(e.shownAs()));
    }
    if (e.internal()) {
      section("errors.internal", i18n.text("errors.internalText"));
    }
    if (e.note(i18n.locale()) != null) {
      section("errors.note", e.note(i18n.locale()));
    }
  }

  private void section(String key, String text) {
    Label head = new Label(i18n.text(key));
    head.getStyleClass().add(Styles.TEXT_BOLD);
    Label body = new Label(text);
    body.setWrapText(true);
    details.getChildren().add(new VBox(2, head, body));
  }

  /** Runs a lookup as if typed (the shell's F1 with a code). */
  public void lookup(String text) {
    query.setText(text);
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void reveal(String object, String field) {
    if (object != null) {
      lookup(object);
    }
    focusQuery();
  }

  /**
   * F1: the cursor in the search box, its text selected so typing replaces the last query. A view
   * shown for the first time has its box in the scene only once its split pane is skinned (the
   * next pulse, which also hands the focus the old window's field had to the tree): then.
   */
  private void focusQuery() {
    if (query.getScene() == null) {
      query.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
        @Override public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
            javafx.scene.Scene was, javafx.scene.Scene now) {
          if (now != null) {
            query.sceneProperty().removeListener(this);
            javafx.application.Platform.runLater(ErrorLookupView.this::focusQuery);
          }
        }
      });
      return;
    }
    query.requestFocus();
    query.selectAll();
  }
}
