package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.catalog.ErrorEntry;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.ui.kit.I18n;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The problems panel leads to the field that fixes a problem; the error lookup finds codes. */
@ExtendWith(ApplicationExtension.class)
class ProblemsAndLookupTest {
  private static final String PHONE = "SEP00AABBCC0102";
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    Workspace ws = DemoWorkspace.create().updateCluster(DemoWorkspace.TOKYO, c -> c.withPhones(
        c.phones().stream().map(p -> p.name().equals(PHONE) ? p.withEnableExtensionMobility(false) : p).toList()));
    console = new ConsoleFixture(stage, ws, I18n.ENGLISH);
    console.model.setValidator(Validator.standard()::validate);
  }

  @Test
  void enterOnAProblemOpensTheWindowAtTheField(FxRobot robot) throws Exception {
    robot.interact(() -> console.shell.open("problems"));
    robot.clickOn("#validate");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !console.model.problems().isEmpty());
    Diagnostic d = WaitForAsyncUtils.asyncFx(() -> console.model.problems().stream()
        .filter(p -> p.fix() != null && "phone".equals(p.fix().window()) && PHONE.equals(p.fix().object()))
        .findFirst().orElseThrow()).get();
    assertThat(d.fix().field()).isEqualTo("enableExtensionMobility");
    @SuppressWarnings("unchecked")
    TableView<Diagnostic> table = robot.from(console.shell.root()).lookup("#problems").queryAs(TableView.class);
    robot.interact(() -> {
      table.getSelectionModel().select(d);
      table.requestFocus();
    });
    robot.clickOn("#lookup-error");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("errorLookup");
    @SuppressWarnings("unchecked")
    TableView<ErrorEntry> codes = robot.from(console.shell.root()).lookup("#error-results").queryAs(TableView.class);
    assertThat(codes.getItems().get(0).code()).isEqualTo(d.predictedError());
    robot.interact(() -> console.shell.open("problems"));
    robot.interact(() -> {
      table.getSelectionModel().select(d);
      table.requestFocus();
    });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(console.shell.current()).isEqualTo("phone");
    @SuppressWarnings("unchecked")
    TableView<Phone> phones = robot.from(console.shell.root()).lookup("#list").queryAs(TableView.class);
    assertThat(phones.getSelectionModel().getSelectedItem().name()).isEqualTo(PHONE);
    CheckBox box = robot.from(console.shell.root()).lookup("#field-enableExtensionMobility").queryAs(CheckBox.class);
    // the field takes the focus once the window is laid out (a later pulse on a busy machine)
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, box::isFocused);
    // live validation: the finding sits under the field, in the warning colour
    dev.emcc.ui.forms.ListWindow<?> window = (dev.emcc.ui.forms.ListWindow<?>)
        WaitForAsyncUtils.asyncFx(() -> console.shell.open("phone")).get();
    assertThat(window.form().errorText("enableExtensionMobility")).hasValueSatisfying(t -> assertThat(t).startsWith("Warning: "));

    robot.clickOn(box);
    robot.clickOn("#save");
    // the problems list changes on the JavaFX thread: read it there
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> console.model.problems()
        .stream().noneMatch(p -> p.fix() != null && PHONE.equals(p.fix().object()))).get());
  }

  @Test
  void lookupFindsTheMisprintedCode(FxRobot robot) {
    robot.interact(() -> console.shell.open("errorLookup"));
    robot.clickOn(robot.from(console.shell.root()).lookup("#error-query").queryAs(javafx.scene.control.TextField.class)).write("36");
    @SuppressWarnings("unchecked")
    TableView<ErrorEntry> results = robot.from(console.shell.root()).lookup("#error-results").queryAs(TableView.class);
    assertThat(results.getItems()).extracting(ErrorEntry::code).contains(36, 28);
    robot.interact(() -> console.i18n.setLocale(I18n.JAPANESE));
    robot.interact(() -> robot.from(console.shell.root()).lookup("#error-query").queryAs(javafx.scene.control.TextField.class).setText("重複"));
    assertThat(results.getItems()).extracting(ErrorEntry::code).contains(37);
  }
}
