package dev.emcc.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.model.Cluster;
import dev.emcc.model.Phone;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.sync.NodeClient;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.Plan;
import dev.emcc.sync.PlanItem;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sync view and Update Remote Cluster Now against real nodes on 127.0.0.1: an empty node for
 * TOKYO (the console's cluster) and a node holding OSAKA, TOKYO's remote cluster.
 */
@ExtendWith(ApplicationExtension.class)
class SyncViewTest {
  static final RetryPolicy QUICK = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50));

  @TempDir
  static Path dir;
  RunningNode tokyo;
  RunningNode osaka;
  SyncPaths paths;
  ConsoleModel model;
  I18n i18n;
  Shell shell;

  @Start
  void start(Stage stage) throws Exception {
    Path here = java.nio.file.Files.createTempDirectory(dir, "case");
    tokyo = TestNodes.start(here.resolve("tokyo"), null);
    osaka = TestNodes.start(here.resolve("osaka"), Fixtures.cluster("OSAKA", "TOKYO", 3));
    paths = new SyncPaths(here.resolve("console/nodes.json"), here.resolve("console/workspace.db.sync.db"));
    Themes.LIGHT.apply();
    model = new ConsoleModel();
    model.load(Workspace.of(List.of(Fixtures.cluster("TOKYO", "OSAKA", 4))));
    i18n = new I18n(I18n.ENGLISH);
    UiContext ctx = new UiContext(model, i18n);
    Views views = new Views();
    shell = new Shell(ctx, (window, c, s) -> switch (window) {
      case "sync" -> new SyncView(c, s, paths, QUICK);
      case "remoteCluster" -> new RemoteClusterWindow(dev.emcc.schema.Windows.REMOTE_CLUSTER, c, s, paths);
      default -> views.create(window, c, s);
    });
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    for (RunningNode n : new RunningNode[] {tokyo, osaka}) {
      if (n != null) {
        n.close();
      }
    }
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private SyncView view;

  /** The Sync view (opened on the FX thread the first time). */
  private SyncView sync() {
    if (view == null) {
      java.util.concurrent.CompletableFuture<SyncView> v = new java.util.concurrent.CompletableFuture<>();
      javafx.application.Platform.runLater(() -> {
        SyncView opened = (SyncView) shell.open("sync");
        shell.root().applyCss(); // skins (the titled pane's content) exist before the test looks
        shell.root().layout();
        v.complete(opened);
      });
      view = v.join();
    }
    return view;
  }

  private String url(RunningNode n) {
    return "https://127.0.0.1:" + n.port();
  }

  private String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  private List<String> treeLines(FxRobot robot) {
    TreeView<?> tree = robot.lookup("#sync-plan-tree").queryAs(TreeView.class);
    List<String> out = new java.util.ArrayList<>();
    collect(tree.getRoot(), out);
    return out;
  }

  private static void collect(TreeItem<?> item, List<String> out) {
    for (TreeItem<?> c : item.getChildren()) {
      out.add(String.valueOf(c.getValue()));
      collect(c, out);
    }
  }

  private Phone phone(String description, int i) {
    Cluster c = model.workspace().cluster("TOKYO").orElseThrow();
    Phone p = c.phone(Fixtures.phoneName("TOKYO", i)).orElseThrow();
    return new Phone(p.name(), description, p.model(), p.protocol(), p.enableExtensionMobility(), p.subscribedServices(),
        p.deviceSecurityMode(), p.devicePool(), p.geolocation(), p.address());
  }

  private Phone localPhone(int i) {
    return model.workspace().cluster("TOKYO").orElseThrow().phone(Fixtures.phoneName("TOKYO", i)).orElseThrow();
  }

  private void editLocally(FxRobot robot, int i, String description) {
    robot.interact(() -> model.commitCluster(c -> c.withPhones(c.phones().stream()
        .map(p -> p.name().equals(Fixtures.phoneName("TOKYO", i)) ? phone(description, i) : p)
        .collect(Collectors.toList())), "edit"));
  }

  private void addTokyoNode(FxRobot robot) throws Exception {
    sync();
    robot.interact(() -> {
      robot.lookup("#node-url").queryAs(TextField.class).setText(url(tokyo) + "/");
      robot.lookup("#node-token").queryAs(TextField.class).setText(tokyo.identity().token());
    });
    robot.clickOn("#node-connect");
    waitFor(() -> text(robot, "node-fingerprint").contains(tokyo.identity().fingerprint()));
    // shown, not yet trusted: nothing is registered before the explicit confirmation
    assertThat(NodesFile.load(paths.nodesFile()).nodes()).isEmpty();
    assertThat(robot.lookup("#node-trust").queryAs(Button.class).isDisabled()).isFalse();
    robot.clickOn("#node-trust");
    waitFor(() -> sync().rows().size() == 1);
    NodeRef registered = NodesFile.load(paths.nodesFile()).nodes().get(0);
    assertThat(registered.fingerprint()).isEqualTo(tokyo.identity().fingerprint());
    assertThat(registered.clusterId()).isEqualTo("TOKYO"); // an empty node is registered for the shown cluster
  }

  private Plan planned(FxRobot robot) throws Exception {
    waitFor(() -> !sync().busy());
    int before = sync().planGeneration();
    robot.clickOn("#sync-plan");
    waitFor(() -> sync().planGeneration() > before && !sync().busy());
    return sync().plans().get(0);
  }

  @Test
  void addNodeThenPlanShowsTheDiffAndPushAppliesIt(FxRobot robot) throws Exception {
    addTokyoNode(robot);
    Plan first = planned(robot);
    assertThat(first.items()).isNotEmpty().allMatch(i -> i.action() == PlanItem.Action.PUSH
        && i.change() == PlanItem.Change.ADDED);
    assertThat(treeLines(robot)).anyMatch(l -> l.contains("phones / " + Fixtures.phoneName("TOKYO", 1)));

    pushed(robot);
    long afterFirstPush = tokyo.server().state().revision();
    assertThat(tokyo.server().state().cluster().phones()).hasSize(4);

    editLocally(robot, 2, "reception");
    Plan plan = planned(robot);
    assertThat(plan.items()).singleElement().satisfies(i -> {
      assertThat(i.key()).isEqualTo(new ObjectKey("phones", Fixtures.phoneName("TOKYO", 2)));
      assertThat(i.action()).isEqualTo(PlanItem.Action.PUSH);
      assertThat(i.fields()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("description"));
    });
    assertThat(treeLines(robot)).anyMatch(l -> l.contains("description") && l.contains("\"reception\"")
        && l.contains("\"phone 2\""));
    assertThat(tokyo.server().state().cluster().phone(Fixtures.phoneName("TOKYO", 2)).orElseThrow().description())
        .isEqualTo("phone 2"); // a plan applies nothing

    robot.clickOn("#sync-push");
    waitFor(() -> tokyo.server().state().revision() > afterFirstPush);
    assertThat(tokyo.server().state().cluster().phone(Fixtures.phoneName("TOKYO", 2)).orElseThrow().description())
        .isEqualTo("reception");
    waitFor(() -> sync().rows().get(0).revision().equals(String.valueOf(tokyo.server().state().revision())));
  }

  /** Changes a phone on the node directly, as another console would. */
  private void editOnNode(int i, String description) throws Exception {
    editOnNode(i, "description", description);
  }

  private void editOnNode(int i, String field, String text) throws Exception {
    NodeClient admin = TestNodes.client(tokyo);
    ObjectKey key = new ObjectKey("phones", Fixtures.phoneName("TOKYO", i));
    var stored = admin.object(key).orElseThrow();
    var value = ((com.fasterxml.jackson.databind.node.ObjectNode) stored.value().deepCopy()).put(field, text);
    admin.applyChanges("TOKYO", List.of(new NodeClient.ObjectChange(key, stored.revision(), value)));
  }

  /** Pushes and waits until the push and the plan after it are done. */
  private void pushed(FxRobot robot) throws Exception {
    int before = sync().planGeneration();
    robot.clickOn("#sync-push");
    waitFor(() -> sync().planGeneration() > before && !sync().busy());
    assertThat(sync().rows().get(0).state()).startsWith("pushed");
  }

  private void selectConflict(FxRobot robot, int i) {
    robot.interact(() -> {
      TreeView<SyncView.Line> tree = robot.lookup("#sync-plan-tree").queryAs(TreeView.class);
      TreeItem<SyncView.Line> found = find(tree.getRoot(), Fixtures.phoneName("TOKYO", i));
      tree.getSelectionModel().select(found);
    });
  }

  private static TreeItem<SyncView.Line> find(TreeItem<SyncView.Line> item, String name) {
    for (TreeItem<SyncView.Line> c : item.getChildren()) {
      if (c.getValue().item() != null && c.getValue().item().key().name().equals(name)) {
        return c;
      }
      TreeItem<SyncView.Line> f = find(c, name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  @Test
  void conflictsAreShownAndResolvedByPickingASide(FxRobot robot) throws Exception {
    addTokyoNode(robot);
    planned(robot);
    pushed(robot);

    editOnNode(1, "node side 1");
    editOnNode(3, "node side 3");
    editLocally(robot, 1, "console side 1");
    editLocally(robot, 3, "console side 3");
    Plan plan = planned(robot);
    assertThat(plan.conflicts()).hasSize(2);
    assertThat(treeLines(robot)).anyMatch(l -> l.contains("CONFLICT") && l.contains(Fixtures.phoneName("TOKYO", 1)))
        .anyMatch(l -> l.contains("\"console side 1\"") && l.contains("\"node side 1\""));
    assertThat(robot.lookup("#keep-node").queryAs(Button.class).isDisabled()).isTrue();

    // keep the node's phone 1: it replaces ours through the model (undoable); the node is untouched
    selectConflict(robot, 1);
    long nodeRevision = tokyo.server().state().revision();
    robot.clickOn("#keep-node");
    waitFor(() -> model.workspace().cluster("TOKYO").orElseThrow().phone(Fixtures.phoneName("TOKYO", 1))
        .orElseThrow().description().equals("node side 1"));
    assertThat(model.canUndoProperty().get()).isTrue();
    assertThat(model.lastChangeProperty().get()).contains(Fixtures.phoneName("TOKYO", 1));
    Plan after = planned(robot);
    assertThat(after.conflicts()).singleElement()
        .satisfies(c -> assertThat(c.key().name()).isEqualTo(Fixtures.phoneName("TOKYO", 3)));
    assertThat(tokyo.server().state().revision()).isEqualTo(nodeRevision);

    // keep ours for phone 3: it is pushed over the node's
    selectConflict(robot, 3);
    robot.clickOn("#keep-local");
    waitFor(() -> tokyo.server().state().cluster().phone(Fixtures.phoneName("TOKYO", 3)).orElseThrow()
        .description().equals("console side 3"));
    Plan done = planned(robot);
    assertThat(done.items()).isEmpty();
  }

  @Test
  void pullTakesTheNodesChangeThroughTheModelSoItIsUndoable(FxRobot robot) throws Exception {
    addTokyoNode(robot);
    planned(robot);
    pushed(robot);
    editOnNode(2, "changed on the node");
    Plan plan = planned(robot);
    assertThat(plan.items()).singleElement().satisfies(i -> assertThat(i.action()).isEqualTo(PlanItem.Action.PULL));
    robot.clickOn("#sync-pull");
    waitFor(() -> localPhone(2).description().equals("changed on the node"));
    assertThat(model.lastChangeProperty().get()).startsWith("sync pull TOKYO");
    robot.interact(model::undo);
    assertThat(localPhone(2).description()).isEqualTo("phone 2");
  }

  private void selectField(FxRobot robot, int i, String field) {
    robot.interact(() -> {
      TreeView<SyncView.Line> tree = robot.lookup("#sync-plan-tree").queryAs(TreeView.class);
      TreeItem<SyncView.Line> object = find(tree.getRoot(), Fixtures.phoneName("TOKYO", i));
      tree.getSelectionModel().select(object.getChildren().stream()
          .filter(c -> c.getValue().field() != null && c.getValue().field().field().equals(field))
          .findFirst().orElseThrow());
    });
  }

  @Test
  void aConflictIsResolvedFieldByField(FxRobot robot) throws Exception {
    addTokyoNode(robot);
    planned(robot);
    pushed(robot);
    editOnNode(0, "description", "node 0");
    editOnNode(0, "address", "10.9.9.9");
    editLocally(robot, 0, "console 0");
    Plan plan = planned(robot);
    assertThat(plan.conflicts()).singleElement().satisfies(c -> assertThat(c.fields()).hasSize(2));

    // the node's address, the console's description
    selectField(robot, 0, "address");
    robot.clickOn("#keep-node");
    waitFor(() -> localPhone(0).address().equals("10.9.9.9"));
    assertThat(model.workspace().cluster("TOKYO").orElseThrow().phone(Fixtures.phoneName("TOKYO", 0)).orElseThrow()
        .description()).isEqualTo("console 0");
    Plan left = planned(robot);
    assertThat(left.conflicts()).singleElement().satisfies(c -> assertThat(c.fields()).singleElement()
        .satisfies(f -> assertThat(f.field()).isEqualTo("description")));
    selectConflict(robot, 0);
    robot.clickOn("#keep-local");
    waitFor(() -> tokyo.server().state().cluster().phone(Fixtures.phoneName("TOKYO", 0)).orElseThrow()
        .description().equals("console 0"));
    assertThat(tokyo.server().state().cluster().phone(Fixtures.phoneName("TOKYO", 0)).orElseThrow().address())
        .isEqualTo("10.9.9.9");
  }

  @Test
  void aChangedFingerprintIsRefused(FxRobot robot) throws Exception {
    // registered earlier with another certificate (say, before the node was reinstalled)
    NodesFile nodes = NodesFile.load(paths.nodesFile());
    nodes.add(new NodeRef(url(tokyo), osaka.identity().fingerprint(), tokyo.identity().token(), "TOKYO"));
    nodes.save();
    sync();
    robot.interact(() -> robot.lookup("#node-url").queryAs(TextField.class).setText(url(tokyo)));
    robot.clickOn("#node-connect");
    waitFor(() -> text(robot, "node-fingerprint").startsWith("Refused"));
    assertThat(text(robot, "node-fingerprint")).contains(tokyo.identity().fingerprint())
        .contains(osaka.identity().fingerprint());
    assertThat(robot.lookup("#node-trust").queryAs(Button.class).isDisabled()).isTrue();
    // and syncing with the old pin is refused too, saying so
    robot.clickOn("#sync-plan");
    waitFor(() -> sync().rows().get(0).state().contains("refusing"));
    assertThat(NodesFile.load(paths.nodesFile()).nodes().get(0).fingerprint()).isEqualTo(osaka.identity().fingerprint());
  }

  private RemoteCluster osakaEntry() {
    return model.workspace().cluster("TOKYO").orElseThrow().remoteClusters().get(0);
  }

  @Test
  void updateRemoteClusterNowFillsTheStatus(FxRobot robot) throws Exception {
    NodesFile nodes = NodesFile.load(paths.nodesFile());
    nodes.add(TestNodes.ref(osaka));
    nodes.save();
    robot.interact(() -> shell.open("remoteCluster"));
    assertThat(osakaEntry().status()).isNull();
    assertThat(text(robot, "remote-status")).contains("Not updated yet");
    robot.clickOn("#update-remote-cluster-now");
    waitFor(() -> osakaEntry().status() != null);
    var s = osakaEntry().status();
    assertThat(s.answered()).isTrue();
    assertThat(s.version()).isEqualTo("14.0");
    // OSAKA's intercluster service profile has EMCC and PSTN access on, RSVP agent off
    assertThat(s.remoteActivated().emcc()).isTrue();
    assertThat(s.remoteActivated().pstnAccess()).isTrue();
    assertThat(s.remoteActivated().rsvpAgent()).isFalse();
    assertThat(text(robot, "remote-status")).contains("answered").contains("EMCC yes").contains("RSVP Agent no");
    assertThat(model.canUndoProperty().get()).isTrue();

    // the node stops answering: answered=false, every service off, and a clear message
    osaka.close();
    osaka = null;
    robot.clickOn("#update-remote-cluster-now");
    waitFor(() -> !osakaEntry().status().answered());
    assertThat(osakaEntry().status().remoteActivated().emcc()).isFalse();
    assertThat(text(robot, "remote-message")).contains("did not answer").contains("connection refused");
  }

  private void answerInvalidPush(FxRobot robot, String button) throws Exception {
    waitFor(() -> robot.lookup("#invalid-push").tryQuery().isPresent());
    robot.clickOn(robot.lookup("#invalid-push .button").match(n -> n instanceof Button b && b.getText().equals(button))
        .queryAs(Button.class));
  }

  @Test
  void aPushOfAClusterWithValidationErrorsSaysSoListsThemAndAsks(FxRobot robot) throws Exception {
    // the fixture's TOKYO alone is no valid configuration (no TFTP server, OSAKA not in the workspace, ...)
    robot.interact(() -> model.setValidator(dev.emcc.rules.Validator.standard()::validate));
    int errors = dev.emcc.sync.PushCheck.errors(model.workspace(), "TOKYO", dev.emcc.rules.Validator.standard()::validate)
        .size();
    assertThat(errors).isGreaterThan(1);
    addTokyoNode(robot);

    robot.clickOn("#sync-push");
    waitFor(() -> robot.lookup("#invalid-push").tryQuery().isPresent());
    javafx.scene.control.DialogPane pane = robot.lookup("#invalid-push").queryAs(javafx.scene.control.DialogPane.class);
    assertThat(pane.getHeaderText()).isEqualTo("Cluster TOKYO has " + errors + " validation errors");
    javafx.scene.control.ListView<?> list = robot.lookup("#invalid-push-errors").queryAs(javafx.scene.control.ListView.class);
    assertThat(list.getItems()).hasSize(errors)
        .anyMatch(l -> l.toString().contains("Default TFTP Server for EMCC Login Device is not set"));
    // Cancel is the default button: Enter does not push
    robot.type(javafx.scene.input.KeyCode.ENTER);
    waitFor(() -> robot.lookup("#invalid-push").tryQuery().isEmpty() && !sync().busy());
    assertThat(tokyo.server().state().revision()).isZero();
    assertThat(text(robot, "sync-message")).isEqualTo("Not pushed: cluster TOKYO has " + errors + " validation errors.");

    robot.clickOn("#sync-push");
    answerInvalidPush(robot, "Show Problems");
    waitFor(() -> "problems".equals(shell.current()));
    assertThat(tokyo.server().state().revision()).isZero();

    robot.interact(() -> {
      shell.open("sync");
      i18n.setLocale(I18n.JAPANESE);
    });
    robot.clickOn("#sync-push");
    waitFor(() -> robot.lookup("#invalid-push").tryQuery().isPresent());
    assertThat(robot.lookup("#invalid-push").queryAs(javafx.scene.control.DialogPane.class).getHeaderText())
        .isEqualTo("クラスタ TOKYO に検証エラーが " + errors + " 件あります");
    assertThat(robot.lookup("#invalid-push-errors").queryAs(javafx.scene.control.ListView.class).getItems())
        .anyMatch(l -> l.toString().contains("クラスタ TOKYO で EMCC ログインデバイス用のデフォルトの TFTP サーバが設定されていません"));
    answerInvalidPush(robot, "それでもプッシュ");
    waitFor(() -> tokyo.server().state().revision() > 0 && !sync().busy());
    assertThat(tokyo.server().state().cluster().phones()).hasSize(4);
  }
}
