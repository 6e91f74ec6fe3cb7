package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.ApplicationUser;
import dev.emcc.ui.kit.I18n;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * User Management > Application User: the demo's emapi with both roles; a new password is checked
 * against the policy as typed, saved only as a hash, and never written out in clear.
 */
@ExtendWith(ApplicationExtension.class)
class ApplicationUserFormTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private ApplicationUser emapi() {
    return console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().applicationUsers().get(0);
  }

  @Test
  void aNewPasswordMeetsThePolicyAndIsKeptOnlyAsAHash(FxRobot robot) throws Exception {
    robot.interact(() -> console.shell.open("applicationUser"));
    assertThat(emapi().userId()).isEqualTo("emapi");
    assertThat(emapi().roles()).containsExactly(ApplicationUser.EM_PROXY_RIGHTS, ApplicationUser.AXL_API_ACCESS);
    assertThat(emapi().passwordMatches("emapi-demo")).isTrue();
    PasswordField password = robot.lookup("#field-password").queryAs(PasswordField.class);
    robot.interact(() -> password.setText("short"));
    Label error = robot.lookup("#error-password").queryAs(Label.class);
    assertThat(error.getText()).isEqualTo("Password: a password has 8 to 127 characters and is not only spaces.");
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(error.getText()).isEqualTo("パスワード: パスワードは 8 ～ 127 文字で、空白のみにはできません。");
    robot.interact(() -> console.i18n.setLocale(I18n.ENGLISH));

    robot.interact(() -> password.setText("a-new-secret"));
    assertThat(error.getText()).isEmpty();
    robot.clickOn("#save");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(emapi().passwordMatches("a-new-secret")).isTrue();
    assertThat(emapi().passwordMatches("emapi-demo")).isFalse();
    assertThat(emapi().roles()).hasSize(2);
    String saved = new String(WorkspaceFormat.toBytes(console.model.workspace()), StandardCharsets.UTF_8);
    assertThat(saved).contains("\"passwordHash\"").doesNotContain("a-new-secret").doesNotContain("\"password\"");
  }
}
