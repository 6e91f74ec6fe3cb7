package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Window;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Columns;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A CUCM "Find and List" window with its configuration form: filter as you type over a virtualized
 * table (smooth with 40,000 device profiles), Add New, Copy, Delete (confirmed, undoable), Save,
 * Revert. The form edits a JSON copy; Save turns it back into the record, which checks itself.
 */
public final class ListWindow<T> implements View {
  /** What the form needs beside the list: its labels and editors side by side. */
  private static final double FORM_ROOM = 520;
  private final Window spec;
  private final CollectionBinding<T> binding;
  private final UiContext ctx;
  private final I18n i18n;
  private final ObservableList<T> items = FXCollections.observableArrayList();
  private final FilteredList<T> filtered = new FilteredList<>(items);
  private final TableView<T> table = new TableView<>();
  private final TextField filter = new TextField();
  private final Label count = new Label();
  private final Label message = new Label();
  private javafx.scene.layout.HBox bar;
  private final FormView form;
  private final BorderPane root = new BorderPane();
  private List<T> shown;
  /** Index of the edited object in the cluster's list; -1 for a new one. */
  private int editing = -1;
  private T original;
  /** True while the list follows the workspace: no question about unsaved edits then. */
  private boolean reloading;

  public ListWindow(Window spec, UiContext ctx) {
    this.spec = spec;
    @SuppressWarnings("unchecked")
    CollectionBinding<T> b = (CollectionBinding<T>) spec.binding();
    this.binding = b;
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.form = new FormView(spec, i18n, ctx::cluster);
    build();
    reload();
    ctx.model().workspaceProperty().addListener((o, a, w) -> reload());
    ctx.model().clusterIdProperty().addListener((o, a, id) -> reload());
    FieldFindings.follow(ctx, form, spec.id(), () -> original == null ? null : binding.name().apply(original));
  }

