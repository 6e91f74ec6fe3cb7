package dev.emcc.ui.forms;

import dev.emcc.rules.Diagnostic;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Severities;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;

/** Puts the validator's findings on the fields of the object a form shows (live validation). */
final class FieldFindings {
  private FieldFindings() {}

  /** Re-applies the findings whenever the validator reports or the language changes. */
  static void follow(UiContext ctx, FormView form, String window, Supplier<String> object) {
    ctx.model().problems().addListener((ListChangeListener<Diagnostic>) c -> apply(ctx, form, window, object.get()));
    ctx.i18n().localeProperty().addListener((o, a, b) -> apply(ctx, form, window, object.get()));
  }

  static void apply(UiContext ctx, FormView form, String window, String object) {
    String cluster = ctx.model().clusterIdProperty().get();
    Map<String, FormView.Finding> byField = new LinkedHashMap<>();
    for (Diagnostic d : ctx.model().problems()) {
      if (d.fix() != null && d.fix().field() != null && window.equals(d.fix().window())
          && Objects.equals(object, d.fix().object()) && Objects.equals(cluster, d.cluster())) {
        String text = ctx.i18n().isJapanese() && d.messageJa() != null ? d.messageJa() : d.message();
        // several on one field: each line with its own severity's word, the field in the worst's colour
        String line = Severities.word(ctx.i18n(), d.severity()) + ": " + text;
        byField.merge(d.fix().field(), new FormView.Finding(d.severity(), line),
            (a, b) -> new FormView.Finding(Severities.worse(a.severity(), b.severity()), a.text() + "\n" + b.text()));
      }
    }
    form.setFindings(byField);
  }
}
