package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.rules.Validator;
import dev.emcc.sync.LocalWorkspace;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.PushResult;
import dev.emcc.sync.RetryPolicy;
import dev.emcc.sync.SyncBase;
import dev.emcc.sync.Syncer;
import dev.emcc.ui.app.ConsoleApp;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.start.StartView;
import dev.emcc.ui.sync.SyncPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
 * The start page, the console's first screen: each cluster's version, nodes, counts, checklist
 * progress, problems and last sync per node (a real node on 127.0.0.1, pushed to), the first
 * actions, reached by keyboard, in both languages.
 */
@ExtendWith(ApplicationExtension.class)
class StartPageTest {
  @TempDir
  static Path dir;
  private RunningNode tokyo;
  private ConsoleModel model;
  private I18n i18n;
  private Shell shell;
  private SyncPaths paths;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() throws Exception {
    if (tokyo != null) {
      tokyo.close();
    }
  }

  /** The demo with TOKYO's default TFTP server removed: one error, one checklist step with problems. */
  private static Workspace brokenTokyo() throws Exception {
    Path demo = Files.createTempFile(dir, "demo", ".json");
    WorkspaceFormat.write(DemoWorkspace.create(), demo);
    Files.writeString(demo, Files.readString(demo)
        .replace("\"defaultTftpServer\" : \"cucm-pub.tokyo.example.com\"", "\"defaultTftpServer\" : null"));
    return WorkspaceFormat.read(demo);
  }

  /** A console whose registered nodes and sync state live in {@code paths}. */
  private void open(FxRobot robot, Workspace ws) {
    robot.interact(() -> {
      Themes.LIGHT.apply();
      model = new ConsoleModel();
      model.setValidator(Validator.standard()::validate);
      model.load(ws);
      i18n = new I18n(I18n.ENGLISH);
      UiContext ctx = new UiContext(model, i18n);
      Views views = new Views();
      shell = new Shell(ctx, (id, c, s) -> Shell.START.equals(id) ? new StartView(c, s, paths) : views.create(id, c, s));
      stage.setScene(new Scene(shell.root(), 1280, 800));
      stage.show();
      stage.toFront();
      stage.requestFocus();
      ConsoleApp.revalidateAfterChanges(ctx, shell);
      dev.emcc.ui.errors.ProblemsView.validate(ctx, shell);
    });
  }

