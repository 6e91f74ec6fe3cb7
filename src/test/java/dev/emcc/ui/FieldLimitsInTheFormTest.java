package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.schema.EmccFeatureConfigFields;
import dev.emcc.schema.Limits;
import dev.emcc.ui.kit.I18n;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A field's editor says what {@code emcc validate} says of the same value, in either language. */
@ExtendWith(ApplicationExtension.class)
class FieldLimitsInTheFormTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private String error(FxRobot robot, String key) {
    return robot.lookup("#error-" + key).queryAs(Label.class).getText();
  }

  /** The validator's one finding on a workspace changed as the form was. */
  private static Diagnostic validated(Workspace ws, String rule) {
    List<Diagnostic> found = Validator.standard().validate(ws).stream().filter(d -> d.rule().equals(rule)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aTooLongNameReadsAsTheValidatorSaysInBothLanguages(FxRobot robot) {
    robot.interact(() -> console.shell.open("phone"));
    TextField name = robot.lookup("#field-name").queryAs(TextField.class);
    String bad = "SEP00AABBCC01011";
    robot.interact(() -> name.setText(bad));
    Diagnostic d = validated(DemoWorkspace.create().updateCluster(DemoWorkspace.TOKYO, c -> c.withPhones(
        c.phones().stream().map(p -> p.name().equals("SEP00AABBCC0101") ? p.withName(bad) : p).toList())),
        "field.maxLength");
    assertThat(error(robot, "name")).isEqualTo(d.message());
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    assertThat(error(robot, "name")).isEqualTo(d.messageJa());
  }

  @Test
  void aNumberOutOfRangeAndATextThatIsNoNumber(FxRobot robot) {
    robot.interact(() -> console.shell.open("emccFeatureConfig"));
    String key = EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_INTERVAL.key();
    TextField interval = robot.lookup("#field-" + key).queryAs(TextField.class);
    robot.interact(() -> interval.setText("14"));
    Diagnostic d = validated(DemoWorkspace.create().updateCluster(DemoWorkspace.TOKYO, c -> c.withEmccFeatureConfig(
        c.emccFeatureConfig().withIntervals(1440, 15, 14))), "field.range");
    assertThat(error(robot, key)).isEqualTo(d.message());
    robot.interact(() -> interval.setText("half an hour"));
    assertThat(error(robot, key)).isEqualTo(
        Limits.notAnInteger(EmccFeatureConfigFields.REMOTE_CLUSTER_UPDATE_INTERVAL, "half an hour").text("en"))
        .startsWith("Remote Cluster Update Interval: ");
  }

  @Test
  void aMissingMandatoryValue(FxRobot robot) {
    robot.interact(() -> console.shell.open("sipTrunk"));
    javafx.scene.control.TextArea destinations = robot.lookup("#field-destinations")
        .queryAs(javafx.scene.control.TextArea.class);
    robot.interact(() -> destinations.setText(""));
    assertThat(error(robot, "destinations")).isEqualTo("Destination Addresses is required.");
  }
}
