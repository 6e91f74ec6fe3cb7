package dev.emcc.ui.simulator;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.schema.Windows;
import dev.emcc.sim.PredictedLogin;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/**
 * Under a finding that predicts a login error: "a login on PHONE (CLUSTER) by USER would fail
 * with CODE" and a button that runs exactly that login in the trainer's view. The login is found
 * off the JavaFX thread ({@link Predictions}); a newer finding replaces an older one still running.
 */
public final class PredictionBox extends FlowPane {
  private final UiContext ctx;
  private final Shell shell;
  private final I18n i18n;
  private final Label text = new Label();
  private final Button run = new Button();
  private Diagnostic shown;
  private Optional<PredictedLogin.Run> found = Optional.empty();
  private boolean searched;
  private int generation;

  public PredictionBox(UiContext ctx, Shell shell, String id) {
    super(10, 4);
    this.ctx = ctx;
    this.shell = shell;
    this.i18n = ctx.i18n();
    setId(id);
    setAlignment(Pos.CENTER_LEFT);
    text.setId(id + "-text");
    text.setWrapText(true);
    run.setId(id + "-run");
    run.textProperty().bind(i18n.bind("predicted.run"));
    run.getStyleClass().add(Styles.SMALL);
    run.setOnAction(e -> found.ifPresent(r -> {
      SimulatorView view = (SimulatorView) shell.open(Windows.SIMULATOR.id());
      view.runPredicted(r);
    }));
    getChildren().addAll(text, run);
    i18n.localeProperty().addListener((o, a, b) -> render());
    show(null);
  }

  /** Shows the prediction of a finding (nothing for null or a finding without a code). */
  public void show(Diagnostic d) {
    shown = d;
    found = Optional.empty();
    searched = false;
    int mine = ++generation;
    boolean predicts = d != null && d.predictedError() != null;
    setVisible(predicts);
    setManaged(predicts);
    if (!predicts) {
      return;
    }
    render();
    Workspace ws = ctx.model().workspace();
    Task<Optional<PredictedLogin.Run>> task = new Task<>() {
      @Override protected Optional<PredictedLogin.Run> call() {
        return Predictions.run(ws, d);
      }
    };
    task.setOnSucceeded(e -> {
      if (mine == generation) {
        found = task.getValue();
        searched = true;
        render();
      }
    });
    shell.run(task);
  }

  /** The login found for the finding shown, once found (tests). */
  public Optional<PredictedLogin.Run> found() {
    return found;
  }

  /** True once the search for the finding shown has ended (tests). */
  public boolean searched() {
    return searched;
  }

  private void render() {
    if (shown == null || shown.predictedError() == null) {
      return;
    }
    run.setDisable(found.isEmpty());
    if (found.isEmpty()) {
      text.setText(i18n.text(searched ? "predicted.none" : "predicted.working", shown.predictedError()));
      return;
    }
    PredictedLogin.Candidate c = found.get().candidate();
    text.setText(i18n.text(found.get().again() ? "predicted.loginAgain" : "predicted.login", c.phone(),
        c.visitingCluster(), c.userId(), shown.predictedError()));
  }
}
