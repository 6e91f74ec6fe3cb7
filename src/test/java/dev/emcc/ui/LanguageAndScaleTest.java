package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Line;
import dev.emcc.model.Protocol;
import dev.emcc.model.Workspace;
import dev.emcc.ui.kit.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Language switch at run time, and the device profile list with 40,000 profiles. */
@ExtendWith(ApplicationExtension.class)
class LanguageAndScaleTest {
  private static final int PROFILES = 40_000;
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    List<DeviceProfile> profiles = new ArrayList<>(PROFILES);
    for (int i = 0; i < PROFILES; i++) {
      profiles.add(DeviceProfile.of("UDP_user" + i, "Cisco 8865", Protocol.SIP,
          List.of(new Line(1, String.valueOf(100000 + i), null))));
    }
    Cluster big = Cluster.empty("BIG", "14.0").withDeviceProfiles(profiles);
    console = new ConsoleFixture(stage, Workspace.of(List.of(big)), I18n.ENGLISH);
  }

  @Test
  void switchingToJapaneseRelabelsTheOpenWindow(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    Label name = robot.lookup("#label-name").queryAs(Label.class);
    assertThat(name.getText()).isEqualTo("Device Profile Name *");
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(name.getText()).isEqualTo("デバイスプロファイル名 *");
    assertThat(robot.lookup("#label-dndIncomingCallAlert").queryAs(Label.class).getText()).isEqualTo("DND 着信呼警告");
    assertThat(robot.lookup("#window-title").queryAs(Label.class).getText()).isEqualTo("デバイス プロファイル");
    assertThat(robot.lookup("#add-new").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("新規追加");
    robot.interact(() -> console.i18n.setLocale(I18n.ENGLISH));
    assertThat(name.getText()).isEqualTo("Device Profile Name *");
  }

  @Test
  void filterFindsOneProfileAmongFortyThousand(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    @SuppressWarnings("unchecked")
    TableView<DeviceProfile> table = robot.lookup("#list").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(PROFILES);
    robot.clickOn("#filter").write("user3999");
    // user3999, user39990 ... user39999
    assertThat(table.getItems()).hasSize(11);
    robot.interact(() -> robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class).setText("139999"));
    assertThat(table.getItems()).extracting(DeviceProfile::name).containsExactly("UDP_user39999");
    robot.clickOn("UDP_user39999");
    assertThat(robot.lookup("#field-lines").queryAs(TableView.class).getItems()).hasSize(1);
    assertThat(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
        && "139999".equals(c.getText())).tryQuery()).isPresent();
  }
}
