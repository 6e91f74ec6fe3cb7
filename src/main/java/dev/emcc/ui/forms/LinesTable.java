package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.model.Cluster;
import dev.emcc.schema.DeviceProfileFields;
import dev.emcc.schema.Field;
import dev.emcc.schema.Limits;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A device profile's lines as a table (index, directory number, partition) with Add, Remove, Up
 * and Down; the index is the row's position, renumbered on every change as CUCM's line buttons.
 */
final class LinesTable extends FieldEditor {
  /** One editable row. */
  static final class Row {
    final StringProperty directoryNumber = new SimpleStringProperty("");
    final StringProperty partition = new SimpleStringProperty("");

    Row(String dn, String pt) {
      directoryNumber.set(dn == null ? "" : dn);
      partition.set(pt == null ? "" : pt);
    }
  }

  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final TableView<Row> table = new TableView<>(rows);
  private final VBox box;

  LinesTable(Field s, I18n i, Supplier<Cluster> c, Consumer<FieldEditor> ch) {
    super(s, i, c, ch);
    table.setEditable(true);
    table.setPrefHeight(170);
    TableColumn<Row, String> index = new TableColumn<>();
    index.textProperty().bind(i.bind(DeviceProfileFields.LINE_INDEX.labelKey()));
    index.setCellValueFactory(cell -> new ReadOnlyStringWrapper(String.valueOf(rows.indexOf(cell.getValue()) + 1)));
    index.setSortable(false);
    TableColumn<Row, String> dn = editable(DeviceProfileFields.LINE_DIRECTORY_NUMBER.labelKey(), r -> r.directoryNumber);
    TableColumn<Row, String> pt = editable(DeviceProfileFields.LINE_PARTITION.labelKey(), r -> r.partition);
    table.getColumns().addAll(List.of(index, dn, pt));
    dev.emcc.ui.kit.Columns.fitToContent(table);
    Button add = button("lines.add", "lines-add", this::addRow);
    Button remove = button("lines.remove", "lines-remove", this::removeRow);
    Button up = button("lines.up", "lines-up", () -> move(-1));
    Button down = button("lines.down", "lines-down", () -> move(1));
    remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    up.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThanOrEqualTo(0));
    down.disableProperty().bind(table.getSelectionModel().selectedIndexProperty().lessThan(0)
        .or(table.getSelectionModel().selectedIndexProperty().greaterThanOrEqualTo(
            javafx.beans.binding.Bindings.size(rows).subtract(1))));
    HBox buttons = dev.emcc.ui.kit.Bars.row(6, add, remove, up, down);
    box = new VBox(4, table, buttons);
  }

  private TableColumn<Row, String> editable(String key, java.util.function.Function<Row, StringProperty> prop) {
    TableColumn<Row, String> col = new TableColumn<>();
    col.textProperty().bind(i18n.bind(key));
    col.setCellValueFactory(cell -> prop.apply(cell.getValue()));
    col.setCellFactory(TextFieldTableCell.forTableColumn());
    col.setOnEditCommit(e -> {
      prop.apply(e.getRowValue()).set(e.getNewValue() == null ? "" : e.getNewValue().trim());
      onChange.accept(this);
    });
    col.setSortable(false);
    col.setPrefWidth(160);
    return col;
  }

  private Button button(String key, String id, Runnable action) {
    Button b = Controls.button(i18n, key, id, action);
    b.getStyleClass().add(Styles.SMALL);
    return b;
  }

  /** Adds an empty line after the chosen one (or at the end) and starts typing its number. */
  void addRow() {
    int at = table.getSelectionModel().getSelectedIndex();
    at = at < 0 ? rows.size() : at + 1;
    rows.add(at, new Row("", ""));
    changed();
    table.getSelectionModel().clearAndSelect(at);
    table.requestFocus();
    table.layout();
    table.edit(at, table.getColumns().get(1));
  }

  void removeRow() {
    int at = table.getSelectionModel().getSelectedIndex();
    if (at >= 0) {
      rows.remove(at);
      changed();
      if (!rows.isEmpty()) {
        table.getSelectionModel().clearAndSelect(Math.min(at, rows.size() - 1));
      }
    }
  }

  void move(int by) {
    int at = table.getSelectionModel().getSelectedIndex();
    int to = at + by;
    if (at < 0 || to < 0 || to >= rows.size()) {
      return;
    }
    Row r = rows.remove(at);
    rows.add(to, r);
    changed();
    table.getSelectionModel().clearAndSelect(to);
  }

  private void changed() {
    table.refresh(); // renumbers the index column
    onChange.accept(this);
  }

  ObservableList<Row> rows() {
    return rows;
  }

  @Override Control control() {
    return table;
  }

  @Override Node node() {
    return box;
  }

  @Override void read(ObjectNode node) {
    rows.clear();
    for (JsonNode item : JsonPaths.get(node, spec.key())) {
      rows.add(new Row(item.path("directoryNumber").asText(""),
          item.path("partition").isTextual() ? item.path("partition").asText() : ""));
    }
    table.refresh();
  }

  @Override void write(ObjectNode node) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    int index = 1;
    for (Row r : rows) {
      ObjectNode l = array.addObject();
      l.put("index", index++);
      l.put("directoryNumber", r.directoryNumber.get().trim());
      String pt = r.partition.get().trim();
      if (pt.isEmpty()) {
        l.putNull("partition");
      } else {
        l.put("partition", pt);
      }
    }
    JsonPaths.set(node, spec.key(), array);
  }

  @Override String check(ObjectNode node) {
    Set<String> seen = new LinkedHashSet<>();
    for (Row r : rows) {
      String dn = r.directoryNumber.get().trim();
      String bad = Limits.check(DeviceProfileFields.LINE_DIRECTORY_NUMBER, dn).map(this::text).orElse(null);
      if (bad != null) {
        return bad;
      }
      if (!seen.add(dn + "@" + r.partition.get().trim())) {
        return i18n.text("v.duplicate", dn);
      }
    }
    return null;
  }
}