  private static void waitFor(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String text(FxRobot robot, String id) {
    return robot.lookup("#" + id).queryAs(Label.class).getText();
  }

  private List<String> labels(FxRobot robot, String id) {
    return ((Parent) robot.lookup("#" + id).query()).getChildrenUnmodifiable().stream()
        .map(n -> ((Label) n).getText()).toList();
  }

  @Test
  void eachClusterWithItsCountsChecklistProblemsAndLastSyncPerNode(FxRobot robot) throws Exception {
    Path here = Files.createTempDirectory(dir, "case");
    Workspace ws = brokenTokyo();
    // a TOKYO node, registered and pushed to as the console does (the same nodes file and sync base)
    tokyo = TestNodes.start(here.resolve("tokyo"), null);
    Path file = here.resolve("console/workspace.json");
    WorkspaceFormat.write(ws, file);
    paths = new SyncPaths(here.resolve("console/nodes.json"), SyncBase.fileFor(file));
    NodeRef ref = TestNodes.ref(tokyo);
    NodesFile nodes = NodesFile.load(paths.nodesFile());
    nodes.add(new NodeRef(ref.url(), ref.fingerprint(), ref.token(), "TOKYO"));
    nodes.save();
    PushResult pushed = new Syncer(LocalWorkspace.file(file), RetryPolicy.DEFAULT)
        .push(List.of(TestNodes.client(tokyo)), "TOKYO").get(0);
    assertThat(pushed.ok()).isTrue();

    open(robot, ws);
    assertThat(shell.current()).isEqualTo(Shell.START);
    waitFor(() -> model.problemsCurrent());
    waitFor(() -> text(robot, "start-problems-TOKYO").contains("error"));

    assertThat(robot.lookup("#start-cluster-TOKYO .label").queryAllAs(Label.class).stream().map(Label::getText))
        .contains("TOKYO", "Unified CM 14.0");
    assertThat(text(robot, "start-counts-TOKYO"))
        .isEqualTo("3 nodes · 6 phones · 6 device profiles · 6 end users · 10 EMCC devices");
    assertThat(text(robot, "start-counts-OSAKA"))
        .isEqualTo("2 nodes · 6 phones · 6 device profiles · 6 end users · 10 EMCC devices");
    // step 6 (EMCC Feature Configuration) has the missing TFTP server: 12 done, 1 with problems
    assertThat(text(robot, "start-checklist-TOKYO")).isEqualTo("Setup checklist: 12 of 13 steps done, 1 with problems");
    assertThat(text(robot, "start-checklist-OSAKA")).isEqualTo("Setup checklist: 13 of 13 steps done");
    assertThat(text(robot, "start-problems-TOKYO")).startsWith("1 error, no warnings");
    assertThat(text(robot, "start-problems-OSAKA")).isEqualTo("No problems found.");

    waitFor(() -> labels(robot, "start-nodes-TOKYO").get(0).startsWith(ref.url() + ": last sync "));
    assertThat(labels(robot, "start-nodes-TOKYO").get(0)).endsWith(", revision " + pushed.revision());
    assertThat(labels(robot, "start-nodes-OSAKA")).containsExactly(
        "No node registered for this cluster (Cluster Nodes / Sync adds one).");

    // in Japanese, in place
    robot.interact(() -> i18n.setLocale(I18n.JAPANESE));
    assertThat(text(robot, "start-counts-TOKYO"))
        .isEqualTo("ノード 3 · 電話 6 · デバイス プロファイル 6 · エンド ユーザ 6 · EMCC デバイス 10");
    assertThat(text(robot, "start-checklist-TOKYO")).isEqualTo("セットアップ チェックリスト: 13 ステップ中 12 ステップ完了、問題あり 1 ステップ");
    assertThat(text(robot, "start-problems-TOKYO")).startsWith("エラー 1 件、警告 0 件");
    assertThat(labels(robot, "start-nodes-TOKYO").get(0)).startsWith(ref.url() + ": 最終同期 ");
    assertThat(robot.lookup("#start-checklist").queryAs(Button.class).getText()).isEqualTo("セットアップ チェックリストを開く");
  }

  @Test
  void everyActionIsReachedByKeyboard(FxRobot robot) throws Exception {
    paths = new SyncPaths(Files.createTempDirectory(dir, "none").resolve("nodes.json"),
        dir.resolve("none.sync.db"));
    open(robot, DemoWorkspace.create());
    // F6 goes into the page: its first action
    robot.type(KeyCode.F6);
    WaitForAsyncUtils.waitForFxEvents();
    Node focus = stage.getScene().getFocusOwner();
    assertThat(focus.getId()).isEqualTo("start-checklist");
    // Tab walks the actions, then each cluster's links
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(stage.getScene().getFocusOwner().getId());
      robot.type(KeyCode.TAB);
    }
    assertThat(ids).containsSubsequence("start-checklist", "start-open-file", "start-pull", "start-simulator",
        "start-open-checklist-TOKYO", "start-open-problems-TOKYO", "start-open-sync-TOKYO", "start-open-picture-TOKYO");

    // Enter on a cluster's link: that cluster is shown, with its window
    robot.interact(() -> robot.lookup("#start-open-checklist-OSAKA").query().requestFocus());
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.clusterIdProperty().get()).isEqualTo(DemoWorkspace.OSAKA);
    assertThat(shell.current()).isEqualTo("checklist");

    // View > Start Page (Alt+Home) comes back; Enter on an action runs it
    robot.press(KeyCode.ALT, KeyCode.HOME).release(KeyCode.HOME, KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shell.current()).isEqualTo(Shell.START);
    assertThat(robot.lookup("#start-cluster-OSAKA .label").queryAllAs(Label.class).stream().map(Label::getText))
        .contains("shown in the console");
    // no dead buttons: every action is enabled and does something
    assertThat(robot.lookup("#start-actions .button").queryAllAs(Button.class)).hasSize(4)
        .allMatch(b -> !b.isDisabled() && b.getOnAction() != null);
    robot.interact(() -> robot.lookup("#start-simulator").query().requestFocus());
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shell.current()).isEqualTo("simulator");
  }

  @Test
  void anEmptyWorkspaceSaysWhereToBegin(FxRobot robot) throws Exception {
    paths = new SyncPaths(dir.resolve("empty/nodes.json"), dir.resolve("empty/ws.sync.db"));
    open(robot, Workspace.of(List.of()));
    assertThat(robot.lookup("#start-clusters .label").queryAllAs(Label.class).stream().map(Label::getText))
        .containsExactly("The workspace has no cluster yet: open a workspace file, or pull a cluster from a node.");
    // reading the sync state created no file
    assertThat(dir.resolve("empty")).doesNotExist();
  }
}
