package dev.emcc.ui.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.node.EmApiExchange;
import dev.emcc.node.EmXml;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.rules.Validator;
import dev.emcc.sync.NodesFile;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trainer's view shows what an EM API script did on a registered node: alice and bob logged
 * in through Cisco's EM API (one for 30 minutes), listed with their phones, since and until when,
 * and gone after a logoutAll; a node that does not answer is named.
 */
@ExtendWith(ApplicationExtension.class)
class SimulatorNodeLoginsTest {
  private Path dir;
  private RunningNode node;
  private SimulatorView view;
  private I18n i18n;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("emcc-node-logins");
    node = TestNodes.start(dir.resolve("node"), Fixtures.cluster("TOKYO", "OSAKA", 3));
    Fixtures.emapiUser(node);
    Path nodes = dir.resolve("nodes.json");
    NodesFile file = NodesFile.load(nodes);
    file.add(TestNodes.ref(node));
    file.add(new dev.emcc.sync.NodeRef("https://127.0.0.1:1", node.identity().fingerprint(), "t", "OSAKA"));
    file.save();
    System.setProperty("emcc.nodes", nodes.toString());
    Themes.LIGHT.apply();
    ConsoleModel model = new ConsoleModel();
    model.setValidator(Validator.standard()::validate);
    model.load(DemoWorkspace.create());
    i18n = new I18n(I18n.ENGLISH);
    UiContext ctx = new UiContext(model, i18n);
    Shell shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
    view = (SimulatorView) shell.open("simulator");
  }

  @AfterEach
  void stop() throws Exception {
    System.clearProperty("emcc.nodes");
    view.close();
    node.close();
  }

  private String em(String xml) throws Exception {
    URI endpoint = EmApiExchange.endpoint("https://127.0.0.1:" + node.port());
    return EmApiExchange.send(endpoint, node.identity().fingerprint(), xml, false).responseBody();
  }

  @Test
  void loginsMadeThroughTheEmApiShowWithWhereAndUntilWhen(FxRobot robot) throws Exception {
    String app = EmXml.appInfo("emapi", "emapi-demo");
    assertThat(em(EmXml.login(app, Fixtures.phoneName("TOKYO", 0), "alice", null, 30)))
        .isEqualTo("<response><success/></response>");
    assertThat(em(EmXml.login(app, Fixtures.phoneName("TOKYO", 1), "bob", null, null)))
        .isEqualTo("<response><success/></response>");
    robot.interact(() -> view.showNodeLogins());
    NodeLoginsPane pane = robot.lookup("#sim-node-logins").queryAs(NodeLoginsPane.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.rows().size() == 2);
    WaitForAsyncUtils.waitForFxEvents();
    NodeLogins.Row alice = pane.rows().get(0);
    assertThat(alice.clusterId()).isEqualTo("TOKYO");
    assertThat(alice.login().deviceName()).isEqualTo(Fixtures.phoneName("TOKYO", 0));
    assertThat(alice.login().userId()).isEqualTo("alice");
    assertThat(alice.login().viaEmApi()).isTrue();
    assertThat(alice.login().until()).isEqualTo(alice.login().since().plusSeconds(30 * 60));
    assertThat(pane.rows().get(1).login().until()).isNull();
    javafx.scene.control.TableView<?> table = robot.lookup("#sim-node-logins-table").queryAs(
        javafx.scene.control.TableView.class);
    assertThat(table.getColumns().get(6).getCellData(0)).isEqualTo("EM API");
    assertThat(table.getColumns().get(5).getCellData(1)).isEqualTo("logged out by hand");
    Label state = robot.lookup("#sim-node-logins-state").queryAs(Label.class);
    assertThat(state.getText()).startsWith("2 logins on 2 nodes; not answered: https://127.0.0.1:1");

    // the same in Japanese
    robot.interact(() -> i18n.setLocale(I18n.JAPANESE));
    assertThat(state.getText()).startsWith("2 台のノードに 2 件のログインがあります。応答なし");
    assertThat(table.getColumns().get(5).getCellData(1)).isEqualTo("手動でログアウトするまで");
    assertThat(table.getColumns().get(1).getText()).isEqualTo("電話機");
    robot.interact(() -> i18n.setLocale(I18n.ENGLISH));

    assertThat(em(EmXml.logoutAll(app))).isEqualTo("<response><success/></response>");
    robot.clickOn("#sim-node-logins-refresh");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.rows().isEmpty());
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.getText().startsWith("0 logins"));
  }
}
