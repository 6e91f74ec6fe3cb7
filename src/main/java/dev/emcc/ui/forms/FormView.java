package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.model.Cluster;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Section;
import dev.emcc.schema.Window;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Severities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The one form engine: lays out a {@link Window}'s sections, gives each field the editor its
 * kind asks for, edits a JSON copy of the object, checks each value as it changes and shows the
 * focused field's help.
 */
public final class FormView {
  private final Window spec;
  private final I18n i18n;
  private final Supplier<Cluster> cluster;
  private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
  private final Map<String, Label> errors = new LinkedHashMap<>();
  private Map<String, Finding> findings = Map.of();
  /** The fields whose value the form itself refuses (the finding of the saved object waits). */
  private final java.util.Set<String> refused = new java.util.HashSet<>();
  /** The object as loaded: a finding is about its values, not about a value typed since. */
  private ObjectNode loaded;

  /**
   * The validator's finding on a field of the shown object, its text already led by its
   * severity's word as Problems shows it.
   */
  public record Finding(dev.emcc.rules.Severity severity, String text) {}
  private boolean adding;
  private final BooleanProperty dirty = new SimpleBooleanProperty(false);
  private final Label help = new Label();
  private final BorderPane root = new BorderPane();
  private ObjectNode value;
  private boolean loading;

  public FormView(Window spec, I18n i18n, Supplier<Cluster> cluster) {
    this.spec = spec;
    this.i18n = i18n;
    this.cluster = cluster;
    VBox sections = new VBox(18);
    sections.setPadding(new Insets(12, 16, 16, 16));
    for (Section section : spec.sections()) {
      sections.getChildren().add(section(section));
    }
    ScrollPane scroll = new ScrollPane(sections);
    scroll.setFitToWidth(true);
    root.setCenter(scroll);
    help.setWrapText(true);
    help.getStyleClass().add("form-help");
    help.setPadding(new Insets(8, 16, 8, 16));
    help.setMinHeight(64);
    help.setMaxWidth(Double.MAX_VALUE);
    help.textProperty().bind(i18n.bind("form.helpHint"));
    root.setBottom(help);
    root.getStyleClass().add("form-view");
    // a value's problem is said again in the new language
    i18n.localeProperty().addListener((o, was, now) -> recheckShownProblems());
  }

  private void recheckShownProblems() {
    if (value == null) {
      return;
    }
    editors.forEach((key, editor) -> {
      if (refused.contains(key)) {
        decorate(key, editor.check(value));
      }
    });
  }

  private Node section(Section section) {
    Label title = new Label();
    title.textProperty().bind(i18n.bind(section.titleKey()));
    title.getStyleClass().addAll(Styles.TITLE_4, "form-section-title");
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(160); // labels wrap: at 1024 px the form keeps its editors whole beside the list
    labels.setPrefWidth(300);
    labels.setMaxWidth(340);
    ColumnConstraints editorsCol = new ColumnConstraints();
    editorsCol.setHgrow(Priority.ALWAYS);
    editorsCol.setMinWidth(200);
    grid.getColumnConstraints().addAll(labels, editorsCol);
    int row = 0;
    for (Field field : section.fields()) {
      FieldEditor editor = FieldEditor.create(field, spec.id(), i18n, cluster, this::changed);
      editors.put(field.key(), editor);
      Label label = new Label();
      label.textProperty().bind(field.required()
          ? i18n.bind(field.labelKey()).concat(" *")
          : i18n.bind(field.labelKey()));
      label.setWrapText(true);
      label.setLabelFor(editor.control());
      // screen readers read the field's label, in the console's language
      editor.control().accessibleTextProperty().bind(i18n.bind(field.labelKey()));
      label.setId("label-" + field.key());
      Tooltip tip = new Tooltip();
      tip.textProperty().bind(i18n.bind(field.helpKey()));
      tip.setWrapText(true);
      tip.setMaxWidth(480);
      label.setTooltip(tip);
      Label error = new Label();
      error.getStyleClass().addAll("field-error", Styles.DANGER);
      error.setWrapText(true);
      error.setVisible(false);
      error.setManaged(false);
      error.setId("error-" + field.key());
      errors.put(field.key(), error);
      VBox cell = new VBox(2, editor.node(), error);
      if (field.defaultValue() != null && !"default".equals(field.defaultValue()) && field.kind() != FieldKind.FIXED) {
        Label def = new Label();
        def.textProperty().bind(i18n.bind(() -> i18n.text("form.default", FieldEditor.optionText(i18n, field.defaultValue()))));
        def.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        cell.getChildren().add(1, def);
      }
      editor.control().focusedProperty().addListener((o, was, is) -> {
        if (is) {
          showHelp(field);
        }
      });
      if (field.kind() == FieldKind.DUAL) {
        // two lists side by side need the form's whole width
        grid.add(label, 0, row++, 2, 1);
        editor.control().setPrefHeight(260);
        grid.add(cell, 0, row++, 2, 1);
      } else {
        grid.add(label, 0, row);
        grid.add(cell, 1, row);
        row++;
      }
    }
    return new VBox(6, title, grid);
  }

