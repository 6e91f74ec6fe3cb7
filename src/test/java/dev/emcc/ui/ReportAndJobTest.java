package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.ui.forms.PhoneFeatureListView;
import dev.emcc.ui.kit.I18n;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** End to end: the Phone Feature List exported to CSV as shown; the Insert EMCC job refuses a bad count, inserts, undoes. */
@ExtendWith(ApplicationExtension.class)
class ReportAndJobTest {
  private ConsoleFixture console;
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private Cluster tokyo() {
    return console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow();
  }

  private String message(FxRobot robot) {
    return robot.lookup("#window-phoneFeatureList #message").queryAs(Label.class).getText();
  }

  @Test
  void phoneFeatureListExportsTheShownRows(FxRobot robot) throws IOException, TimeoutException {
    robot.interact(() -> console.shell.open("phoneFeatureList"));
    robot.clickOn("#only-emcc");
    TableView<?> table = robot.lookup("#report").queryAs(TableView.class);
    int shown = table.getItems().size();
    assertThat(shown).isPositive();
    Path csv = dir.resolve("features.csv");
    robot.interact(() -> ((PhoneFeatureListView) console.shell.open("phoneFeatureList")).export(csv));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message(robot).startsWith("Exported"));
    assertThat(message(robot)).isEqualTo("Exported " + shown + " rows to features.csv.");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(shown + 1);
    assertThat(lines.get(0)).isEqualTo("Product,Protocols,Extension Mobility Cross Cluster,Phones");
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",Yes,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Cisco 8865,"));

    // a folder is not a file: the failure is said, nothing crashes
    robot.interact(() -> ((PhoneFeatureListView) console.shell.open("phoneFeatureList")).export(dir));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message(robot).startsWith("Could not write"));
  }

  @Test
  void insertJobRefusesABadCountThenInsertsAndUndoes(FxRobot robot) throws TimeoutException {
    robot.interact(() -> console.shell.open("emccDevices"));
    int before = tokyo().emccDevices().names().size();
    robot.clickOn("#field-count").write("0");
    robot.clickOn("#insert-submit");
    assertThat(robot.lookup("#window-emccDevices #message").queryAs(Label.class).getText()).startsWith("Must be between 1");
    assertThat(tokyo().emccDevices().names()).hasSize(before);

    robot.interact(() -> robot.lookup("#field-count").queryAs(TextField.class).setText("250"));
    robot.clickOn("#insert-submit");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tokyo().emccDevices().names().size() == before + 250);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#already-in-database").queryAs(Label.class).getText()).isEqualTo(String.format("%,d", before + 250));
    robot.interact(() -> console.model.undo());
    assertThat(tokyo().emccDevices().names()).hasSize(before);
  }

  /** Seed steps 4-6 (lines 404-422): Run Immediately and Submit are separate; the job is checked in the Job Scheduler. */
  @Test
  void runLaterWaitsInTheJobSchedulerUntilRunThere(FxRobot robot) throws Exception {
    robot.interact(() -> console.shell.open("emccDevices"));
    int before = tokyo().emccDevices().names().size();
    robot.interact(() -> robot.lookup("#field-count").queryAs(TextField.class).setText("3"));
    robot.clickOn("#insert-run-later");
    robot.clickOn("#insert-submit");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tokyo().emccDevices().names()).hasSize(before);
    dev.emcc.ui.forms.EmccDevicesView view = (dev.emcc.ui.forms.EmccDevicesView) WaitForAsyncUtils.asyncFx(
        () -> console.shell.open("emccDevices")).get();
    assertThat(view.jobLines()).singleElement().satisfies(l -> assertThat(l).startsWith("Job 1000: Insert 3 EMCC devices: Pending."));

    robot.clickOn("#run-pending-jobs");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tokyo().emccDevices().names().size() == before + 3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.jobLines().get(0)).isEqualTo("Job 1000: Insert 3 EMCC devices: Completed.  Inserted 3 EMCC devices.");

    // Run Immediately (the default) runs the next one at once, and the scheduler lists it too
    robot.clickOn("#insert-run-immediately");
    robot.interact(() -> robot.lookup("#field-count").queryAs(TextField.class).setText("2"));
    robot.clickOn("#insert-submit");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tokyo().emccDevices().names().size() == before + 5);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.jobLines()).hasSize(2);
    assertThat(view.jobLines().get(0)).startsWith("Job 1001: Insert 2 EMCC devices: Completed.");
  }
}
