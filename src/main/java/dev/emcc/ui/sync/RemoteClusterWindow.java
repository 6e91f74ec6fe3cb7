package dev.emcc.ui.sync;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Cluster;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.RemoteClusterStatus;
import dev.emcc.schema.Window;
import dev.emcc.sync.NodeRef;
import dev.emcc.sync.NodesFile;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.ListWindow;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Remote Cluster window (Cluster View): the form window, plus the selected remote cluster's
 * status as last learned ("remote activated" per service) and the Update Remote Cluster Now
 * button, which asks the remote cluster's node and records the answer in its {@code status}.
 */
public final class RemoteClusterWindow implements View {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  private final ListWindow<?> list;
  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final SyncPaths paths;
  private final BorderPane root = new BorderPane();
  private final Label status = new Label();
  private final Label message = new Label();
  private final Button update = new Button();

  public RemoteClusterWindow(Window spec, UiContext ctx, Shell shell) {
    this(spec, ctx, shell, SyncPaths.current());
  }

  public RemoteClusterWindow(Window spec, UiContext ctx, Shell shell, SyncPaths paths) {
    this.list = new ListWindow<>(spec, ctx);
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    this.paths = paths;
    update.textProperty().bind(i18n.bind("remote.updateNow"));
    update.setId("update-remote-cluster-now");
    update.setOnAction(e -> updateNow());
    status.setId("remote-status");
    status.setWrapText(true);
    message.setId("remote-message");
    message.setWrapText(true);
    Label title = new Label();
    title.textProperty().bind(i18n.bind("remote.statusTitle"));
    title.getStyleClass().add(Styles.TITLE_4);
    HBox bar = new HBox(10, update, message);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox bottom = new VBox(6, title, status, bar);
    bottom.setPadding(new Insets(8, 16, 10, 16));
    bottom.getStyleClass().add("remote-cluster-status");
    root.setCenter(list.node());
    root.setBottom(bottom);
    list.selection().addListener((o, a, b) -> show());
    ctx.model().workspaceProperty().addListener((o, a, b) -> show());
    i18n.localeProperty().addListener((o, a, b) -> show());
    show();
  }

  private RemoteCluster selected() {
    Object item = list.selection().getValue();
    if (!(item instanceof RemoteCluster rc)) {
      return null;
    }
    // the table may hold the object from before the last commit: take the current one
    Cluster c = ctx.cluster();
    return c == null ? rc : c.remoteClusters().stream().filter(r -> r.clusterId().equals(rc.clusterId()))
        .findFirst().orElse(rc);
  }

  private void show() {
    RemoteCluster rc = selected();
    update.setDisable(rc == null || rc.clusterId() == null || rc.clusterId().isBlank());
    if (rc == null) {
      status.setText("");
      return;
    }
    RemoteClusterStatus s = rc.status();
    if (s == null) {
      status.setText(i18n.text("remote.never"));
      return;
    }
    String yes = i18n.text("remote.activated");
    String no = i18n.text("remote.notActivated");
    var a = s.remoteActivated();
    status.setText(i18n.text("remote.status",
        s.updatedAt() == null ? "-" : WHEN.format(s.updatedAt()),
        i18n.text(s.answered() ? "remote.answered" : "remote.notAnswered"),
        s.version() == null ? "-" : s.version(),
        a.emcc() ? yes : no, a.pstnAccess() ? yes : no, a.rsvpAgent() ? yes : no, a.tftp() ? yes : no));
  }

  /** Asks the remote cluster's node in the background; the answer is committed (saved, undoable). */
  public void updateNow() {
    RemoteCluster rc = selected();
    Cluster local = ctx.cluster();
    if (rc == null || local == null) {
      return;
    }
    String localId = local.clusterId();
    Task<RemoteClusterUpdate.Outcome> task = new Task<>() {
      @Override protected RemoteClusterUpdate.Outcome call() throws Exception {
        updateProgress(-1, 1);
        List<NodeRef> nodes = NodesFile.load(paths.nodesFile()).nodes();
        return RemoteClusterUpdate.ask(nodes, localId, rc, Instant.now());
      }
    };
    i18n.show(message, "remote.asking", rc.clusterId());
    task.setOnSucceeded(e -> {
      RemoteClusterUpdate.Outcome out = task.getValue();
      ctx.model().commit(ctx.model().workspace().updateCluster(localId, c -> {
        List<RemoteCluster> next = new ArrayList<>();
        for (RemoteCluster r : c.remoteClusters()) {
          next.add(r.clusterId().equals(rc.clusterId()) ? r.withStatus(out.status()) : r);
        }
        return c.withRemoteClusters(next);
      }), i18n.text("remote.updated", rc.clusterId()));
      if (out.problem() == null) {
        i18n.show(message, "remote.updated", rc.clusterId());
        ctx.status("remote.updated", rc.clusterId());
        message.getStyleClass().remove(Styles.DANGER);
      } else {
        i18n.show(message, "remote.noAnswer", rc.clusterId(), out.problem());
        ctx.status("remote.noAnswer", rc.clusterId(), out.problem());
        message.getStyleClass().add(Styles.DANGER);
      }
      show();
    });
    task.setOnFailed(e -> i18n.show(message, "remote.noAnswer", rc.clusterId(),
        String.valueOf(task.getException().getMessage())));
    shell.run(task);
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void reveal(String object, String field) {
    list.reveal(object, field);
  }
}
