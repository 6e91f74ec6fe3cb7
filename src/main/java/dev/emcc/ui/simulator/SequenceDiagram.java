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
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;

/**
 * The login as a sequence diagram: one lifeline per party, one row per step of the result, drawn
 * hop by hop: the step's line of text (numbered as {@code emcc simulate} numbers it: the check and
 * what happened) on a band of its own that the lifelines pass behind, the arrow under it. Passed
 * steps in the theme's success colour, failed ones in its danger colour (both readable light and
 * dark); a line too long for the diagram ends in "..." and shows whole in its tooltip.
 */
final class SequenceDiagram extends Pane {
  /** The lifelines left to right; the engine's role names map onto them. */
  static final List<String> LIFELINES = List.of("phone", "visitingEmApp", "visitingEmService", "visitingDatabase",
      "homeEmService", "homeDatabase", "homeTftp");
  private static final double COLUMN = 86;
  private static final double TOP = 48;
  private static final double ROW = 40;
  /** The theme's colours (AtlantaFX looked-up colours), so dark shows them as brightly as light. */
  private static final String OK_COLOUR = "-color-success-fg";
  private static final String FAIL_COLOUR = "-color-danger-fg";

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
      head.setPrefWidth(COLUMN - 6);
      head.setLayoutX(x - (COLUMN - 6) / 2);
      head.setLayoutY(4);
      head.setStyle("-fx-alignment: center; -fx-text-alignment: center; -fx-font-weight: bold; -fx-font-size: 11px;"
          + " -fx-border-color: -color-border-default; -fx-border-radius: 4; -fx-padding: 2 4 2 4;");
      heads.add(head);
      Line life = new Line(x, TOP - 6, x, TOP + ROW);
      life.getStyleClass().add("lifeline");
      life.getStrokeDashArray().setAll(4.0, 4.0);
      life.setStyle("-fx-stroke: -color-fg-subtle;");
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

  /** Where a step's row begins (its text band), from the top of the diagram. */
  double rowTop(int row) {
    return TOP + ROW * row;
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

  /** The title of a step's check in the UI language (the step's own message when no check made it). */
  String checkTitle(Step s) {
    CheckOrder.Entry e = checks.get(s.check());
    if (e == null) {
      return s.check();
    }
    return i18n.isJapanese() ? e.titleJa() : e.title();
  }

  /** A step's line: its number in this attempt (as emcc simulate prints it), the check and what happened. */
  String line(int index, Step s) {
    return (index + 1) + " " + (s.ok() ? "\u2713" : "\u2717") + " " + checkTitle(s) + " \u2014 "
        + s.message(i18n.isJapanese());
  }

  private Group arrow(int row, Step s) {
    int from = column(s, true);
    int to = column(s, false);
    double top = rowTop(row);
    double y = top + ROW - 8;
    double x1 = x(from);
    double x2 = x(to);
    String colour = s.ok() ? OK_COLOUR : FAIL_COLOUR;
    Line line = new Line(x1, y, x2, y);
    line.setStyle("-fx-stroke: " + colour + ";");
    line.setStrokeWidth(s.ok() ? 1.6 : 2.6);
    double dir = Math.signum(x2 - x1);
    Polygon head = new Polygon(x2, y, x2 - dir * 9, y - 4.5, x2 - dir * 9, y + 4.5);
    head.setStyle("-fx-fill: " + colour + ";");
    boolean wire = live && betweenClusters(s);
    Label label = new Label(line(row, s) + (wire ? "  " + i18n.text("sim.diagram.https") : ""));
    label.getStyleClass().add("step-text");
    // an opaque band: the lifelines pass behind the text, never through it
    label.setStyle("-fx-text-fill: " + colour + "; -fx-background-color: -color-bg-default; -fx-font-size: 11px;"
        + " -fx-padding: 0 3 0 3;" + (s.ok() ? "" : " -fx-font-weight: bold;"));
    label.setLayoutX(4);
    label.setLayoutY(top + 3);
    label.setMaxWidth(getMinWidth() - 8);
    label.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
    Group g = new Group(line, head, label);
    g.getStyleClass().add(s.ok() ? "step-ok" : "step-fail");
    if (wire) {
      line.getStrokeDashArray().setAll(8.0, 3.0);
      g.getStyleClass().add("step-wire");
    }
    CheckOrder.Entry e = checks.get(s.check());
    String tip = line(row, s) + (e == null ? "" : "\n" + i18n.text("sim.diagram.checkOrder", e.number()));
    Tooltip.install(g, new Tooltip(tip));
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
