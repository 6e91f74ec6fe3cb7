package dev.emcc.ui.bat;

import atlantafx.base.theme.Styles;
import dev.emcc.bat.ImportListener.Cell;
import dev.emcc.bat.ImportListener.PreviewRow;
import dev.emcc.bat.RowProblem;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The first rows of a BAT file as they are mapped: the line, what the row does (added, changed,
 * unchanged, error), the object it imports as, then one column per BAT column met, named as BAT
 * names it; columns the model does not carry are shown muted, a bad row and its bad cells in red.
 */
final class PreviewTable {
  /** A previewed row with its cells by header. */
  record Previewed(PreviewRow row, Map<String, Cell> byHeader) {
    static Previewed of(PreviewRow r) {
      Map<String, Cell> m = new HashMap<>();
      r.cells().forEach(c -> m.put(c.header(), c));
      return new Previewed(r, m);
    }

    boolean bad(String header) {
      return row.problems().stream().anyMatch(p -> header.equals(p.columnName()));
    }
  }

  private final BatTexts t;
  private final TableView<Previewed> table = new TableView<>();
  private final Map<String, TableColumn<Previewed, String>> columns = new LinkedHashMap<>();

  PreviewTable(BatTexts t) {
    this.t = t;
    table.setId("bat-preview");
    table.setPlaceholder(new Label());
    table.getColumns().add(fixed("column.line", p -> String.valueOf(p.row().line()), 60));
    TableColumn<Previewed, String> action = fixed("column.action", p -> p.row().change() == null
        ? t.text("action.error") : t.text("action." + p.row().change().name()), 110);
    table.getColumns().add(action);
    table.getColumns().add(fixed("column.name", p -> p.row().name() == null ? "" : p.row().name(), 170));
    table.setRowFactory(v -> new TableRow<>() {
      @Override protected void updateItem(Previewed item, boolean empty) {
        super.updateItem(item, empty);
        boolean bad = !empty && item != null && !item.row().problems().isEmpty();
        setStyle(bad ? "-fx-background-color: -color-danger-subtle;" : "");
      }
    });
    t.i18n().localeProperty().addListener((o, a, b) -> table.refresh());
  }

  private TableColumn<Previewed, String> fixed(String key, java.util.function.Function<Previewed, String> text,
      double width) {
    TableColumn<Previewed, String> c = new TableColumn<>();
    c.textProperty().bind(t.bind(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        Previewed p = empty || getTableRow() == null ? null : getTableRow().getItem();
        getStyleClass().remove(Styles.DANGER);
        if (p != null && p.row().change() == null) {
          getStyleClass().add(Styles.DANGER);
        }
      }
    });
    return c;
  }

  void clear() {
    table.getItems().clear();
    table.getColumns().removeAll(columns.values());
    columns.clear();
  }

  void add(PreviewRow r) {
    for (Cell c : r.cells()) {
      columns.computeIfAbsent(c.header(), h -> column(h, c.carried()));
    }
    table.getItems().add(Previewed.of(r));
  }

  private TableColumn<Previewed, String> column(String header, boolean carried) {
    TableColumn<Previewed, String> c = new TableColumn<>();
    Label title = new Label(header);
    if (!carried) {
      title.getStyleClass().add(Styles.TEXT_MUTED);
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(t.bind("column.notCarried", header));
      title.setTooltip(tip);
    }
    c.setGraphic(title);
    c.setId("bat-col-" + header);
    c.setPrefWidth(Math.max(90, Math.min(220, header.length() * 8.0)));
    c.setCellValueFactory(d -> {
      Cell cell = d.getValue().byHeader().get(header);
      return new ReadOnlyStringWrapper(cell == null ? "" : cell.text());
    });
    c.setCellFactory(col -> new TableCell<>() {
      @Override protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        Previewed p = empty || getTableRow() == null ? null : getTableRow().getItem();
        getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        setTooltip(null);
        if (p != null && p.bad(header)) {
          getStyleClass().add(Styles.DANGER);
          RowProblem first = p.row().problems().stream().filter(x -> header.equals(x.columnName())).findFirst()
              .orElseThrow();
          setTooltip(new Tooltip(first.text(t.locale())));
        } else if (!carried) {
          getStyleClass().add(Styles.TEXT_MUTED);
        }
      }
    });
    table.getColumns().add(c);
    return c;
  }

  /** Selects and shows the row of a line, if it is among the previewed ones. */
  void reveal(long line) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).row().line() == line) {
        table.getSelectionModel().clearAndSelect(i);
        table.scrollTo(i);
        return;
      }
    }
  }

  TableView<Previewed> view() {
    return table;
  }
}
