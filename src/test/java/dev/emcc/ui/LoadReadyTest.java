package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Validator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A loaded workspace is shown at once, before its first check is in, and the status bar says so
 * and then says when the workspace is ready (issue 18): here the check is held until the test
 * lets it go.
 */
@ExtendWith(ApplicationExtension.class)
class LoadReadyTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private static String status(UiContext ctx) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> ctx.statusProperty().get()).get(10, TimeUnit.SECONDS);
  }

  private static void await(UiContext ctx, String text) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
      try {
        return text.equals(status(ctx));
      } catch (Exception e) {
        return false;
      }
    });
  }

  private void showsTheWorkspaceBeforeItIsCheckedAndSaysWhenItIsReady(FxRobot robot, Locale lang, String checking,
      IntFunction<String> ready) throws Exception {
    CountDownLatch letGo = new CountDownLatch(1);
    Workspace demo = DemoWorkspace.create();
    int problems = Validator.standard().validate(demo).size();
    ConsoleFixture[] console = new ConsoleFixture[1];
    robot.interact(() -> {
      console[0] = new ConsoleFixture(stage, Workspace.of(List.of()), lang);
      console[0].model.setValidator(ws -> {
        try {
          letGo.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Validator.standard().validate(ws);
      });
      console[0].shell.load(() -> demo, "demo.db");
    });
    UiContext ctx = console[0].ctx;
    await(ctx, checking);
    // the data is there while the check still waits
    assertThat(WaitForAsyncUtils.asyncFx(() -> console[0].model.workspace()).get(10, TimeUnit.SECONDS)).isEqualTo(demo);
    assertThat(WaitForAsyncUtils.asyncFx(() -> console[0].model.problemsOfProperty().get()).get(10, TimeUnit.SECONDS))
        .isNull();
    letGo.countDown();
    await(ctx, ready.apply(problems));
  }

  @Test
  void inEnglish(FxRobot robot) throws Exception {
    showsTheWorkspaceBeforeItIsCheckedAndSaysWhenItIsReady(robot, Locale.ENGLISH, "Loaded demo.db; checking it…",
        n -> "demo.db is ready: " + (n == 0 ? "no problems" : n == 1 ? "1 problem" : n + " problems") + " found.");
  }

  @Test
  void inJapanese(FxRobot robot) throws Exception {
    showsTheWorkspaceBeforeItIsCheckedAndSaysWhenItIsReady(robot, Locale.JAPANESE, "demo.db を読み込みました。検証しています…",
        n -> "demo.db の準備ができました（問題 " + n + " 件）。");
  }
}
