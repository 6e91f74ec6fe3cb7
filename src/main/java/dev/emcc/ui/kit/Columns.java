package dev.emcc.ui.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Table columns as wide as their header and their widest value, so neither is cut to "...":
 * sized again when the rows, the language or the theme change. Where the columns together are
 * wider than the table, it scrolls sideways; where they are narrower, one column (a prose
 * column whose text wraps, or else the last) takes the rest.
 */
public final class Columns {
  /** Beyond this many rows only the longest texts are measured (a list of 40,000 profiles stays quick). */
  private static final int MEASURE_ALL = 400;
  private static final int MEASURE_LONGEST = 60;
  /** Room the header keeps for its sort arrow. */
  private static final double SORT_ARROW = 14;
  /** A wrapping column is never narrower than this. */
  private static final double WRAP_MIN = 220;
  private static final String WRAPS = "emcc-wraps";

  private Columns() {}

  /**
   * Sizes {@code table}'s columns to their content from now on. A column made by
   * {@link #wrapping} is not sized to its values: it takes the table's remaining width and its
   * text wraps.
   */
  public static <S> void fitToContent(TableView<S> table) {
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    boolean[] queued = new boolean[1];
    Runnable refit = () -> {
      if (!queued[0]) {
        queued[0] = true;
        // after the pulse's CSS pass: the fonts are those of the theme then
        Platform.runLater(() -> {
          queued[0] = false;
          fit(table);
        });
      }
    };
    ListChangeListener<S> rows = c -> refit.run();
    table.itemsProperty().addListener((o, was, now) -> {
      if (was != null) {
        was.removeListener(rows);
      }
      if (now != null) {
        now.addListener(rows);
      }
      refit.run();
    });
    if (table.getItems() != null) {
      table.getItems().addListener(rows);
    }
    InvalidationListener again = (Observable o) -> refit.run();
    for (TableColumn<S, ?> c : table.getColumns()) {
      c.textProperty().addListener(again);
    }
    table.skinProperty().addListener(again);
    table.sceneProperty().addListener(again);
    table.widthProperty().addListener((o, a, b) -> spread(table));
    refit.run();
  }

  /** Sizes the columns now (the layout test and views that fill a table in one go). */
  public static <S> void fit(TableView<S> table) {
    if (table.lookup(".table-cell") == null && table.getItems() != null && !table.getItems().isEmpty()
        && table.getScene() != null && !Boolean.TRUE.equals(table.getProperties().put(WRAPS + ".again", true))) {
      // no cell laid out yet: measure again once they are, in their own font
      Platform.runLater(() -> fit(table));
    }
    Font cellFont = fontOf(table, ".table-cell", Font.getDefault());
    Font headerFont = fontOf(table, ".column-header .label", cellFont);
    double cellPad = padding(table, ".table-cell", 14);
    double headerPad = padding(table, ".column-header", 8) + padding(table, ".column-header .label", 0);
    Text probe = new Text();
    for (TableColumn<S, ?> c : table.getColumns()) {
      double header = width(probe, headerFont, c.getText()) + headerPad + SORT_ARROW;
      if (isWrapping(c)) {
        c.setMinWidth(Math.max(WRAP_MIN, Math.ceil(header)));
        continue;
      }
      double widest = 0;
      for (String text : candidates(table, c)) {
        widest = Math.max(widest, width(probe, cellFont, text));
      }
      double w = Math.ceil(Math.max(header, widest + cellPad)) + 2;
      c.setMinWidth(Math.min(w, Math.ceil(header) + 2));
      c.setPrefWidth(w);
    }
    spread(table);
  }

  /** A column whose values wrap at its width, taking what the other columns leave of the table. */
  public static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column) {
    column.getProperties().put(WRAPS, Boolean.TRUE);
    column.setCellFactory(c -> new TableCell<>() {
      private final Text text = new Text();

      {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
        // the theme's text colour, also on a selected row
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        setGraphic(text);
        setPrefHeight(Region.USE_COMPUTED_SIZE);
      }

      @Override protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setAccessibleText(text.getText());
      }
    });
    return column;
  }

  private static boolean isWrapping(TableColumn<?, ?> c) {
    return Boolean.TRUE.equals(c.getProperties().get(WRAPS));
  }

  /** The wrapping column (or the last) takes what the others leave of the table's width. */
  private static <S> void spread(TableView<S> table) {
    List<TableColumn<S, ?>> cols = table.getColumns();
    if (cols.isEmpty() || table.getWidth() <= 0) {
      return;
    }
    TableColumn<S, ?> flex = cols.stream().filter(Columns::isWrapping).findFirst().orElse(cols.get(cols.size() - 1));
    double others = 0;
    for (TableColumn<S, ?> c : cols) {
      if (c != flex && c.isVisible()) {
        others += c.getPrefWidth();
      }
    }
    // the vertical scroll bar's room, and the table's border
    double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - others - 16;
    if (isWrapping(flex)) {
      flex.setPrefWidth(Math.max(flex.getMinWidth(), room));
    } else if (room > flex.getPrefWidth()) {
      flex.setPrefWidth(room);
    }
  }

  /** The texts of a column worth measuring: all of a short list, the longest of a long one. */
  private static <S> List<String> candidates(TableView<S> table, TableColumn<S, ?> c) {
    ObservableList<S> items = table.getItems();
    List<String> texts = new ArrayList<>();
    if (items == null) {
      return texts;
    }
    for (S item : items) {
      Object v = c.getCellData(item);
      if (v != null) {
        texts.add(v.toString());
      }
    }
    if (texts.size() > MEASURE_ALL) {
      // wide (CJK) characters count double, as they show
      texts.sort(Comparator.comparingInt(Columns::visualLength).reversed());
      return texts.subList(0, MEASURE_LONGEST);
    }
    return texts;
  }

  private static int visualLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) > 0x2E80 ? 2 : 1;
    }
    return n;
  }

  private static double width(Text probe, Font font, String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    probe.setFont(font);
    probe.setText(text);
    return probe.getLayoutBounds().getWidth();
  }

  private static Font fontOf(TableView<?> table, String selector, Font fallback) {
    Node n = table.lookup(selector);
    return n instanceof Labeled l && l.getFont() != null ? l.getFont() : fallback;
  }

  private static double padding(TableView<?> table, String selector, double fallback) {
    Node n = table.lookup(selector);
    return n instanceof Region r ? r.snappedLeftInset() + r.snappedRightInset() : fallback;
  }
}
