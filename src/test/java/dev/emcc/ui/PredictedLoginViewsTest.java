package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.ui.errors.ProblemsView;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.simulator.AttemptRecord;
import dev.emcc.ui.simulator.PredictionBox;
import dev.emcc.ui.simulator.SimulatorView;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13: the Problems view and the checklist say, for a finding that predicts a login error,
 * which login would fail, and a button runs exactly that login in the trainer's view.
 */
@ExtendWith(ApplicationExtension.class)
class PredictedLoginViewsTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    // TOKYO's Default TFTP Server for EMCC Login Device names no node: 39
    Workspace ws = DemoWorkspace.create().updateCluster(DemoWorkspace.TOKYO, c -> c.withEmccFeatureConfig(
        c.emccFeatureConfig().withTftpServers("cucm-tftp.tokyo.example.com", c.emccFeatureConfig().backupTftpServer())));
    console = new ConsoleFixture(stage, ws, I18n.ENGLISH);
    console.model.setValidator(Validator.standard()::validate);
  }

  private void validate(FxRobot robot) throws Exception {
    robot.interact(() -> ProblemsView.validate(console.ctx, console.shell));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !console.model.problems().isEmpty());
  }

  @Test
  void problemsNamesTheLoginAndRunsItInTheSimulator(FxRobot robot) throws Exception {
    validate(robot);
    robot.interact(() -> console.shell.open("problems"));
    @SuppressWarnings("unchecked")
    TableView<Diagnostic> table = robot.lookup("#problems").queryAs(TableView.class);
    Diagnostic tftp = console.model.problems().stream().filter(d -> "emcc.tftpServer".equals(d.rule())).findFirst()
        .orElseThrow();
    robot.interact(() -> table.getSelectionModel().select(tftp));
    PredictionBox box = robot.lookup("#problem-prediction").queryAs(PredictionBox.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, box::searched);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#problem-prediction-text").queryAs(Label.class).getText())
        .isEqualTo("A login on SEP00AABBCC0201 (OSAKA) by alice would fail with 39.");
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(robot.lookup("#problem-prediction-text").queryAs(Label.class).getText())
        .isEqualTo("alice による SEP00AABBCC0201 (OSAKA) でのログインは 39 で失敗します。");
    robot.interact(() -> console.i18n.setLocale(I18n.ENGLISH));

    robot.clickOn("#problem-prediction-run");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("simulator");
    SimulatorView sim = (SimulatorView) WaitForAsyncUtils.asyncFx(() -> console.shell.open("simulator")).get();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !sim.log().isEmpty());
    AttemptRecord r = sim.log().get(0);
    assertThat(r.phone()).isEqualTo("OSAKA/SEP00AABBCC0201");
    assertThat(r.user()).isEqualTo("alice");
    assertThat(r.code()).isEqualTo(39);
    // the saved workspace keeps alice's PIN: the run used a copy
    assertThat(console.model.workspace().cluster("TOKYO").orElseThrow().endUser("alice").orElseThrow()
        .pinMatches(DemoWorkspace.pin("alice"))).isTrue();
  }

  @Test
  void theChecklistStepShowsTheSameLogin(FxRobot robot) throws Exception {
    validate(robot);
    robot.interact(() -> console.shell.open("checklist"));
    PredictionBox box = robot.lookup("#check-6-prediction").queryAs(PredictionBox.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, box::searched);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#check-6-prediction-text").queryAs(Label.class).getText())
        .isEqualTo("A login on SEP00AABBCC0201 (OSAKA) by alice would fail with 39.");
  }
}
