package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.ui.checklist.ChecklistView;
import dev.emcc.ui.checklist.ChecklistView.State;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.picture.ClusterPictureView;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The checklist follows the validator; the picture marks a remote-cluster link with TFTP on as bad. */
@ExtendWith(ApplicationExtension.class)
class ChecklistAndPictureTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  @Test
  void demoIsDoneAndABrokenPhoneMarksStepTwoE() {
    Workspace demo = DemoWorkspace.create();
    Cluster tokyo = demo.cluster(DemoWorkspace.TOKYO).orElseThrow();
    List<Diagnostic> none = Validator.standard().validate(demo);
    for (ChecklistView.Step step : ChecklistView.STEPS) {
      assertThat(ChecklistView.state(step, tokyo, none)).as("step " + step.id()).isEqualTo(State.DONE);
    }
    Workspace broken = demo.updateCluster(DemoWorkspace.TOKYO, c -> c.withPhones(
        c.phones().stream().map(p -> p.withEnableExtensionMobility(false)).toList()));
    List<Diagnostic> found = Validator.standard().validate(broken);
    Cluster brokenTokyo = broken.cluster(DemoWorkspace.TOKYO).orElseThrow();
    ChecklistView.Step phones = ChecklistView.STEPS.stream().filter(s -> s.id().equals("2e")).findFirst().orElseThrow();
    assertThat(ChecklistView.state(phones, brokenTokyo, found)).isEqualTo(State.PROBLEMS);
    Cluster empty = Cluster.empty("NEW", "14.0");
    assertThat(ChecklistView.state(phones, empty, List.of())).isEqualTo(State.NOT_STARTED);
  }

  @Test
  void pictureShowsBothLinksAndTftpOnIsBad(FxRobot robot) {
    robot.interact(() -> console.shell.open("clusterPicture"));
    assertThat(robot.lookup("#link-TOKYO-OSAKA").queryAs(Label.class).getText()).contains("EMCC");
    assertThat(robot.lookup("#link-OSAKA-TOKYO").tryQuery()).isPresent();
    Workspace ws = console.model.workspace();
    RemoteCluster osaka = ws.cluster(DemoWorkspace.TOKYO).orElseThrow().remoteClusters().get(0);
    assertThat(ClusterPictureView.linkOk(ws, osaka)).isTrue();
    assertThat(ClusterPictureView.linkOk(ws, osaka.withServices(osaka.services().withTftp(true)))).isFalse();
    assertThat(ClusterPictureView.linkOk(ws, osaka.withClusterId("NAGOYA"))).isFalse();
  }
}
