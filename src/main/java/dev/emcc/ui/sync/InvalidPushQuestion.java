package dev.emcc.ui.sync;

import dev.emcc.rules.Diagnostic;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.errors.ProblemsView;
import dev.emcc.ui.kit.I18n;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Before a push of a cluster with validation errors: says so, lists them (message and where to
 * fix it) and asks. Cancel is the default; Show Problems opens the problems view instead.
 */
final class InvalidPushQuestion {
  /** The answers. */
  enum Answer { PUSH, SHOW_PROBLEMS, CANCEL }

  private InvalidPushQuestion() {}

  static Answer ask(UiContext ctx, String clusterId, List<Diagnostic> errors) {
    I18n i18n = ctx.i18n();
    ButtonType push = new ButtonType(i18n.text("sync.invalid.push"), ButtonData.OTHER);
    ButtonType problems = new ButtonType(i18n.text("sync.invalid.problems"), ButtonData.LEFT);
    ButtonType cancel = new ButtonType(i18n.text("unsaved.cancel"), ButtonData.CANCEL_CLOSE);
    Alert alert = new Alert(Alert.AlertType.WARNING, "", push, problems, cancel);
    alert.setTitle(i18n.text("app.title"));
    alert.setHeaderText(i18n.text("sync.invalid.header", clusterId, errors.size()));
    Label text = new Label(i18n.text("sync.invalid.text"));
    text.setWrapText(true);
    ListView<String> list = new ListView<>();
    list.setId("invalid-push-errors");
    list.getItems().setAll(errors.stream()
        .map(d -> ProblemsView.message(i18n, d) + "  (" + ProblemsView.where(i18n, d) + ")").toList());
    list.setPrefHeight(Math.min(8, errors.size()) * 28 + 8);
    list.setPrefWidth(640);
    VBox content = new VBox(8, text, list);
    VBox.setVgrow(list, Priority.ALWAYS);
    alert.getDialogPane().setContent(content);
    alert.getDialogPane().setId("invalid-push");
    alert.setResizable(true);
    ((Button) alert.getDialogPane().lookupButton(push)).setDefaultButton(false);
    ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
    UiContext.ownedByTheActiveWindow(alert);
    ButtonType answer = alert.showAndWait().orElse(cancel);
    return answer == push ? Answer.PUSH : answer == problems ? Answer.SHOW_PROBLEMS : Answer.CANCEL;
  }
}