  private void build() {
    filter.setId("filter");
    filter.promptTextProperty().bind(i18n.bind("list.filter"));
    filter.textProperty().addListener((o, a, text) -> applyFilter(text));
    TableColumn<T, String> name = new TableColumn<>();
    name.textProperty().bind(i18n.bind(spec.fields().stream()
        .filter(f -> f.key().equals(binding.nameKey())).findFirst()
        .map(f -> f.labelKey()).orElse("list.name")));
    name.setCellValueFactory(c -> new ReadOnlyStringWrapper(binding.name().apply(c.getValue())));
    table.getColumns().add(name);
    for (CollectionBinding.Column<T> col : binding.columns()) {
      TableColumn<T, String> c = new TableColumn<>();
      c.textProperty().bind(i18n.bind(col.labelKey()));
      // enum values (e.g. a trunk's service type) show as the form shows them, not as JSON
      c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
          FieldEditor.optionText(i18n, col.text().apply(cell.getValue()))));
      table.getColumns().add(c);
    }
    SortedList<T> sorted = new SortedList<>(filtered);
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setId("list");
    i18n.localeProperty().addListener((o, was, now) -> table.refresh());
    // names and values whole: the list scrolls sideways where its pane is narrower
    Columns.fitToContent(table);
    table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
      if (item != null && item != original) {
        choose(item);
      }
    });
    count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox left = new VBox(6, filter, table, count);
    left.setPadding(new Insets(0, 0, 8, 12));
    VBox.setVgrow(table, Priority.ALWAYS);
    left.setMinWidth(260);

    Button add = button("list.addNew", "add-new", () -> {
      if (leave()) {
        addNew();
      }
    });
    Button copy = button("list.copy", "copy", this::copy);
    Button delete = button("list.delete", "delete", this::delete);
    delete.getStyleClass().add(Styles.DANGER);
    Button save = button("list.save", "save", this::save);
    save.getStyleClass().add(Styles.ACCENT);
    Button revert = button("list.revert", "revert", this::revert);
    copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    message.setId("message");
    Label unsaved = new Label();
    unsaved.setId("unsaved");
    unsaved.textProperty().bind(i18n.bind("list.unsaved"));
    unsaved.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
    unsaved.visibleProperty().bind(form.dirtyProperty());
    unsaved.managedProperty().bind(form.dirtyProperty());
    message.setWrapText(true);
    javafx.scene.layout.HBox bar = dev.emcc.ui.kit.Bars.toolbar(add, copy, delete, save, revert, unsaved, message);
    this.bar = bar;

    SplitPane split = new SplitPane(left, form.node());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.42);
    // the list as wide as its columns where the form keeps its room (else it scrolls sideways)
    Runnable widen = () -> Platform.runLater(() -> {
      double total = split.getWidth();
      double want = table.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum() + 48;
      if (total > 0) {
        split.setDividerPositions(Math.max(0.3, Math.min(want, total - FORM_ROOM) / total));
      }
    });
    table.getColumns().forEach(c -> c.prefWidthProperty().addListener((o, a, b) -> widen.run()));
    split.widthProperty().addListener((o, a, b) -> widen.run());
    VBox top = new VBox(WindowHeader.of(ctx, spec.id()), bar);
    root.setTop(top);
    root.setCenter(split);
    root.setId("window-" + spec.id());
  }

  /**
   * A button of this window's own (the Phone window's Extension Mobility Log Out): after the list's
   * buttons, enabled while an object is chosen, given the chosen object's name.
   */
  public Button addAction(String key, String id, String tipKey, java.util.function.Consumer<String> onChosen) {
    Button b = button(key, id, () -> {
      T item = table.getSelectionModel().getSelectedItem();
      if (item != null) {
        onChosen.accept(binding.name().apply(item));
      }
    });
    b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
    tip.textProperty().bind(i18n.bind(tipKey));
    tip.setWrapText(true);
    tip.setMaxWidth(380);
    b.setTooltip(tip);
    bar.getChildren().add(5, b);
    return b;
  }

  private Button button(String key, String id, Runnable action) {
    return Controls.button(i18n, key, id, action);
  }

  private void applyFilter(String text) {
    filtered.setPredicate(filterPredicate(binding, text));
    updateCount();
  }

  /**
   * What the list shows for a typed filter text (null: everything): objects whose name or a
   * column contains it, ignoring case. Public for the keystroke benchmark.
   */
  public static <T> java.util.function.Predicate<T> filterPredicate(CollectionBinding<T> binding, String text) {
    String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return needle.isEmpty() ? null : item -> matches(binding, item, needle);
  }

  private static <T> boolean matches(CollectionBinding<T> binding, T item, String needle) {
    String n = binding.name().apply(item);
    if (n != null && n.toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    for (CollectionBinding.Column<T> c : binding.columns()) {
      String v = c.text().apply(item);
      if (v != null && v.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private void updateCount() {
    i18n.show(count, "list.count", filtered.size(), items.size());
  }

  /** Follows the workspace: re-reads the list only when the cluster's list really changed. */
  private void reload() {
    Cluster c = ctx.cluster();
    List<T> now = c == null ? List.of() : binding.get().apply(c);
    if (now == shown) {
      return;
    }
    shown = now;
    String keep = original == null ? null : binding.name().apply(original);
    reloading = true;
    try {
      items.setAll(now);
      updateCount();
      form.refreshReferences();
      T again = keep == null ? null : find(keep);
      if (again == null && !items.isEmpty()) {
        again = items.get(0);
      }
      if (again != null) {
        table.getSelectionModel().select(again);
        edit(again);
      } else {
        addNew();
      }
    } finally {
      reloading = false;
    }
  }

  private T find(String name) {
    for (T t : items) {
      if (name.equals(binding.name().apply(t))) {
        return t;
      }
    }
    return null;
  }

  /** The user chose another object: unsaved edits of the shown one are saved, discarded or kept. */
  private void choose(T item) {
    if (reloading || !form.dirtyProperty().get()) {
      edit(item);
      return;
    }
    String target = binding.name().apply(item);
    T stay = original;
    boolean go = leave();
    Platform.runLater(() -> {
      T select = go ? find(target) : stay;
      if (select != null) {
        table.getSelectionModel().select(select);
        if (go && select != original) {
          edit(select);
        }
      } else {
        table.getSelectionModel().clearSelection();
      }
    });
  }

  @Override
  public boolean leave() {
    if (!form.dirtyProperty().get()) {
      return true;
    }
    String what = original == null ? i18n.text("list.newObject") : binding.name().apply(original);
    return switch (ctx.askUnsaved(what)) {
      case SAVE -> save();
      case DISCARD -> {
        revert();
        yield true;
      }
      case CANCEL -> false;
    };
  }

  private void edit(T item) {
    editing = items.indexOf(item);
    original = item;
    form.load(FormJson.toNode(item));
    form.setAdding(false);
    FieldFindings.apply(ctx, form, spec.id(), binding.name().apply(item));
    I18n.clear(message);
  }

  public void addNew() {
    table.getSelectionModel().clearSelection();
    editing = -1;
    original = null;
    form.load(FormJson.toNode(ctx.cluster() == null ? binding.blank().get() : binding.blankIn().apply(ctx.cluster())));
    form.setAdding(true);
    i18n.show(message, "list.new");
  }

  public void copy() {
    T item = table.getSelectionModel().getSelectedItem();
    if (item == null) {
      return;
    }
    ObjectNode node = FormJson.toNode(item);
    node.set(binding.nameKey(), TextNode.valueOf(i18n.text("list.copyName", binding.name().apply(item))));
    table.getSelectionModel().clearSelection();
    editing = -1;
    original = null;
    form.load(node);
    form.setAdding(true);
    form.dirtyProperty().set(true);
    i18n.show(message, "list.copied");
  }

  public void delete() {
    T item = table.getSelectionModel().getSelectedItem();
    if (item == null) {
      return;
    }
    String name = binding.name().apply(item);
    if (!ctx.confirm("list.confirmDelete", name)) {
      return;
    }
    List<T> next = new ArrayList<>(binding.get().apply(ctx.cluster()));
    next.remove(item);
    original = null;
    editing = -1;
    ctx.model().commitCluster(c -> binding.set().apply(c, next), i18n.text("list.deleted", name));
    ctx.status("list.deleted", name);
    i18n.show(message, "list.deleted", name);
  }

  /** Checks the form, the name's uniqueness and the record's own rules; commits when all pass. */
  public boolean save() {
    List<FieldProblem> problems = new ArrayList<>(form.validate());
    ObjectNode node = form.value();
    String name = JsonPaths.text(node, binding.nameKey());
    List<T> current = binding.get().apply(ctx.cluster());
    for (int i = 0; i < current.size(); i++) {
      if (i != editing && name.equals(binding.name().apply(current.get(i)))) {
        String msg = i18n.text("v.unique", name);
        form.decorate(binding.nameKey(), msg);
        problems.add(new FieldProblem(binding.nameKey(), msg));
        break;
      }
    }
    if (!problems.isEmpty()) {
      i18n.show(message, "list.notSaved", problems.size());
      return false;
    }
    T value;
    try {
      value = FormJson.fromNode(binding, node);
    } catch (JsonProcessingException e) {
      i18n.show(message, "list.invalid", Json.problem(spec.id(), e).getMessage());
      return false;
    }
    List<T> next = new ArrayList<>(current);
    if (editing >= 0 && editing < next.size() && next.get(editing) == original) {
      next.set(editing, value);
    } else {
      next.add(value);
    }
    original = value;
    Workspace before = ctx.model().workspace();
    ctx.model().commitCluster(c -> binding.set().apply(c, next), i18n.text("list.saved", name));
    if (ctx.model().workspace() != before) {
      form.dirtyProperty().set(false);
      i18n.show(message, "list.saved", name);
      ctx.status("list.saved", name);
    }
    return true;
  }

  public void revert() {
    if (original != null) {
      form.load(FormJson.toNode(original));
    } else {
      addNew();
    }
    i18n.show(message, "list.reverted");
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void reveal(String object, String field) {
    if (object != null) {
      filter.setText("");
      T item = find(object);
      if (item != null) {
        table.getSelectionModel().select(item);
        table.scrollTo(item);
      }
    }
    if (field != null) {
      form.focus(field);
    }
  }

  public FormView form() {
    return form;
  }

  public TableView<T> table() {
    return table;
  }

  /** The object selected in the list (the Remote Cluster window shows its status beside the form). */
  public javafx.beans.value.ObservableValue<T> selection() {
    return table.getSelectionModel().selectedItemProperty();
  }
}
