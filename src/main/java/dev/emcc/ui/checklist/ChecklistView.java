package dev.emcc.ui.checklist;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Cluster;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.List;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The setup checklist: the seed's nine-step task flow for the shown cluster, each step marked
 * done, with problems (from the validator) or not started, with links to its windows; a step's
 * first finding that predicts a login error names that login and runs it in the simulator.
 */
public final class ChecklistView implements View {
  /** A step of the task flow: its windows, and what must exist for it to count as started. */
  public record Step(String id, List<Window> windows, Predicate<Cluster> started) {
    /** True when the diagnostic is fixed in one of the step's windows. */
    boolean fixedHere(Diagnostic d) {
      return d.fix() != null && windows.stream().anyMatch(w -> w.id().equals(d.fix().window()));
    }
  }

  public static final List<Step> STEPS = List.of(
      new Step("1", List.of(Windows.PHONE_FEATURE_LIST), c -> !c.phones().isEmpty()),
      new Step("2a", List.of(Windows.SERVICE_ACTIVATION), c -> c.nodes().stream().anyMatch(n -> n.services().extensionMobility())),
      new Step("2b", List.of(Windows.PHONE_SERVICE), c -> c.phoneServices().stream().anyMatch(s -> s.isExtensionMobility())),
      new Step("2c", List.of(Windows.DEVICE_PROFILE), c -> !c.deviceProfiles().isEmpty()),
      new Step("2d", List.of(Windows.END_USER), c -> c.endUsers().stream().anyMatch(u -> u.enableExtensionMobilityCrossCluster())),
      new Step("2e", List.of(Windows.PHONE), c -> c.phones().stream().anyMatch(p -> p.enableExtensionMobility())),
      new Step("3", List.of(Windows.CERTIFICATES), c -> c.trustStores().callManagerTrust().size() + c.trustStores().tomcatTrust().size() > 0),
      new Step("4", List.of(Windows.COMMON_DEVICE_CONFIG, Windows.EMCC_TEMPLATE, Windows.EMCC_DEVICES),
          c -> !c.emccTemplates().isEmpty() && !c.emccDevices().names().isEmpty()),
      new Step("5", List.of(Windows.GEOLOCATION_FILTER), c -> !c.geolocationFilters().isEmpty()),
      new Step("6", List.of(Windows.EMCC_FEATURE_CONFIG), c -> c.emccFeatureConfig().defaultTftpServer() != null),
      new Step("7", List.of(Windows.SIP_TRUNK), c -> c.sipTrunks().stream().anyMatch(t -> t.isEmcc())),
      new Step("8", List.of(Windows.INTERCLUSTER_SERVICE_PROFILE), c -> c.interclusterServiceProfile().emccActive()),
      new Step("9", List.of(Windows.REMOTE_CLUSTER), c -> !c.remoteClusters().isEmpty()));

  /** How a step stands. */
  public enum State { DONE, PROBLEMS, NOT_STARTED }

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final GridPane grid = new GridPane();
  private final BorderPane root = new BorderPane();

  public ChecklistView(UiContext ctx, Shell shell) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    grid.setHgap(14);
    grid.setVgap(10);
    grid.setPadding(new Insets(8, 16, 16, 16));
    grid.setId("checklist");
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    // the seed's task flow starts with reviewing the interactions and restrictions
    Hyperlink restrictions = new Hyperlink();
    restrictions.textProperty().bind(i18n.bind("check.restrictions"));
    restrictions.setId("checklist-restrictions");
    restrictions.setOnAction(e -> shell.open(Windows.RESTRICTIONS.id()));
    VBox top = new VBox(WindowHeader.of(i18n, Windows.CHECKLIST.id()), restrictions);
    VBox.setMargin(restrictions, new Insets(0, 16, 0, 14));
    root.setTop(top);
    root.setCenter(scroll);
    root.setId("window-" + Windows.CHECKLIST.id());
    refresh();
    ctx.model().problems().addListener((ListChangeListener<Diagnostic>) c -> refresh());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> refresh());
    ctx.model().workspaceProperty().addListener((o, a, b) -> refresh());
    i18n.localeProperty().addListener((o, a, b) -> refresh());
  }

  /** A step's state in a cluster, given the validator's findings. */
  public static State state(Step step, Cluster c, List<Diagnostic> problems) {
    boolean bad = problems.stream().anyMatch(d -> d.severity() != Severity.INFO && c.clusterId().equals(d.cluster())
        && step.fixedHere(d));
    if (bad) {
      return State.PROBLEMS;
    }
    return step.started().test(c) ? State.DONE : State.NOT_STARTED;
  }

  private void refresh() {
    grid.getChildren().clear();
    Cluster c = ctx.cluster();
    if (c == null) {
      return;
    }
    List<Diagnostic> problems = List.copyOf(ctx.model().problems());
    int row = 0;
    for (Step step : STEPS) {
      State s = state(step, c, problems);
      long count = problems.stream().filter(d -> c.clusterId().equals(d.cluster())
          && step.fixedHere(d) && d.severity() != Severity.INFO).count();
      Label mark = new Label(s == State.DONE ? "✔" : s == State.PROBLEMS ? "✖" : "○");
      mark.getStyleClass().addAll(Styles.TITLE_4,
          s == State.DONE ? Styles.SUCCESS : s == State.PROBLEMS ? Styles.DANGER : Styles.TEXT_MUTED);
      mark.setId("check-" + step.id());
      Label number = new Label(i18n.text("check.step", step.id()));
      number.getStyleClass().add(Styles.TEXT_BOLD);
      number.setMinWidth(Region.USE_PREF_SIZE);
      Label title = new Label(i18n.text("check." + step.id()));
      title.setWrapText(true);
      Label state = new Label(s == State.PROBLEMS ? i18n.text("check.problems", count) : i18n.text("check.state." + s.name()));
      state.getStyleClass().add(Styles.TEXT_SMALL);
      FlowPane links = new FlowPane(8, 2);
      links.setAlignment(Pos.CENTER_LEFT);
      for (Window w : step.windows()) {
        Hyperlink link = new Hyperlink(i18n.text(w.titleKey()));
        link.setOnAction(e -> shell.open(w.id()));
        links.getChildren().add(link);
      }
      VBox text = new VBox(2, title, state);
      // the first finding of the step that predicts a login error: which login, and a button to run it
      problems.stream().filter(d -> c.clusterId().equals(d.cluster()) && step.fixedHere(d)
          && d.severity() != Severity.INFO && d.predictedError() != null).findFirst().ifPresent(d -> {
            dev.emcc.ui.simulator.PredictionBox box =
                new dev.emcc.ui.simulator.PredictionBox(ctx, shell, "check-" + step.id() + "-prediction");
            box.show(d);
            text.getChildren().add(box);
          });
      grid.addRow(row++, mark, number, text, links);
    }
  }

  @Override
  public Node node() {
    return root;
  }
}
