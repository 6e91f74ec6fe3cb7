package dev.emcc.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import dev.emcc.wire.ObjectKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Connect to CUCM (AXL) in the Sync view, clicked against a node answering AXL on 127.0.0.1. */
@ExtendWith(ApplicationExtension.class)
class AxlPaneTest {
  @TempDir
  static Path dir;
  RunningNode node;
  ConsoleModel model;
  Shell shell;
  SyncView view;

  @Start
  void start(Stage stage) throws Exception {
    Path here = java.nio.file.Files.createTempDirectory(dir, "case");
    System.setProperty("emcc.axlHome", here.resolve("axl-home").toString());
    Cluster tokyo = DemoWorkspace.create().cluster(DemoWorkspace.TOKYO).orElseThrow();
    Phone p = tokyo.phones().get(0);
    List<Phone> phones = new ArrayList<>(tokyo.phones());
    phones.set(0, new Phone(p.name(), "changed on the cluster", p.model(), p.protocol(), p.enableExtensionMobility(),
        p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
    node = TestNodes.start(here.resolve("node"), tokyo.withPhones(phones));
    Themes.LIGHT.apply();
    model = new ConsoleModel();
    model.load(DemoWorkspace.create());
    UiContext ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    Views views = new Views();
    SyncPaths paths = new SyncPaths(here.resolve("nodes.json"), here.resolve("sync.db"));
    shell = new Shell(ctx, (window, c, s) -> window.equals("sync")
        ? new SyncView(c, s, paths, RetryPolicy.DEFAULT) : views.create(window, c, s));
    stage.setScene(new Scene(shell.root(), 1280, 900));
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
    System.clearProperty("emcc.axlHome");
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private SyncView sync(FxRobot robot) throws Exception {
    if (view == null) {
      java.util.concurrent.CompletableFuture<SyncView> v = new java.util.concurrent.CompletableFuture<>();
      javafx.application.Platform.runLater(() -> {
        SyncView opened = (SyncView) shell.open("sync");
        shell.root().applyCss();
        shell.root().layout();
        v.complete(opened);
      });
      view = v.join();
      // the robot clicks where the buttons are once the panes stopped moving: the AXL pane opens at
      // once, Add Node folds (animated) and hides its content when done
      robot.interact(() -> {
        robot.lookup("#axl-pane").queryAs(TitledPane.class).setAnimated(false);
        robot.lookup("#axl-pane").queryAs(TitledPane.class).setExpanded(true);
      });
      waitFor(() -> !robot.lookup("#add-node").queryAs(TitledPane.class).getContent().isVisible());
      WaitForAsyncUtils.waitForFxEvents();
    }
    return view;
  }

  private Phone firstPhone() {
    return model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().phones().get(0);
  }

  @Test
  void importTrustsOnFirstUseThenPlanAndPushWriteAnEditAndConflictsAreSettledFieldByField(FxRobot robot)
      throws Exception {
    AxlPane axl = sync(robot).axl();
    assertThat(robot.lookup("#add-node").queryAs(TitledPane.class).isExpanded()).isFalse(); // one pane open at a time
    robot.interact(() -> {
      robot.lookup("#axl-host").queryAs(TextField.class).setText("127.0.0.1");
      robot.lookup("#axl-port").queryAs(TextField.class).setText(Integer.toString(node.port()));
      robot.lookup("#axl-user").queryAs(TextField.class).setText(DemoWorkspace.EM_API_USER);
      robot.lookup("#axl-password").queryAs(TextField.class).setText(DemoWorkspace.EM_API_PASSWORD);
    });
    robot.clickOn("#axl-import");
    String fingerprint = node.identity().fingerprint().replace(":", "");
    waitFor(() -> robot.lookup("#axl-certificate").queryAs(Label.class).getText().contains(fingerprint));
    assertThat(firstPhone().description()).isNotEqualTo("changed on the cluster"); // nothing read before trust
    robot.clickOn("#axl-trust");
    waitFor(() -> robot.lookup("#axl-trust").queryAs(Button.class).isDisabled());

    // this user may not run SQL: the import goes on and says what it could not read
    node.server().axlSqlUsers(user -> false);
    robot.clickOn("#axl-import");
    waitFor(() -> "changed on the cluster".equals(firstPhone().description()));
    assertThat(model.lastChangeProperty().get()).contains("Imported TOKYO from 127.0.0.1");
    waitFor(() -> axl.shownLines().stream().anyMatch(l -> l.startsWith("Not read over AXL")));
    assertThat(axl.shownLines()).anyMatch(l -> l.startsWith("EMCC templates: executeSQLQuery failed"))
        .anyMatch(l -> l.startsWith("node services (Service Activation) of cucm-pub.tokyo.example.com"));
    assertThat(robot.lookup("#axl-message").queryAs(Label.class).getText()).contains("could not be read");
    node.server().axlSqlUsers(user -> true);

    String name = firstPhone().name();
    editFirstPhone(robot, "edited in the console", firstPhone().enableExtensionMobility());
    assertThat(robot.lookup("#axl-push").queryAs(Button.class).isDisabled()).isTrue(); // plan first
    robot.clickOn("#axl-plan");
    waitFor(() -> !axl.busy() && axl.shownLines().contains("[update] Phone / " + name));
    assertThat(axl.shownLines()).anyMatch(l -> l.startsWith("description <description>:")
        && l.contains("console \"edited in the console\"") && l.contains("cluster \"changed on the cluster\""));
    robot.clickOn("#axl-push");
    waitFor(() -> !axl.busy() && axl.shownLines().stream().anyMatch(l -> l.startsWith("Pushed 1 step")));
    assertThat(stored(name).get("description").asText()).isEqualTo("edited in the console");

    // the cluster changes two fields of the phone, the console both too: two conflicts, settled one by one
    boolean em = firstPhone().enableExtensionMobility();
    dev.emcc.axl.AxlClient other = new dev.emcc.axl.AxlClient(new dev.emcc.axl.AxlClient.Target("127.0.0.1",
        node.port(), DemoWorkspace.EM_API_USER, DemoWorkspace.EM_API_PASSWORD, dev.emcc.axl.AxlVersion.DEFAULT,
        node.identity().fingerprint()));
    com.fasterxml.jackson.databind.node.ObjectNode changed = dev.emcc.format.Json.mapper().valueToTree(firstPhone());
    changed.put("description", "changed again on the cluster");
    changed.put("enableExtensionMobility", !em);
    other.call(dev.emcc.axl.AxlCodec.encode(dev.emcc.axl.AxlKind.PHONE, changed, dev.emcc.axl.AxlCodec.Purpose.UPDATE,
        null));
    editFirstPhone(robot, "edited again in the console", em);
    robot.clickOn("#axl-plan");
    waitFor(() -> !axl.busy() && axl.shownLines().contains("[CONFLICT] Phone / " + name));
    assertThat(robot.lookup("#axl-keep-cluster").queryAs(Button.class).isDisabled()).isTrue(); // nothing selected

    // take the cluster's description: only that field, one commit (undoable)
    select(robot, name, "description");
    robot.clickOn("#axl-keep-cluster");
    waitFor(() -> "changed again on the cluster".equals(firstPhone().description()));
    assertThat(firstPhone().enableExtensionMobility()).isEqualTo(em);
    assertThat(model.lastChangeProperty().get()).contains("description");
    waitFor(() -> axl.shownLines().contains("[CONFLICT] Phone / " + name));
    assertThat(axl.shownLines()).noneMatch(l -> l.startsWith("description <description>"))
        .anyMatch(l -> l.startsWith("enableExtensionMobility <enableExtensionMobility>:") && l.contains("last imported"));

    // keep the console's for the other: the plan pushes it over the cluster's
    select(robot, name, null);
    robot.clickOn("#axl-keep-mine");
    waitFor(() -> axl.shownLines().contains("[update] Phone / " + name));
    assertThat(axl.shownLines()).noneMatch(l -> l.contains("CONFLICT"));
    robot.clickOn("#axl-push");
    waitFor(() -> !axl.busy() && axl.shownLines().stream().anyMatch(l -> l.startsWith("Pushed 1 step")));
    assertThat(stored(name).get("enableExtensionMobility").asBoolean()).isEqualTo(em);
    assertThat(stored(name).get("description").asText()).isEqualTo("changed again on the cluster");
  }

  private com.fasterxml.jackson.databind.JsonNode stored(String phone) {
    return node.server().state().get(new ObjectKey("phones", phone)).orElseThrow().value();
  }

  /** Selects a step of the AXL plan tree, or one of its field lines. */
  private static void select(FxRobot robot, String name, String field) {
    robot.interact(() -> {
      @SuppressWarnings("unchecked")
      javafx.scene.control.TreeView<AxlPane.Line> tree = robot.lookup("#axl-plan-tree").queryAs(
          javafx.scene.control.TreeView.class);
      javafx.scene.control.TreeItem<AxlPane.Line> step = tree.getRoot().getChildren().get(0).getChildren().stream()
          .filter(i -> i.getValue().step() != null && i.getValue().step().name().equals(name)).findFirst().orElseThrow();
      tree.getSelectionModel().select(field == null ? step : step.getChildren().stream()
          .filter(i -> i.getValue().field().key().equals(field)).findFirst().orElseThrow());
    });
  }

  private void editFirstPhone(FxRobot robot, String description, boolean extensionMobility) {
    robot.interact(() -> model.commitCluster(c -> {
      List<Phone> phones = new ArrayList<>(c.phones());
      Phone p = phones.get(0);
      phones.set(0, new Phone(p.name(), description, p.model(), p.protocol(), extensionMobility,
          p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
      return c.withPhones(phones);
    }, "edit"));
  }
}
