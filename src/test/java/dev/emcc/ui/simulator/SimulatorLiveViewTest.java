package dev.emcc.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Validator;
import dev.emcc.sim.SimulationResult;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trainer's view with the live switch on: alice logs in over the wire on the demo workspace,
 * then a missing certificate and a down WAN fail over the wire with the codes the in-process
 * engine gives for the same attempts; switching back starts a fresh in-process session.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatorLiveViewTest {
  private static final String PHONE = "SEP00AABBCC0201";
  private final Workspace saved = DemoWorkspace.create();
  private UiContext ctx;
  private SimulatorView view;

  @Start
  void start(Stage stage) {
    Themes.LIGHT.apply();
    ConsoleModel model = new ConsoleModel();
    model.setValidator(Validator.standard()::validate);
    model.load(saved);
    ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    Shell shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
    view = (SimulatorView) shell.open("simulator");
  }

  @AfterEach
  void stopNodes() {
    view.close();
  }

  private AttemptRecord press(FxRobot robot, String button, int expectedLogSize) throws Exception {
    robot.clickOn(button);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.log().size() == expectedLogSize);
    WaitForAsyncUtils.waitForFxEvents();
    return view.log().get(0);
  }

  @Test
  void overTheWireAliceLogsInThenAMissingCertificateAndADownWanFailWithTheInProcessCodes(FxRobot robot)
      throws Exception {
    robot.clickOn("#sim-live");
    assertThat(view.isLive()).isTrue();
    assertThat(ctx.statusProperty().get()).contains("Over the wire").contains("fresh session");
    robot.interact(() -> view.select(DemoWorkspace.OSAKA, PHONE, "alice", DemoWorkspace.pin("alice")));

    AttemptRecord ok = press(robot, "#sim-login", 1);
    assertThat(ok.result()).isEqualTo("success");
    assertThat(ok.live()).isTrue();
    assertThat(view.liveNodes()).isPositive();
    assertThat(view.phoneScreenText()).contains("Alice Sato");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup(".step-wire").queryAll().isEmpty());
    assertThat(robot.lookup("#sim-summary").queryAs(Label.class).getText()).startsWith("Over the wire (HTTPS)");

    assertThat(press(robot, "#sim-logout", 2).result()).isEqualTo("success");

    robot.clickOn("#fault-certificate-missing");
    AttemptRecord noCert = press(robot, "#sim-login", 3);
    assertThat(noCert.code()).isEqualTo(208);
    assertThat(noCert.live()).isTrue();
    assertThat(noCert.faults()).containsExactly("CERTIFICATE_MISSING");
    assertThat(view.phoneScreenText()).contains("Code 208");

    robot.clickOn("#reset-faults");
    robot.clickOn("#fault-wan-down");
    AttemptRecord wanDown = press(robot, "#sim-login", 4);
    assertThat(wanDown.live()).isTrue();
    assertThat(wanDown.faults()).containsExactly("WAN_DOWN");

    // the same four attempts in process give the same results and codes
    List<AttemptRecord> wire = new ArrayList<>(view.log());
    java.util.Collections.reverse(wire);
    List<Integer> inProcess = new ArrayList<>();
    List<Set<Fault>> faults = List.of(EnumSet.noneOf(Fault.class), EnumSet.noneOf(Fault.class),
        EnumSet.of(Fault.CERTIFICATE_MISSING), EnumSet.of(Fault.WAN_DOWN));
    try (TrainerSession s = TrainerSession.inProcess()) {
      for (int i = 0; i < 4; i++) {
        Fault.Attempt a = Fault.apply(faults.get(i), new Fault.Attempt(DemoWorkspace.OSAKA, PHONE, "alice",
            DemoWorkspace.pin("alice"), null));
        SimulationResult r = s.attempt(i == 1, Fault.apply(faults.get(i), saved, a), faults.get(i), a);
        inProcess.add(r.code());
      }
    }
    assertThat(wire.stream().map(AttemptRecord::code).toList()).isEqualTo(inProcess);
    assertThat(inProcess.get(3)).isEqualTo(208);

    // the faults gone, alice logs in over the wire again and stays logged in
    robot.clickOn("#reset-faults");
    assertThat(press(robot, "#sim-login", 5).result()).isEqualTo("success");

    // switching back, said in the UI language: a fresh session in process, the nodes stopped
    robot.interact(() -> ctx.i18n().setLocale(I18n.JAPANESE));
    robot.clickOn("#sim-live");
    assertThat(view.isLive()).isFalse();
    assertThat(ctx.statusProperty().get()).contains("プロセス内").contains("新しいセッション");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.liveNodes() == 0);
    // in the old session the phone is busy; in the fresh one nobody is logged in
    AttemptRecord again = press(robot, "#sim-login", 6);
    assertThat(again.result()).isEqualTo("success");
    assertThat(again.live()).isFalse();
    assertThat(robot.lookup(".step-wire").queryAll()).isEmpty();
  }
}
