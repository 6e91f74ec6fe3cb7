package dev.emcc.ui.simulator;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A small phone display: a title bar (the phone's name) and the lines the phone shows. */
final class PhoneScreen extends VBox {
  private final Label title = new Label();
  private final VBox body = new VBox(4);

  PhoneScreen() {
    setId("phone-screen");
    setPrefSize(260, 170);
    setMinSize(240, 150);
    setMaxWidth(280);
    setStyle("-fx-background-color: #1c2430; -fx-background-radius: 10; -fx-padding: 10;"
        + " -fx-border-color: #56606e; -fx-border-width: 3; -fx-border-radius: 10;");
    title.setStyle("-fx-text-fill: #c9d4e0; -fx-font-size: 11px;");
    title.setMaxWidth(Double.MAX_VALUE);
    body.setPadding(new Insets(6));
    body.setStyle("-fx-background-color: #dfe9d8; -fx-background-radius: 4;");
    VBox.setVgrow(body, Priority.ALWAYS);
    getChildren().addAll(title, body);
  }

  /** Shows the phone's title bar and its lines; {@code error} colours the first line red. */
  void show(String phone, List<String> lines, boolean error) {
    title.setText(phone == null ? "" : phone);
    body.getChildren().clear();
    for (int i = 0; i < lines.size(); i++) {
      Label l = new Label(lines.get(i));
      l.setWrapText(true);
      l.setId(i == 0 ? "phone-screen-text" : null);
      l.setStyle("-fx-text-fill: " + (error && i == 0 ? "#a40e26" : "#14261a") + "; -fx-font-size: "
          + (i == 0 ? "14px; -fx-font-weight: bold;" : "12px;"));
      body.getChildren().add(l);
    }
  }

  /** The lines shown, for tests. */
  String text() {
    StringBuilder sb = new StringBuilder();
    body.getChildren().forEach(n -> sb.append(((Label) n).getText()).append('\n'));
    return sb.toString().trim();
  }
}
