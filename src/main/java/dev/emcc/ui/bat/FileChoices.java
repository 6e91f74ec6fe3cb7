package dev.emcc.ui.bat;

import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatKind;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Controls;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * What both BAT dialogs ask about the file: its kind, format and cluster, and for an insert file
 * the line and speed dial groups of a row and the users file's Password column (disabled where
 * they do not apply). Also the dialogs' two layout helpers.
 */
final class FileChoices {
  final ComboBox<BatKind> kind = new ComboBox<>();
  final ComboBox<BatFormat> format = new ComboBox<>();
  final ComboBox<String> cluster = new ComboBox<>();
  final Spinner<Integer> lines = new Spinner<>(0, 200, 1);
  final Spinner<Integer> speedDials = new Spinner<>(0, 200, 1);
  final CheckBox withPassword = new CheckBox();
  private final BatTexts t;

  /** {@code ids}: the prefix of the controls' node ids ("bat-", "bat-export-"). */
  FileChoices(BatTexts t, UiContext ctx, String ids, BatFormat initial) {
    this.t = t;
    kind.setId(ids + "kind");
    kind.getItems().setAll(BatKind.values());
    kind.setConverter(Controls.shownAs(k -> k.text(t.locale())));
    kind.setValue(BatKind.UDP);
    format.setId(ids + "format");
    format.getItems().setAll(BatFormat.values());
    format.setConverter(Controls.shownAs(f -> t.text("format." + f.id())));
    format.setValue(initial);
    cluster.setId(ids + "cluster");
    ctx.model().workspace().clusters().forEach(c -> cluster.getItems().add(c.clusterId()));
    cluster.setValue(ctx.model().clusterIdProperty().get());
    for (Region r : List.of(kind, format, cluster)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    lines.setId(ids + "lines");
    speedDials.setId(ids + "speed-dials");
    lines.setPrefWidth(80);
    speedDials.setPrefWidth(80);
    withPassword.setId(ids + "with-password");
    withPassword.textProperty().bind(t.bind("field.withPassword"));
    format.valueProperty().addListener((o, a, b) -> enable());
    kind.valueProperty().addListener((o, a, b) -> enable());
    enable();
  }

  /** Lines and speed dials for an insert file of profiles or phones; the Password column for one of users. */
  private void enable() {
    boolean insert = format.getValue() == BatFormat.INSERT;
    lines.setDisable(!insert || kind.getValue() == BatKind.USERS);
    speedDials.setDisable(!insert || kind.getValue() == BatKind.USERS);
    withPassword.setDisable(!insert || kind.getValue() != BatKind.USERS);
  }

  boolean passwordColumn() {
    return withPassword.isSelected() && !withPassword.isDisabled();
  }

  Label labelFor(String key, Node control) {
    Label l = t.label(key);
    l.setLabelFor(control);
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  static HBox row(double gap, Node... nodes) {
    HBox h = new HBox(gap, nodes);
    h.setAlignment(Pos.CENTER_LEFT);
    return h;
  }
}
