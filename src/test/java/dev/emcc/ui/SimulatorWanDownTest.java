package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.rules.Validator;
import dev.emcc.sim.ScenarioCatalog;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.Simulator;
import dev.emcc.sim.Step;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.simulator.Fault;
import dev.emcc.ui.simulator.SimulatorView;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trainer's result of a login with the WAN down: every step numbered as emcc simulate numbers
 * it, each failed one with its own reason, no "Fix it" for a fault no setting fixes, the diagram's
 * text inside the diagram on its own band, readable in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatorWanDownTest {
  private static final String PHONE = "SEP00AABBCC0201";
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
    console.model.setValidator(Validator.standard()::validate);
  }

  @AfterEach
  void light() {
    Themes.LIGHT.apply();
  }

  private SimulatorView login(FxRobot robot, Set<Fault> faults) throws Exception {
    SimulatorView view = (SimulatorView) WaitForAsyncUtils.asyncFx(() -> console.shell.open("simulator")).get();
    int before = view.log().size();
    robot.interact(() -> {
      faults.forEach(f -> view.setFault(f, true));
      view.loginNow(DemoWorkspace.OSAKA, PHONE, "alice", DemoWorkspace.pin("alice"), faults);
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.log().size() == before + 1);
    WaitForAsyncUtils.waitForFxEvents();
    return view;
  }

  private List<Label> stepTexts(FxRobot robot) {
    return robot.lookup("#sequence-diagram .step-text").queryAllAs(Label.class).stream()
        .sorted(Comparator.comparingDouble(Node::getLayoutY)).toList();
  }

  @Test
  void stepsAreNumberedAsTheCommandLineNumbersThemEachWithItsReason(FxRobot robot) throws Exception {
    login(robot, Set.of(Fault.WAN_DOWN));
    // emcc simulate --scenario e208-wan-down: the same login, the same steps
    SimulationResult cli = Simulator.run(ScenarioCatalog.scenario("e208-wan-down").orElseThrow());
    List<Label> rows = stepTexts(robot);
    assertThat(rows).hasSize(cli.steps().size());
    for (int i = 0; i < rows.size(); i++) {
      Step s = cli.steps().get(i);
      assertThat(rows.get(i).getText()).startsWith((i + 1) + " " + (s.ok() ? "\u2713" : "\u2717") + " ")
          .endsWith(" \u2014 " + s.message());
    }
    // the check "Find the home cluster" fails twice: each line says why
    List<String> failed = rows.stream().map(Label::getText).filter(t -> t.contains("\u2717")).toList();
    assertThat(failed).containsExactly(
        "8 \u2717 Find the home cluster \u2014 The WAN between OSAKA and TOKYO is down.",
        "9 \u2717 Find the home cluster \u2014 alice was not found, and a remote cluster could not be asked (code 208).");
    assertThat(robot.lookup("#sim-summary").queryAs(Label.class).getText())
        .isEqualTo("Failed at step 8 (Find the home cluster): code 208");

    // no setting fixes a WAN outage: no "Fix it", the console says what ends it, the cluster stays
    assertThat(robot.lookup("#sim-fix").queryAs(Hyperlink.class).isVisible()).isFalse();
    Label noFix = robot.lookup("#sim-no-fix").queryAs(Label.class);
    assertThat(noFix.isVisible()).isTrue();
    assertThat(noFix.getText()).startsWith("No setting fixes this: the WAN between the clusters is down");
    assertThat(console.model.clusterIdProperty().get()).isEqualTo(DemoWorkspace.TOKYO);

    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(stepTexts(robot).get(7).getText()).isEqualTo("8 \u2717 ホーム クラスタを探す \u2014 "
        + cli.steps().get(7).messageJa());
    assertThat(noFix.getText()).startsWith("設定では直せません");
  }

  @Test
  void aFixInTheOtherClusterSaysItSwitchedTheCluster(FxRobot robot) throws Exception {
    login(robot, Set.of(Fault.CERTIFICATE_MISSING));
    assertThat(robot.lookup("#sim-no-fix").queryAs(Label.class).isVisible()).isFalse();
    Hyperlink fix = robot.lookup("#sim-fix").queryAs(Hyperlink.class);
    assertThat(fix.isVisible()).isTrue();
    assertThat(fix.getText()).endsWith("(OSAKA)");
    robot.interact(fix::fire);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.model.clusterIdProperty().get()).isEqualTo(DemoWorkspace.OSAKA);
    assertThat(console.ctx.statusProperty().get()).startsWith("Now showing cluster OSAKA: ");
  }

  /** Each step's text stays inside the diagram, on an opaque band, and reads well light and dark. */
  @Test
  void theDiagramsTextStaysInsideAndReadsInBothThemes(FxRobot robot) throws Exception {
    for (Themes theme : Themes.values()) {
      robot.interact(() -> console.shell.themeProperty().set(theme));
      login(robot, Set.of(Fault.WAN_DOWN));
      Region diagram = robot.lookup("#sequence-diagram").queryAs(Region.class);
      for (Label row : stepTexts(robot)) {
        assertThat(row.getBoundsInParent().getMaxX()).as(row.getText()).isLessThanOrEqualTo(diagram.getWidth());
        Color background = (Color) row.getBackground().getFills().get(0).getFill();
        assertThat(background.getOpacity()).isEqualTo(1.0);
        assertThat(contrast((Color) row.getTextFill(), background)).as(theme + ": " + row.getText())
            .isGreaterThanOrEqualTo(4.5);
      }
    }
  }

  /** WCAG 2 contrast ratio of two colours. */
  private static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
