package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.emcc.format.Json;
import dev.emcc.model.Cluster;
import dev.emcc.schema.SingletonBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.View;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** A single-object window (EMCC Feature Configuration, Intercluster Service Profile): Save, Revert. */
public final class SingletonWindow<T> implements View {
  private final Window spec;
  private final SingletonBinding<T> binding;
  private final UiContext ctx;
  private final I18n i18n;
  private final FormView form;
  private final Label message = new Label();
  private final BorderPane root = new BorderPane();
  private T shown;

  public SingletonWindow(Window spec, UiContext ctx) {
    this.spec = spec;
    @SuppressWarnings("unchecked")
    SingletonBinding<T> b = (SingletonBinding<T>) spec.binding();
    this.binding = b;
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.form = new FormView(spec, i18n, ctx::cluster);
    Button save = Controls.button(i18n, "list.save", "save", this::save);
    save.getStyleClass().add(Styles.ACCENT);
    Button revert = Controls.button(i18n, "list.revert", "revert", () -> reload(true));
    message.setId("message");
    message.setWrapText(true);
    Label unsaved = Controls.label(i18n, "list.unsaved");
    unsaved.setId("unsaved");
    unsaved.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
    unsaved.visibleProperty().bind(form.dirtyProperty());
    unsaved.managedProperty().bind(form.dirtyProperty());
    root.setTop(new VBox(WindowHeader.of(ctx, spec.id()), dev.emcc.ui.kit.Bars.toolbar(save, revert, unsaved, message)));
    root.setCenter(form.node());
    root.setId("window-" + spec.id());
    reload(true);
    ctx.model().workspaceProperty().addListener((o, a, w) -> reload(false));
    ctx.model().clusterIdProperty().addListener((o, a, w) -> reload(false));
    FieldFindings.follow(ctx, form, spec.id(), () -> null);
  }

  private void reload(boolean force) {
    Cluster c = ctx.cluster();
    if (c == null) {
      return;
    }
    T now = binding.get().apply(c);
    if (!force && now == shown) {
      return;
    }
    shown = now;
    form.refreshReferences();
    form.load(FormJson.toNode(now));
    FieldFindings.apply(ctx, form, spec.id(), null);
    if (force) {
      I18n.clear(message);
    }
  }

  @Override
  public boolean leave() {
    if (!form.dirtyProperty().get()) {
      return true;
    }
    return switch (ctx.askUnsaved(i18n.text(spec.titleKey()))) {
      case SAVE -> save();
      case DISCARD -> {
        reload(true);
        yield true;
      }
      case CANCEL -> false;
    };
  }

  public boolean save() {
    var problems = form.validate();
    if (!problems.isEmpty()) {
      i18n.show(message, "list.notSaved", problems.size());
      return false;
    }
    T value;
    try {
      value = FormJson.fromNode(binding, form.value());
    } catch (JsonProcessingException e) {
      i18n.show(message, "list.invalid", Json.problem(spec.id(), e).getMessage());
      return false;
    }
    String title = i18n.text(spec.titleKey());
    if (!failuresAccepted(value)) {
      i18n.show(message, "list.notSavedPopup");
      return false;
    }
    ctx.model().commitCluster(c -> binding.set().apply(c, value), i18n.text("list.saved", title));
    // the window's title in the language shown, also after a switch
    i18n.show(message, "list.saved", i18n.deferred(spec.titleKey()));
    ctx.status("list.saved", i18n.deferred(spec.titleKey()));
    return true;
  }

  /**
   * Seed line 497: saving the intercluster service profile shows a pop-up with its failures, and
   * the administrator saves when there are none. Here the pop-up lists the validator's findings
   * the saved profile would have, and Save goes on only when they are accepted.
   */
  private boolean failuresAccepted(T value) {
    var validator = ctx.model().validator().orElse(null);
    Cluster c = ctx.cluster();
    if (spec != Windows.INTERCLUSTER_SERVICE_PROFILE || validator == null || c == null) {
      return true;
    }
    var after = ctx.model().workspace().withCluster(binding.set().apply(c, value));
    java.util.List<String> failures = validator.apply(after).stream()
        .filter(d -> c.clusterId().equals(d.cluster()) && d.fix() != null && spec.id().equals(d.fix().window())
            && d.severity() != dev.emcc.rules.Severity.INFO)
        .map(d -> "\u2022 " + (i18n.isJapanese() && d.messageJa() != null ? d.messageJa() : d.message()))
        .toList();
    return failures.isEmpty()
        || ctx.confirm("list.savePopup", i18n.text(spec.titleKey()), failures.size(), String.join("\n", failures));
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void reveal(String object, String field) {
    if (field != null) {
      form.focus(field);
    }
  }

  public FormView form() {
    return form;
  }
}
