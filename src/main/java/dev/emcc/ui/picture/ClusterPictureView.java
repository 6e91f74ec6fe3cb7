package dev.emcc.ui.picture;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.RemoteCluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * The cluster picture: every cluster of the workspace with its nodes and services, and an arrow
 * for each remote-cluster entry, green when the link is right for EMCC (the other cluster exists,
 * EMCC on, TFTP off) and red otherwise. Click a cluster to show it; click an arrow to open its
 * Cluster View entry.
 */
public final class ClusterPictureView implements View {
  private static final double CARD_W = 300;
  private static final double GAP = 220;

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final Pane canvas = new Pane();
  private final BorderPane root = new BorderPane();

  public ClusterPictureView(UiContext ctx, Shell shell) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    canvas.setId("cluster-picture");
    canvas.setPadding(new Insets(20));
    ScrollPane scroll = new ScrollPane(canvas);
    root.setTop(WindowHeader.of(i18n, "clusterPicture"));
    root.setCenter(scroll);
    root.setId("window-clusterPicture");
    draw();
    ctx.model().workspaceProperty().addListener((o, a, b) -> draw());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> draw());
    i18n.localeProperty().addListener((o, a, b) -> draw());
  }

  /** Whether a remote-cluster entry is a working EMCC link within this workspace. */
  public static boolean linkOk(Workspace ws, RemoteCluster r) {
    return ws.cluster(r.clusterId()).isPresent() && r.services().emcc() && !r.services().tftp();
  }

  private void draw() {
    canvas.getChildren().clear();
    Workspace ws = ctx.model().workspace();
    List<Cluster> clusters = ws.clusters();
    Map<String, VBox> cards = new LinkedHashMap<>();
    Map<String, Point2D> at = new LinkedHashMap<>();
    int n = clusters.size();
    for (int i = 0; i < n; i++) {
      Cluster c = clusters.get(i);
      VBox card = card(c);
      Point2D p;
      if (n <= 3) {
        p = new Point2D(30 + i * (CARD_W + GAP), 40 + (i % 2) * 40);
      } else {
        double angle = 2 * Math.PI * i / n - Math.PI / 2;
        double radius = 180 + 70 * n;
        p = new Point2D(radius + radius * Math.cos(angle), 20 + radius * 0.6 + radius * 0.6 * Math.sin(angle));
      }
      card.relocate(p.getX(), p.getY());
      cards.put(c.clusterId(), card);
      at.put(c.clusterId(), p);
    }
    canvas.getChildren().addAll(cards.values());
    // arrows after the cards are laid out (their heights are known only then)
    canvas.applyCss();
    canvas.layout();
    List<javafx.scene.Node> arrows = new ArrayList<>();
    for (Cluster c : clusters) {
      for (RemoteCluster r : c.remoteClusters()) {
        arrows.addAll(arrow(ws, c, r, cards, at));
      }
    }
    canvas.getChildren().addAll(0, arrows);
  }

  private VBox card(Cluster c) {
    Label title = new Label(c.clusterId());
    title.getStyleClass().add(Styles.TITLE_3);
    Label meta = new Label(i18n.text("picture.meta", c.version(), i18n.text("opt." + c.securityMode().json()),
        c.phones().size(), c.emccDevices().names().size()));
    meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    meta.setWrapText(true);
    VBox card = new VBox(4, title, meta);
    for (Node node : c.nodes()) {
      List<String> s = new ArrayList<>();
      if (node.services().callManager()) {
        s.add("CM");
      }
      if (node.services().tftp()) {
        s.add("TFTP");
      }
      if (node.services().extensionMobility()) {
        s.add("EM");
      }
      if (node.services().ils()) {
        s.add("ILS");
      }
      Label l = new Label((node.publisher() ? "★ " : "• ") + node.name() + (s.isEmpty() ? "" : "  [" + String.join(" ", s) + "]"));
      l.setWrapText(true);
      l.getStyleClass().add(Styles.TEXT_SMALL);
      card.getChildren().add(l);
    }
    boolean active = c.interclusterServiceProfile().emccActive();
    Label emcc = new Label(i18n.text(active ? "picture.emccOn" : "picture.emccOff"));
    emcc.getStyleClass().addAll(Styles.TEXT_SMALL, active ? Styles.SUCCESS : Styles.DANGER);
    card.getChildren().add(emcc);
    card.setPadding(new Insets(12));
    card.setPrefWidth(CARD_W);
    card.setMaxWidth(CARD_W);
    boolean shown = c.clusterId().equals(ctx.model().clusterIdProperty().get());
    card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 8; -fx-border-radius: 8;"
        + "-fx-border-width: " + (shown ? 2 : 1) + "; -fx-border-color: " + (shown ? "-color-accent-emphasis" : "-color-border-default") + ";");
    card.setId("cluster-" + c.clusterId());
    card.setOnMouseClicked(e -> ctx.model().clusterIdProperty().set(c.clusterId()));
    return card;
  }

  private List<javafx.scene.Node> arrow(Workspace ws, Cluster from, RemoteCluster r, Map<String, VBox> cards,
      Map<String, Point2D> at) {
    VBox a = cards.get(from.clusterId());
    boolean ok = linkOk(ws, r);
    String color = ok ? "-color-success-emphasis" : "-color-danger-emphasis";
    Point2D start = center(a, at.get(from.clusterId()));
    Point2D end;
    VBox b = cards.get(r.clusterId());
    if (b != null) {
      end = center(b, at.get(r.clusterId()));
    } else {
      end = start.add(0, a.getHeight() / 2 + 90);
    }
    // the two directions of a pair run side by side
    Point2D dir = end.subtract(start).normalize();
    Point2D side = new Point2D(-dir.getY(), dir.getX()).multiply(14);
    Point2D s = clip(start, dir, a).add(side);
    Point2D e = b == null ? end.add(side) : clip(end, dir.multiply(-1), b).add(side);
    Line line = new Line(s.getX(), s.getY(), e.getX(), e.getY());
    line.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 2.5;" + (b == null ? "-fx-stroke-dash-array: 6 6;" : ""));
    Point2D back = e.subtract(dir.multiply(12));
    Point2D wing = new Point2D(-dir.getY(), dir.getX()).multiply(6);
    Polygon head = new Polygon(e.getX(), e.getY(), back.getX() + wing.getX(), back.getY() + wing.getY(),
        back.getX() - wing.getX(), back.getY() - wing.getY());
    head.setStyle("-fx-fill: " + color + ";");
    List<String> services = new ArrayList<>();
    if (r.services().emcc()) {
      services.add("EMCC");
    }
    if (r.services().pstnAccess()) {
      services.add("PSTN");
    }
    if (r.services().rsvpAgent()) {
      services.add("RSVP");
    }
    if (r.services().tftp()) {
      services.add("TFTP!");
    }
    String text = (b == null ? r.clusterId() + " ? " : "") + String.join(" · ", services);
    Label label = new Label(text.isEmpty() ? "—" : text);
    label.getStyleClass().add(Styles.TEXT_SMALL);
    label.setStyle("-fx-text-fill: " + color + "; -fx-background-color: -color-bg-default; -fx-padding: 1 4 1 4;");
    Point2D mid = s.midpoint(e).add(side.multiply(1.6));
    label.relocate(mid.getX() - 50, mid.getY() - 10);
    Tooltip.install(label, new Tooltip(i18n.text(ok ? "picture.linkOk" : "picture.linkBad", from.clusterId(), r.clusterId())));
    Runnable open = () -> {
      ctx.model().clusterIdProperty().set(from.clusterId());
      shell.reveal(Windows.REMOTE_CLUSTER.id(), r.clusterId(), null);
    };
    line.setOnMouseClicked(ev -> open.run());
    label.setOnMouseClicked(ev -> open.run());
    label.setId("link-" + from.clusterId() + "-" + r.clusterId());
    return List.of(line, head, label);
  }

  private static Point2D center(VBox card, Point2D at) {
    return new Point2D(at.getX() + card.getWidth() / 2, at.getY() + card.getHeight() / 2);
  }

  /** Where a ray from the card's centre leaves the card. */
  private static Point2D clip(Point2D c, Point2D dir, VBox card) {
    double hw = card.getWidth() / 2 + 6;
    double hh = card.getHeight() / 2 + 6;
    double tx = dir.getX() == 0 ? Double.MAX_VALUE : hw / Math.abs(dir.getX());
    double ty = dir.getY() == 0 ? Double.MAX_VALUE : hh / Math.abs(dir.getY());
    return c.add(dir.multiply(Math.min(tx, ty)));
  }

  @Override
  public javafx.scene.Node node() {
    return root;
  }
}
