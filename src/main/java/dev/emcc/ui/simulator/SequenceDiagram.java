package dev.emcc.ui.simulator;

import dev.emcc.sim.CheckOrder;
import dev.emcc.sim.SimulationResult;
import dev.emcc.sim.Step;
import dev.emcc.ui.kit.I18n;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The login as a sequence diagram: one lifeline per party, one arrow per step of the result,
 * drawn hop by hop; passed steps green, the failing one red and named.
 */
final class SequenceDiagram extends Pane {
  /** The lifelines left to right; the engine's role names map onto them. */
  static final List<String> LIFELINES = List.of("phone", "visitingEmApp", "visitingEmService", "visitingDatabase",
      "homeEmService", "homeDatabase", "homeTftp");
  private static final double COLUMN = 102;
  private static final double TOP = 48;
  private static final double ROW = 30;
  static final Color OK = Color.web("#1a7f37");
  static final Color FAIL = Color.web("#cf222e");

  private final I18n i18n;
  private final Map<String, CheckOrder.Entry> checks = new HashMap<>();
  private final List<Group> arrows = new ArrayList<>();
  private final List<Label> heads = new ArrayList<>();
  private final List<Line> lifelines = new ArrayList<>();
  private Timeline timeline;
  private SimulationResult result;
  private boolean live;

  SequenceDiagram(I18n i18n) {
    this.i18n = i18n;
    setId("sequence-diagram");
    CheckOrder.login().forEach(e -> checks.put(e.id(), e));
    CheckOrder.logout().forEach(e -> checks.put(e.id(), e));
    CheckOrder.phoneWindowLogout().forEach(e -> checks.put(e.id(), e));
    for (int i = 0; i < LIFELINES.size(); i++) {
      double x = x(i);
      Label head = new Label();
      head.textProperty().bind(i18n.bind("sim.lifeline." + LIFELINES.get(i)));
      head.setWrapText(true);
      head.setPrefWidth(COLUMN - 12);
      head.setLayoutX(x - (COLUMN - 12) / 2);
      head.setLayoutY(4);
      head.setStyle("-fx-alignment: center; -fx-text-alignment: center; -fx-font-weight: bold; -fx-font-size: 11px;"
          + " -fx-border-color: -color-border-default; -fx-border-radius: 4; -fx-padding: 2 4 2 4;");
      heads.add(head);
      Line life = new Line(x, TOP - 6, x, TOP + ROW);
      life.getStyleClass().add("lifeline");
      life.getStrokeDashArray().setAll(4.0, 4.0);
      life.setStroke(Color.GRAY);
      lifelines.add(life);
    }
    getChildren().addAll(lifelines);
    getChildren().addAll(heads);
    setMinWidth(x(LIFELINES.size() - 1) + COLUMN / 2 + 8);
    setPrefSize(getMinWidth(), TOP + ROW * 2);
    i18n.localeProperty().addListener((o, a, b) -> {
      if (result != null) {
        show(result, false, live);
      }
    });
  }

  private static double x(int column) {
    return COLUMN / 2 + 8 + column * COLUMN;
  }

  static int column(Step s, boolean from) {
    String role = from ? s.from() : s.to();
    if ("home.tftpServers".equals(s.check()) && !from) {
      role = "homeTftp";
    }
    if ("remoteEmService".equals(role)) {
      role = "homeEmService";
    }
    int i = LIFELINES.indexOf(role);
    return i < 0 ? LIFELINES.indexOf("visitingEmService") : i;
  }

  /** The number of arrows shown so far (the animation adds them one by one). */
  int shown() {
    return (int) arrows.stream().filter(Group::isVisible).count();
  }

  void clear() {
    if (timeline != null) {
      timeline.stop();
    }
    result = null;
    getChildren().removeAll(arrows);
    arrows.clear();
    resize(0);
  }

  /**
   * Draws a result; with {@code animate} the arrows appear one per 180 ms. With {@code overTheWire}
   * the calls between the clusters' EMServices are marked as the HTTPS requests they were.
   */
  void show(SimulationResult r, boolean animate, boolean overTheWire) {
    clear();
    result = r;
    live = overTheWire;
    List<Step> steps = r.steps();
    for (int i = 0; i < steps.size(); i++) {
      Group g = arrow(i, steps.get(i));
      g.setVisible(!animate);
      arrows.add(g);
    }
    getChildren().addAll(arrows);
    resize(steps.size());
    if (animate && !arrows.isEmpty()) {
      timeline = new Timeline();
      for (int i = 0; i < arrows.size(); i++) {
        Group g = arrows.get(i);
        timeline.getKeyFrames().add(new KeyFrame(Duration.millis(180.0 * (i + 1)), e -> g.setVisible(true)));
      }
      timeline.play();
    }
  }

  private void resize(int rows) {
    double h = TOP + ROW * Math.max(rows, 1) + 12;
    lifelines.forEach(l -> l.setEndY(h - 4));
    setPrefHeight(h);
    setMinHeight(h);
  }

  /** The title of a step's check in the UI language, numbered as in CheckOrder. */
  String title(Step s) {
    CheckOrder.Entry e = checks.get(s.check());
    if (e == null) {
      return s.check();
    }
    return e.number() + ". " + (i18n.isJapanese() ? e.titleJa() : e.title());
  }

  private Group arrow(int row, Step s) {
    int from = column(s, true);
    int to = column(s, false);
    double y = TOP + ROW * row + ROW - 6;
    double x1 = x(from);
    double x2 = x(to);
    Color color = s.ok() ? OK : FAIL;
    Line line = new Line(x1, y, x2, y);
    line.setStroke(color);
    line.setStrokeWidth(s.ok() ? 1.6 : 2.6);
    double dir = Math.signum(x2 - x1);
    Polygon head = new Polygon(x2, y, x2 - dir * 9, y - 4.5, x2 - dir * 9, y + 4.5);
    head.setFill(color);
    boolean wire = live && betweenClusters(s);
    Text label = new Text((s.ok() ? "\u2713 " : "\u2717 ") + title(s) + (wire ? "  " + i18n.text("sim.diagram.https") : ""));
    label.setFill(color);
    label.setFont(Font.font(null, s.ok() ? FontWeight.NORMAL : FontWeight.BOLD, 11));
    label.setX(Math.min(x1, x2) + 6);
    label.setY(y - 5);
    Group g = new Group(line, head, label);
    g.getStyleClass().add(s.ok() ? "step-ok" : "step-fail");
    if (wire) {
      line.getStrokeDashArray().setAll(8.0, 3.0);
      g.getStyleClass().add("step-wire");
    }
    Tooltip.install(g, new Tooltip(s.message(i18n.isJapanese())));
    return g;
  }

  /** A call between the visiting and the home EMService: an HTTPS request when live. */
  static boolean betweenClusters(Step s) {
    return isVisitingService(s.from()) && isHomeService(s.to()) || isHomeService(s.from()) && isVisitingService(s.to());
  }

  private static boolean isVisitingService(String role) {
    return "visitingEmService".equals(role);
  }

  private static boolean isHomeService(String role) {
    return "homeEmService".equals(role) || "remoteEmService".equals(role);
  }
}
