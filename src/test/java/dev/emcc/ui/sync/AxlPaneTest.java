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

  private SyncView sync(FxRobot robot) {
    if (view == null) {
      java.util.concurrent.CompletableFuture<SyncView> v = new java.util.concurrent.CompletableFuture<>();
      javafx.application.Platform.runLater(() -> {
        SyncView opened = (SyncView) shell.open("sync");
        shell.root().applyCss();
        shell.root().layout();
        v.complete(opened);
      });
      view = v.join();
      robot.interact(() -> robot.lookup("#axl-pane").queryAs(TitledPane.class).setExpanded(true));
      WaitForAsyncUtils.waitForFxEvents();
    }
    return view;
  }

  private Phone firstPhone() {
    return model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow().phones().get(0);
  }

  @Test
  void importTrustsOnFirstUseThenPlanAndPushWriteAnEdit(FxRobot robot) throws Exception {
    AxlPane axl = sync(robot).axl();
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

    robot.clickOn("#axl-import");
    waitFor(() -> "changed on the cluster".equals(firstPhone().description()));
    assertThat(model.lastChangeProperty().get()).contains("Imported TOKYO from 127.0.0.1");

    String name = firstPhone().name();
    robot.interact(() -> model.commitCluster(c -> {
      List<Phone> phones = new ArrayList<>(c.phones());
      Phone p = phones.get(0);
      phones.set(0, new Phone(p.name(), "edited in the console", p.model(), p.protocol(), p.enableExtensionMobility(),
          p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
      return c.withPhones(phones);
    }, "edit"));
    assertThat(robot.lookup("#axl-push").queryAs(Button.class).isDisabled()).isTrue(); // plan first
    robot.clickOn("#axl-plan");
    waitFor(() -> !axl.busy() && axl.shownLines().stream().anyMatch(l -> l.contains("update Phone " + name)));
    assertThat(axl.shownLines()).anyMatch(l -> l.contains("\"changed on the cluster\"") && l.contains("\"edited in the console\""));
    robot.clickOn("#axl-push");
    waitFor(() -> !axl.busy() && axl.shownLines().stream().anyMatch(l -> l.startsWith("Pushed 1 step(s)")));
    assertThat(node.server().state().get(new ObjectKey("phones", name)).orElseThrow().value().get("description")
        .asText()).isEqualTo("edited in the console");

    // the cluster changes the phone again, the console too: a conflict, settled the cluster's way
    dev.emcc.axl.AxlClient other = new dev.emcc.axl.AxlClient(new dev.emcc.axl.AxlClient.Target("127.0.0.1",
        node.port(), DemoWorkspace.EM_API_USER, DemoWorkspace.EM_API_PASSWORD, dev.emcc.axl.AxlVersion.DEFAULT, node.identity().fingerprint()));
    Phone there = firstPhone();
    com.fasterxml.jackson.databind.node.ObjectNode changed = dev.emcc.format.Json.mapper().valueToTree(there);
    changed.put("description", "changed again on the cluster");
    other.call(dev.emcc.axl.AxlCodec.encode(dev.emcc.axl.AxlKind.PHONE, changed, dev.emcc.axl.AxlCodec.Purpose.UPDATE,
        null));
    describeFirstPhone(robot, "edited again in the console");
    robot.clickOn("#axl-plan");
    waitFor(() -> !axl.busy() && axl.shownLines().stream().anyMatch(l -> l.contains("CONFLICT description")));
    assertThat(robot.lookup("#axl-keep-cluster").queryAs(Button.class).isDisabled()).isFalse();
    robot.clickOn("#axl-keep-cluster");
    waitFor(() -> "changed again on the cluster".equals(firstPhone().description()));
    assertThat(axl.shownLines()).noneMatch(l -> l.contains("CONFLICT")).anyMatch(l -> l.contains("Nothing to push")
        || l.contains("nothing to push"));
  }

  private void describeFirstPhone(FxRobot robot, String description) {
    robot.interact(() -> model.commitCluster(c -> {
      List<Phone> phones = new ArrayList<>(c.phones());
      Phone p = phones.get(0);
      phones.set(0, new Phone(p.name(), description, p.model(), p.protocol(), p.enableExtensionMobility(),
          p.subscribedServices(), p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address()));
      return c.withPhones(phones);
    }, "edit"));
  }
}
