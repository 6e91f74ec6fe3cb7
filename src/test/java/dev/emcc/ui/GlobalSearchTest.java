package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+K: type, Enter opens the object in its cluster and window; windows and error codes found too. */
@ExtendWith(ApplicationExtension.class)
class GlobalSearchTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private void ctrlK(FxRobot robot) {
    robot.targetWindow(console.shell.root().getScene().getWindow());
    robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
  }

  private void searchAndOpen(FxRobot robot, String text, String expectFirstLabel) throws TimeoutException {
    ctrlK(robot);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.search().isShowing()).isTrue();
    robot.interact(() -> robot.lookup("#search-query").queryAs(TextField.class).setText(""));
    robot.targetWindow(robot.lookup("#search-query").queryAs(TextField.class).getScene().getWindow());
    if (text.chars().allMatch(ch -> ch < 128)) {
      robot.write(text);
    } else {
      // the headless robot types ASCII only; an IME would commit the text as a whole like this
      robot.interact(() -> robot.lookup("#search-query").queryAs(TextField.class).setText(text));
    }
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !console.shell.search().results().isEmpty()
        && console.shell.search().results().get(0).label().equals(expectFirstLabel));
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.search().isShowing()).isFalse();
  }

  @Test
  void ctrlKOpensAProfileOfTheOtherCluster(FxRobot robot) throws TimeoutException {
    assertThat(console.model.clusterIdProperty().get()).isEqualTo(DemoWorkspace.TOKYO);
    searchAndOpen(robot, "UDP_carol", "UDP_carol_8865");
    assertThat(console.model.clusterIdProperty().get()).isEqualTo(DemoWorkspace.OSAKA);
    assertThat(console.shell.current()).isEqualTo("deviceProfile");
    assertThat(robot.lookup("#field-name").queryAs(TextField.class).getText()).isEqualTo("UDP_carol_8865");
  }

  @Test
  void usersAreFoundByNameAndWindowsByTheirJapaneseTitle(FxRobot robot) throws TimeoutException {
    searchAndOpen(robot, "yamamoto dave", "dave");
    assertThat(console.shell.current()).isEqualTo("endUser");
    assertThat(robot.lookup("#field-userId").queryAs(TextField.class).getText()).isEqualTo("dave");

    searchAndOpen(robot, "電話", "Phone");
    assertThat(console.shell.current()).isEqualTo("phone");
  }

  @Test
  void arrowsChooseAndEscapeCloses(FxRobot robot) throws TimeoutException {
    ctrlK(robot);
    WaitForAsyncUtils.waitForFxEvents();
    robot.targetWindow(robot.lookup("#search-query").queryAs(TextField.class).getScene().getWindow());
    robot.write("UDP_");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.shell.search().results().size() > 2);
    String second = console.shell.search().results().get(1).label();
    robot.type(KeyCode.DOWN);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#field-name").queryAs(TextField.class).getText()).isEqualTo(second);

    ctrlK(robot);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.search().isShowing()).isTrue();
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.search().isShowing()).isFalse();
  }

  @Test
  void errorCodesAreResults() {
    SearchIndex index = SearchIndex.build(DemoWorkspace.create(), List.of("errorLookup"), (w, l) -> w);
    assertThat(index.search("28", Locale.ENGLISH).entries())
        .anySatisfy(e -> {
          assertThat(e.kind()).isEqualTo(SearchIndex.Kind.ERROR);
          assertThat(e.label()).isEqualTo("28");
        });
  }

  @Test
  void fortyThousandProfilesAreCappedAndTheExactNameComesFirst() {
    Workspace demo = DemoWorkspace.create();
    Cluster tokyo = demo.cluster(DemoWorkspace.TOKYO).orElseThrow();
    DeviceProfile template = tokyo.deviceProfiles().get(0);
    List<DeviceProfile> many = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      many.add(template.withName(String.format("UDP_bulk_%05d", i)));
    }
    Workspace big = demo.updateCluster(DemoWorkspace.TOKYO, c -> c.withDeviceProfiles(many));
    SearchIndex index = SearchIndex.build(big, List.of(), (w, l) -> w);
    SearchIndex.Result all = index.search("udp_bulk", Locale.ENGLISH);
    assertThat(all.entries()).hasSize(SearchIndex.LIMIT);
    assertThat(all.more()).isTrue();
    SearchIndex.Result one = index.search("UDP_bulk_31337", Locale.ENGLISH);
    assertThat(one.entries()).first().satisfies(e -> assertThat(e.label()).isEqualTo("UDP_bulk_31337"));
    assertThat(one.more()).isFalse();
  }
}
