package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import atlantafx.base.theme.Styles;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.EndUser;
import dev.emcc.ui.kit.I18n;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.controlsfx.control.ListSelectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The form engine on real windows: open, edit, a bad value decorated, save, reopen, value kept. */
@ExtendWith(ApplicationExtension.class)
class FormWindowsTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private Cluster tokyo() {
    return console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow();
  }

  private <T extends Node> T lookup(FxRobot robot, String id, Class<T> type) {
    return robot.lookup("#" + id).queryAs(type);
  }

  @Test
  void deviceProfileEditedWithABadValueThenSavedAndReopened(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    TextField name = lookup(robot, "field-name", TextField.class);
    assertThat(name.getText()).isEqualTo("UDP_alice_8865");

    robot.interact(() -> name.setText("X".repeat(51)));
    assertThat(name.getPseudoClassStates()).contains(Styles.STATE_DANGER);
    Label error = robot.lookup(".field-error").match(Node::isVisible).queryAs(Label.class);
    assertThat(error.getText()).contains("50");
    robot.clickOn("#save");
    assertThat(tokyo().deviceProfile("UDP_alice_8865")).isPresent();
    assertThat(lookup(robot, "message", Label.class).getText()).startsWith("Not saved");

    robot.interact(() -> name.setText("UDP_alice_8865"));
    assertThat(name.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
    robot.clickOn("#field-description").write(" (lab)");
    assertThat(lookup(robot, "unsaved", Label.class).isVisible()).isTrue();
    robot.clickOn("#save");
    assertThat(lookup(robot, "unsaved", Label.class).isVisible()).isFalse();
    assertThat(tokyo().deviceProfile("UDP_alice_8865").orElseThrow().description()).isEqualTo("Alice Sato (lab)");

    // reopen: another window, then back, another profile, then back
    robot.interact(() -> console.shell.open("endUser"));
    robot.interact(() -> console.shell.open("deviceProfile"));
    robot.clickOn("UDP_bob_8845");
    robot.clickOn("UDP_alice_8865");
    assertThat(lookup(robot, "field-description", TextField.class).getText()).isEqualTo("Alice Sato (lab)");
  }

  @Test
  void featureParametersOutOfRangeAreRefusedThenSaved(FxRobot robot) {
    robot.interact(() -> console.shell.open("emccFeatureConfig"));
    TextField interval = lookup(robot, "field-expiredDeviceMaintenanceIntervalMinutes", TextField.class);
    robot.interact(() -> interval.setText("5"));
    assertThat(interval.getPseudoClassStates()).contains(Styles.STATE_DANGER);
    robot.interact(() -> interval.setText("abc"));
    assertThat(robot.lookup(".field-error").match(Node::isVisible).queryAs(Label.class).getText())
        .contains("abc");
    robot.clickOn("#save");
    assertThat(tokyo().emccFeatureConfig().expiredDeviceMaintenanceIntervalMinutes()).isEqualTo(1440);

    robot.interact(() -> interval.setText("600"));
    robot.clickOn("#save");
    assertThat(tokyo().emccFeatureConfig().expiredDeviceMaintenanceIntervalMinutes()).isEqualTo(600);
    robot.interact(() -> console.shell.open("phone"));
    robot.interact(() -> console.shell.open("emccFeatureConfig"));
    assertThat(interval.getText()).isEqualTo("600");
  }

  /** Issue 13 item 14: the region's max audio bit rate is one of the rates CUCM offers, by name. */
  @Test
  void regionMaxAudioBitRateIsAChoiceOfTheOfferedRatesSavedAsANumber(FxRobot robot) {
    robot.interact(() -> console.shell.open("emccFeatureConfig"));
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<String> rate = lookup(robot, "field-regionMaxAudioBitRateKbps",
        javafx.scene.control.ComboBox.class);
    assertThat(rate.getItems()).containsExactly("8", "16", "24", "32", "64", "256");
    assertThat(rate.getConverter().toString("64")).isEqualTo("64 kbps (G.722, G.711)");
    robot.interact(() -> rate.setValue("64"));
    robot.clickOn("#save");
    assertThat(tokyo().emccFeatureConfig().regionMaxAudioBitRateKbps()).isEqualTo(64);
  }

  /** A service check box of Cluster View (its id has a dot: not a CSS selector). */
  private static javafx.scene.control.CheckBox service(FxRobot robot, String name) {
    return robot.lookup((Node n) -> ("field-services." + name).equals(n.getId())).queryAs(javafx.scene.control.CheckBox.class);
  }

  /** Seed line 456: Add New in Cluster View starts with the services the feature parameter says. */
  @Test
  void aNewRemoteClusterStartsWithItsServicesAsTheFeatureParameterSays(FxRobot robot) {
    robot.interact(() -> console.shell.open("remoteCluster"));
    robot.clickOn("#add-new");
    assertThat(service(robot, "emcc").isSelected()).isFalse();
    robot.interact(() -> console.model.load(console.model.workspace().updateCluster(DemoWorkspace.TOKYO,
        c -> c.withEmccFeatureConfig(new dev.emcc.model.EmccFeatureConfig(c.emccFeatureConfig().defaultTftpServer(),
            c.emccFeatureConfig().backupTftpServer(), null, true, null, c.emccFeatureConfig().geolocationFilter(),
            null, null, null, null, c.emccFeatureConfig().remoteClusterUpdateDefaultServer(), null, null)))));
    robot.interact(() -> console.shell.open("phone"));
    robot.interact(() -> console.shell.open("remoteCluster"));
    robot.clickOn("#add-new");
    assertThat(service(robot, "emcc").isSelected()).isTrue();
    assertThat(service(robot, "pstnAccess").isSelected()).isTrue();
    assertThat(service(robot, "tftp").isSelected()).isFalse();
  }

  /** Seed line 497: saving the intercluster service profile shows its failures in a pop-up first. */
  @Test
  void savingTheInterclusterServiceProfileShowsItsFailuresFirst(FxRobot robot) {
    console.model.setValidator(dev.emcc.rules.Validator.standard()::validate);
    robot.interact(() -> console.shell.open("interclusterServiceProfile"));
    robot.clickOn("#field-pstnAccessActive");
    robot.clickOn("#save");
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    assertThat(pane.getContentText()).contains("1 failure:").contains("PSTN");
    robot.clickOn((Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
    assertThat(tokyo().interclusterServiceProfile().pstnAccessActive()).isTrue();
    assertThat(lookup(robot, "message", Label.class).getText()).startsWith("Not saved");

    robot.clickOn("#save");
    DialogPane again = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    robot.clickOn((Button) again.lookupButton(javafx.scene.control.ButtonType.OK));
    assertThat(tokyo().interclusterServiceProfile().pstnAccessActive()).isFalse();
  }

  /** Seed table 1 (lines 151-152): product type and protocol are shown; they are chosen when a profile is added. */
  @Test
  void aProfilesProductTypeAndProtocolAreChosenWhenAddedAndShownAfterwards(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    assertThat(robot.lookup("#field-productType").queryAs(Node.class).isDisabled()).isTrue();
    assertThat(robot.lookup("#field-protocol").queryAs(Node.class).isDisabled()).isTrue();
    assertThat(lookup(robot, "field-name", TextField.class).isDisabled()).isFalse();
    robot.clickOn("#add-new");
    assertThat(robot.lookup("#field-productType").queryAs(Node.class).isDisabled()).isFalse();
    assertThat(robot.lookup("#field-protocol").queryAs(Node.class).isDisabled()).isFalse();
    robot.clickOn("#revert");
    robot.clickOn("UDP_bob_8845");
    assertThat(robot.lookup("#field-productType").queryAs(Node.class).isDisabled()).isTrue();
  }

  @Test
  void endUserControlledProfilesMoveFromAvailable(FxRobot robot) {
    robot.interact(() -> console.shell.open("endUser"));
    // the list's cells are made on a later pulse (a busy machine is slow): await bob's row
    assertThatCode(() -> WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> robot.lookup("bob").tryQuery().isPresent())).doesNotThrowAnyException();
    robot.clickOn("bob");
    @SuppressWarnings("unchecked")
    ListSelectionView<String> dual = lookup(robot, "field-controlledProfiles", ListSelectionView.class);
    assertThat(dual.getTargetItems()).containsExactly("UDP_bob_8845");
    robot.interact(() -> {
      dual.getSourceItems().remove("UDP_tsato_7841");
      dual.getTargetItems().add("UDP_tsato_7841");
    });
    robot.clickOn("#field-enableExtensionMobilityCrossCluster");
    robot.clickOn("#save");
    EndUser bob = tokyo().endUser("bob").orElseThrow();
    assertThat(bob.controlledProfiles()).containsExactly("UDP_bob_8845", "UDP_tsato_7841");
    assertThat(bob.enableExtensionMobilityCrossCluster()).isFalse();
    assertThat(bob.pinMatches(DemoWorkspace.pin("bob"))).isTrue();
  }

  @Test
  void unknownReferenceIsDecoratedAndFreeTextIsNot(FxRobot robot) {
    robot.interact(() -> console.shell.open("emccTemplate"));
    @SuppressWarnings("unchecked")
    ComboBox<String> cdc = lookup(robot, "field-commonDeviceConfig", ComboBox.class);
    robot.interact(() -> cdc.getEditor().setText("NO_SUCH_CDC"));
    assertThat(cdc.getPseudoClassStates()).contains(Styles.STATE_DANGER);
    @SuppressWarnings("unchecked")
    ComboBox<String> cpp = lookup(robot, "field-commonPhoneProfile", ComboBox.class);
    robot.interact(() -> cpp.getEditor().setText("Any Common Phone Profile"));
    assertThat(cpp.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
  }

  @Test
  void deleteAsksThenUndoBringsItBack(FxRobot robot) {
    robot.interact(() -> console.shell.open("phoneService"));
    int before = tokyo().phoneServices().size();
    robot.clickOn(DemoWorkspace.EM_SERVICE);
    robot.clickOn("#delete");
    Button ok = (Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class)
        .lookupButton(javafx.scene.control.ButtonType.OK);
    robot.clickOn(ok);
    assertThat(tokyo().phoneServices()).hasSize(before - 1);
    robot.interact(() -> console.model.undo());
    assertThat(tokyo().phoneService(DemoWorkspace.EM_SERVICE)).isPresent();
  }

  @Test
  void addNewThenDuplicateNameIsRefused(FxRobot robot) {
    robot.interact(() -> console.shell.open("geolocationFilter"));
    robot.clickOn("#add-new");
    robot.clickOn("#field-name").write(DemoWorkspace.GEOLOCATION_FILTER);
    robot.clickOn("#save");
    assertThat(lookup(robot, "field-name", TextInputControl.class).getPseudoClassStates())
        .contains(Styles.STATE_DANGER);
    robot.interact(() -> lookup(robot, "field-name", TextInputControl.class).setText("GF_COUNTRY"));
    robot.clickOn("#save");
    assertThat(tokyo().geolocationFilter("GF_COUNTRY")).isPresent();
  }

  @Test
  void insertEmccDevicesRunsAsAJobAfterTheLastNumber(FxRobot robot) {
    robot.interact(() -> console.shell.open("emccDevices"));
    assertThat(lookup(robot, "already-in-database", Label.class).getText()).isEqualTo("10");
    robot.clickOn("#field-count").write("5");
    robot.clickOn("#insert-submit");
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tokyo().emccDevices().names().size() == 15);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the insert job did not finish", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tokyo().emccDevices().names()).contains("EMCC11", "EMCC15").endsWith("EMCC15");
    assertThat(lookup(robot, "already-in-database", Label.class).getText()).isEqualTo("15");
  }
}
