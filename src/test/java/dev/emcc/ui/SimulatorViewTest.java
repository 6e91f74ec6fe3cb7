package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Validator;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.simulator.AttemptRecord;
import dev.emcc.ui.simulator.SimulatorView;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The trainer's view: alice logs in on an Osaka phone, then injected faults fail with the right code. */
@ExtendWith(ApplicationExtension.class)
class SimulatorViewTest {
  private static final String PHONE = "SEP00AABBCC0201";
  private ConsoleFixture console;
  private Workspace saved;

  @Start
  void start(Stage stage) {
    saved = DemoWorkspace.create();
    console = new ConsoleFixture(stage, saved, I18n.ENGLISH);
    console.model.setValidator(Validator.standard()::validate);
  }

  private SimulatorView open(FxRobot robot) throws Exception {
    // the View menu's shortcut opens it, and the navigation tree's Training entry is selected
    robot.clickOn("#cluster-summary"); // focus this console's window (another test's stage may hold it)
    robot.push(javafx.scene.input.KeyCode.F9);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("simulator");
    assertThat(console.shell.nav().view().getSelectionModel().getSelectedItem().getValue().window()).isEqualTo("simulator");
    assertThat(console.shell.nav().view().getSelectionModel().getSelectedItem().getParent().getValue().labelKey())
        .isEqualTo("nav.training");
    return (SimulatorView) WaitForAsyncUtils.asyncFx(() -> console.shell.open("simulator")).get();
  }

  private AttemptRecord press(FxRobot robot, SimulatorView view, String button, int expectedLogSize) throws Exception {
    robot.clickOn(button);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.log().size() == expectedLogSize);
    WaitForAsyncUtils.waitForFxEvents();
    return view.log().get(0);
  }

  @Test
  void aliceLogsInThenAWrongPinAndAMissingCertificateFailWithTheirCodes(FxRobot robot) throws Exception {
    SimulatorView view = open(robot);
    robot.interact(() -> view.select(DemoWorkspace.OSAKA, PHONE, "alice", ""));
    robot.clickOn("#sim-pin").write("24680");
    AttemptRecord ok = press(robot, view, "#sim-login", 1);
    assertThat(ok.result()).isEqualTo("success");
    assertThat(view.phoneScreenText()).contains("Alice Sato").contains("Line 1: 1001");
    assertThat(robot.lookup(".step-fail").queryAll()).isEmpty();
    assertThat(robot.lookup(".step-ok").queryAll()).isNotEmpty();

    assertThat(press(robot, view, "#sim-logout", 2).result()).isEqualTo("success");

    robot.clickOn("#fault-wrong-pin");
    AttemptRecord wrongPin = press(robot, view, "#sim-login", 3);
    assertThat(wrongPin.code()).isEqualTo(2);
    assertThat(wrongPin.faults()).containsExactly("WRONG_PIN");
    assertThat(view.phoneScreenText()).contains("Code 2");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup(".step-fail").queryAll().isEmpty());
    assertThat(robot.lookup("#sim-summary").queryAs(Label.class).getText()).contains("The PIN is right").contains("code 2");
    assertThat(robot.lookup("#sim-cause").queryAs(Label.class).getText()).contains("Cause:");

    robot.clickOn("#reset-faults");
    robot.clickOn("#fault-certificate-missing");
    AttemptRecord noCert = press(robot, view, "#sim-login", 4);
    assertThat(noCert.code()).isEqualTo(208);
    assertThat(view.phoneScreenText()).contains("Code 208");
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(view.phoneScreenText()).contains("コード 208");

    // faults ran on a copy: the saved workspace is the one loaded
    assertThat(console.model.workspace()).isSameAs(saved);
    Hyperlink fix = robot.lookup("#sim-fix").queryAs(Hyperlink.class);
    assertThat(fix.isVisible()).isTrue();
    assertThat(fix.isDisabled()).isFalse();
    robot.interact(fix::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isNotEqualTo("simulator");
    assertThat(List.of("certificates", "remoteCluster", "serviceActivation")).contains(console.shell.current());
  }

  /** Seed line 547: the visiting Phone window's Log Out leaves an EMCC phone registered to its home. */
  @Test
  void thePhoneWindowLogOutLeavesThePhoneRegisteredToTheHomeUntilTheHomeResetsIt(FxRobot robot) throws Exception {
    SimulatorView view = open(robot);
    robot.interact(() -> view.select(DemoWorkspace.OSAKA, PHONE, "alice", ""));
    robot.clickOn("#sim-pin").write("24680");
    assertThat(press(robot, view, "#sim-login", 1).result()).isEqualTo("success");

    AttemptRecord windowLogout = press(robot, view, "#sim-phone-window-logout", 2);
    assertThat(windowLogout.action()).isEqualTo("phoneWindowLogout");
    assertThat(windowLogout.result()).isEqualTo("success");
    // the phone still shows alice's profile, registered to TOKYO
    assertThat(view.phoneScreenText()).contains("Alice Sato").contains("Still registered to TOKYO as EMCC1");
    assertThat(robot.lookup("#sim-summary").queryAs(Label.class).getText())
        .contains("stays registered to TOKYO as EMCC1");
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(view.phoneScreenText()).contains("TOKYO に EMCC1 として登録されたまま");
    robot.interact(() -> console.i18n.setLocale(I18n.ENGLISH));

    // nobody else logs in on it: it carries alice's profile from the home
    robot.interact(() -> view.select(DemoWorkspace.OSAKA, PHONE, "bob", ""));
    robot.clickOn("#sim-pin").write("13579");
    assertThat(press(robot, view, "#sim-login", 3).code()).isEqualTo(18);

    // the home resets the EMCC device: the phone is back at OSAKA and bob logs in
    robot.clickOn("#sim-reset-at-home");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> String.valueOf(console.ctx.statusProperty().get()).contains("returns to OSAKA"));
    assertThat(press(robot, view, "#sim-login", 4).result()).isEqualTo("success");
  }

  /** Seed line 547: the Phone window has the Extension Mobility Log Out; it runs in the simulator's session. */
  @Test
  void thePhoneWindowsLogOutButtonLogsOutInTheSimulatorsSession(FxRobot robot) throws Exception {
    SimulatorView view = open(robot);
    robot.interact(() -> view.select(DemoWorkspace.OSAKA, PHONE, "alice", ""));
    robot.clickOn("#sim-pin").write("24680");
    assertThat(press(robot, view, "#sim-login", 1).result()).isEqualTo("success");

    robot.interact(() -> console.model.clusterIdProperty().set(DemoWorkspace.OSAKA));
    robot.interact(() -> console.shell.open("phone"));
    robot.clickOn(PHONE);
    robot.clickOn("#phone-log-out");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.log().size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("simulator");
    assertThat(view.log().get(0).action()).isEqualTo("phoneWindowLogout");
    assertThat(view.phoneScreenText()).contains("Still registered to TOKYO as EMCC1");
  }
}