  private void showHelp(Field field) {
    help.textProperty().bind(i18n.bind(field.labelKey()).concat("\n")
        .concat(i18n.bind(field.helpKey())));
  }

  /**
   * Whether the object shown is being added: fields chosen when an object is added (a device
   * profile's product type and protocol) are editable then, and shown read-only afterwards.
   */
  public void setAdding(boolean adding) {
    this.adding = adding;
    lockChosen();
  }

  /**
   * Fields chosen when an object is added stay editable while it is added, and afterwards where
   * the value is missing or the validator has a finding on it (a fix must be possible).
   */
  private void lockChosen() {
    editors.values().forEach(e -> {
      if (e.spec().chosenOnAdd()) {
        String key = e.spec().key();
        boolean fixable = value == null || JsonPaths.text(value, key).isBlank() || findings.containsKey(key)
            || e.check(value) != null;
        e.control().setDisable(!adding && !fixable);
      }
    });
  }

  /** Shows a copy of {@code node}; edits go to the copy until the window saves it. */
  public void load(ObjectNode node) {
    loading = true;
    try {
      value = node.deepCopy();
      loaded = node.deepCopy();
      findings = Map.of();
      editors.values().forEach(e -> e.read(value));
      errors.keySet().forEach(k -> decorate(k, null));
      dirty.set(false);
    } finally {
      loading = false;
    }
  }

  private void changed(FieldEditor editor) {
    if (loading || value == null) {
      return;
    }
    editor.write(value);
    decorate(editor.spec().key(), editor.check(value));
    dirty.set(true);
  }

  /** Checks every field, decorates the bad ones and returns them (empty when all are good). */
  public List<FieldProblem> validate() {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldEditor e : editors.values()) {
      String message = e.check(value);
      decorate(e.spec().key(), message);
      if (message != null) {
        problems.add(new FieldProblem(e.spec().key(), message));
      }
    }
    return problems;
  }

  /**
   * Marks a field bad (or good with null): a red editor and the message under it. A good value
   * still shows the validator's finding on the saved object, if any, in its severity's colour and
   * led by its word, as long as the field holds the saved value (typed over, the finding is about
   * a value no longer there: it goes at once, not at the next save).
   */
  public void decorate(String key, String message) {
    FieldEditor editor = editors.get(key);
    Label error = errors.get(key);
    if (editor == null || error == null) {
      return;
    }
    boolean bad = message != null;
    if (bad) {
      refused.add(key);
    } else {
      refused.remove(key);
    }
    Finding finding = bad || !unchanged(key) ? null : findings.get(key);
    dev.emcc.rules.Severity shown = bad ? dev.emcc.rules.Severity.ERROR : finding == null ? null : finding.severity();
    Severities.frame(editor.control(), shown);
    Severities.colour(error, shown);
    String text = bad ? message : finding != null ? finding.text() : "";
    error.setText(text);
    error.setVisible(!text.isEmpty());
    error.setManaged(!text.isEmpty());
  }

  /** Whether a field holds the value it was loaded with. */
  private boolean unchanged(String key) {
    return loaded == null || value == null || java.util.Objects.equals(JsonPaths.get(loaded, key), JsonPaths.get(value, key));
  }

  /** The validator's findings on the shown object, by field key (live validation). */
  public void setFindings(Map<String, Finding> byField) {
    Map<String, Finding> old = findings;
    findings = Map.copyOf(byField);
    lockChosen();
    for (String key : editors.keySet()) {
      if ((old.containsKey(key) || findings.containsKey(key)) && !refused.contains(key)) {
        decorate(key, null);
      }
    }
  }

  /** Moves the keyboard focus to a field (the problems panel's "go to field"). */
  public boolean focus(String key) {
    FieldEditor editor = editors.get(key);
    if (editor == null) {
      return false;
    }
    Node c = editor.control();
    if (c.getScene() == null) {
      // a window shown for the first time: its form joins the scene when its scroll pane is skinned
      c.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
        @Override public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
            javafx.scene.Scene was, javafx.scene.Scene now) {
          if (now != null) {
            c.sceneProperty().removeListener(this);
            javafx.application.Platform.runLater(() -> focus(key));
          }
        }
      });
      return true;
    }
    Node p = c;
    while (p != null && !(p instanceof ScrollPane)) {
      p = p.getParent();
    }
    if (p instanceof ScrollPane sp && sp.getContent() != null) {
      double y = c.localToScene(0, 0).getY() - sp.getContent().localToScene(0, 0).getY();
      double h = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
      sp.setVvalue(h <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / h)));
    }
    editor.focus();
    showHelp(editor.spec());
    return true;
  }

  public Optional<String> errorText(String key) {
    Label l = errors.get(key);
    return l == null || !l.isVisible() ? Optional.empty() : Optional.of(l.getText());
  }

  public ObjectNode value() {
    return value;
  }

  public BooleanProperty dirtyProperty() {
    return dirty;
  }

  public Window spec() {
    return spec;
  }

  /** Re-reads reference lists (after the workspace changed). */
  public void refreshReferences() {
    editors.values().forEach(FieldEditor::refreshReferences);
  }

  public Node node() {
    return root;
  }

  public Node control(String key) {
    FieldEditor e = editors.get(key);
    return e == null ? null : e.control();
  }
}
