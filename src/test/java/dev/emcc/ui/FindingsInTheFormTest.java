package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.MlppIndication;
import dev.emcc.model.MlppPreemption;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.rules.Validator;
import dev.emcc.ui.forms.ListWindow;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A field's inline finding says its severity as Problems does, in the same colour (issue 14 item
 * 7), and goes as soon as the field holds another value, not at the next save; a choice's
 * message names the choices as the form shows them (item 6). English light and Japanese dark.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsInTheFormTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  /** TOKYO's first profile has MLPP Indication Off (error), its second Default (warning), its third no protocol and an unknown product. */
  private static Workspace workspace() {
    return DemoWorkspace.create().updateCluster(DemoWorkspace.TOKYO, c -> {
      List<DeviceProfile> ps = new java.util.ArrayList<>(c.deviceProfiles());
      ps.set(0, ps.get(0).withMlpp(MlppIndication.OFF, MlppPreemption.FORCEFUL));
      ps.set(1, ps.get(1).withMlpp(MlppIndication.DEFAULT, MlppPreemption.FORCEFUL));
      DeviceProfile p = ps.get(2);
      ps.set(2, DeviceProfile.of(p.name(), "Cisco 9999", null, p.lines()));
      return c.withDeviceProfiles(ps);
    });
  }

  private ConsoleFixture console(FxRobot robot, Locale lang, Themes theme) {
    ConsoleFixture[] f = new ConsoleFixture[1];
    robot.interact(() -> {
      f[0] = new ConsoleFixture(stage, workspace(), lang);
      theme.apply();
      f[0].model.setValidator(Validator.standard()::validate);
      f[0].model.setProblems(f[0].model.workspace(), Validator.standard().validate(f[0].model.workspace()));
    });
    return f[0];
  }

  @Test
  void englishLight(FxRobot robot) throws Exception {
    check(robot, I18n.ENGLISH, Themes.LIGHT);
  }

  @Test
  void japaneseDark(FxRobot robot) throws Exception {
    try {
      check(robot, I18n.JAPANESE, Themes.DARK);
    } finally {
      robot.interact(Themes.LIGHT::apply);
    }
  }

  private void check(FxRobot robot, Locale lang, Themes theme) throws Exception {
    ConsoleFixture console = console(robot, lang, theme);
    List<DeviceProfile> profiles = console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().deviceProfiles();
    Diagnostic error = finding(console, profiles.get(0).name(), "mlppIndication");
    Diagnostic warning = finding(console, profiles.get(1).name(), "mlppIndication");
    assertThat(error.severity()).isEqualTo(Severity.ERROR);
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);

    // Problems: each finding's severity word and colour
    robot.interact(() -> console.shell.open("problems"));
    WaitForAsyncUtils.waitForFxEvents();
    TableCell<?, ?> errorCell = severityCell(robot, console, error);
    TableCell<?, ?> warningCell = severityCell(robot, console, warning);
    assertThat(errorCell.getText()).isEqualTo(lang == I18n.ENGLISH ? "Error" : "エラー");
    assertThat(warningCell.getText()).isEqualTo(lang == I18n.ENGLISH ? "Warning" : "警告");
    Paint errorColour = errorCell.getTextFill();
    Paint warningColour = warningCell.getTextFill();
    assertThat(errorColour).isNotEqualTo(warningColour);

    // the same words and colours under the fields
    Label errorLabel = fieldFinding(robot, console, profiles.get(0).name(), "mlppIndication");
    assertThat(errorLabel.getText()).startsWith(errorCell.getText() + ": ").contains(message(error, lang));
    assertThat(errorLabel.getTextFill()).isEqualTo(errorColour);
    Label warningLabel = fieldFinding(robot, console, profiles.get(1).name(), "mlppIndication");
    assertThat(warningLabel.getText()).startsWith(warningCell.getText() + ": ").contains(message(warning, lang));
    assertThat(warningLabel.getTextFill()).isEqualTo(warningColour);

    // a choice's message names the choices as the form shows them, not as JSON values
    String third = profiles.get(2).name();
    Label protocol = fieldFinding(robot, console, third, "protocol");
    assertThat(protocol.getText()).contains("SCCP, SIP").doesNotContain("sccp").startsWith(errorCell.getText() + ": ");
    assertThat(protocol.getTextFill()).isEqualTo(errorColour);
    Label product = fieldFinding(robot, console, third, "productType");
    assertThat(product.getText()).startsWith(warningCell.getText() + ": ").contains("Cisco 9999");

    // filled, the finding goes at once (no save); back to the saved value, it is there again
    @SuppressWarnings("unchecked")
    ComboBox<String> protocolBox = robot.lookup("#field-protocol").queryAs(ComboBox.class);
    robot.interact(() -> protocolBox.setValue("sip"));
    assertThat(protocol.isVisible()).isFalse();
    @SuppressWarnings("unchecked")
    ComboBox<String> productBox = robot.lookup("#field-productType").queryAs(ComboBox.class);
    robot.interact(() -> productBox.getEditor().setText("Cisco 8865"));
    assertThat(product.isVisible()).isFalse();
    robot.interact(() -> productBox.getEditor().setText("Cisco 9999"));
    assertThat(product.isVisible()).isTrue();
    assertThat(product.getText()).contains("Cisco 9999");
    assertThat(console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().deviceProfiles().get(2).protocol())
        .as("nothing was saved").isNull();
  }

  private static Diagnostic finding(ConsoleFixture console, String object, String field) {
    return console.model.problems().stream()
        .filter(d -> d.fix() != null && object.equals(d.fix().object()) && field.equals(d.fix().field()))
        .findFirst().orElseThrow();
  }

  private static String message(Diagnostic d, Locale lang) {
    return lang == I18n.JAPANESE ? d.messageJa() : d.message();
  }

  /** The Problems table's severity cell on a finding's row, as drawn. */
  private static TableCell<?, ?> severityCell(FxRobot robot, ConsoleFixture console, Diagnostic d) {
    TableView<?> table = robot.from(console.shell.root()).lookup("#problems").queryAs(TableView.class);
    robot.interact(() -> table.scrollTo(table.getItems().indexOf(d)));
    WaitForAsyncUtils.waitForFxEvents();
    for (Node n : table.lookupAll(".table-cell")) {
      if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
          && "problems-severity".equals(c.getTableColumn().getId()) && c.getIndex() >= 0
          && c.getIndex() < table.getItems().size() && table.getItems().get(c.getIndex()) == d && !c.isEmpty()) {
        return c;
      }
    }
    throw new AssertionError("no severity cell for " + d);
  }

  /** The message under a field of a device profile, the window opened at it. */
  private static Label fieldFinding(FxRobot robot, ConsoleFixture console, String profile, String field)
      throws Exception {
    robot.interact(() -> console.shell.reveal("deviceProfile", profile, field));
    WaitForAsyncUtils.waitForFxEvents();
    ListWindow<?> window = (ListWindow<?>) WaitForAsyncUtils.asyncFx(() -> console.shell.open("deviceProfile")).get();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.form().errorText(field).isPresent());
    robot.interact(() -> console.shell.root().applyCss());
    return robot.from(console.shell.root()).lookup("#error-" + field).queryAs(Label.class);
  }
}
