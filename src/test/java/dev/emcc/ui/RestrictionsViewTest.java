package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.catalog.Restrictions;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.help.RestrictionsView;
import dev.emcc.ui.kit.I18n;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The help page "Restrictions and interactions": reached from the checklist, linked to its windows, both languages. */
@ExtendWith(ApplicationExtension.class)
class RestrictionsViewTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  @Test
  void everyWindowATopicNamesIsOneTheConsoleOpens() {
    for (Restrictions.Topic t : Restrictions.all()) {
      assertThat(Views.ids()).as(t.id()).containsAll(t.windows());
    }
    assertThat(Views.ids()).contains("restrictions");
  }

  @Test
  void theChecklistLeadsToThePageWhoseLinksOpenTheirWindows(FxRobot robot) throws Exception {
    robot.interact(() -> console.shell.open("checklist"));
    robot.clickOn("#checklist-restrictions");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("restrictions");
    assertThat(robot.lookup("#restriction-pstnAccess").queryAs(VBox.class).getChildren())
        .anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(Label.class,
            l -> assertThat(l.getText()).contains("E911 calls are routed to the local gateway")));

    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(robot.lookup("#restriction-pstnAccess").queryAs(VBox.class).getChildren())
        .anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(Label.class,
            l -> assertThat(l.getText()).contains("E911 コールは PSTN のローカル ゲートウェイにルーティングされます。")));
    robot.interact(() -> console.i18n.setLocale(I18n.ENGLISH));

    RestrictionsView view = (RestrictionsView) WaitForAsyncUtils.asyncFx(() -> console.shell.open("restrictions")).get();
    robot.interact(() -> view.reveal("unsupported", null));
    assertThat(view.revealed()).isEqualTo("unsupported");

    robot.interact(() -> robot.lookup("#restriction-pstnAccess-interclusterServiceProfile")
        .queryAs(javafx.scene.control.Hyperlink.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("interclusterServiceProfile");
  }

  @Test
  void aWindowTheTablesConcernLinksToItsFirstTopic(FxRobot robot) throws Exception {
    robot.interact(() -> console.shell.open("interclusterServiceProfile"));
    robot.clickOn("#restrictions-link");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("restrictions");
    RestrictionsView view = (RestrictionsView) WaitForAsyncUtils.asyncFx(() -> console.shell.open("restrictions")).get();
    assertThat(view.revealed()).isEqualTo("callAdmissionControl");
    // a window the tables say nothing about has no link
    robot.interact(() -> console.shell.open("geolocation"));
    assertThat(robot.lookup("#restrictions-link").tryQuery()).isEmpty();
  }
}
