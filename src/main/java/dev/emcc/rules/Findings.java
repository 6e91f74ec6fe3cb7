package dev.emcc.rules;

import dev.emcc.schema.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one rule family. The message key is the rule id unless a variant key
 * is given; messages are built only for findings, so a clean workspace costs no formatting.
 */
final class Findings {
  private final List<Diagnostic> list = new ArrayList<>();

  void error(String rule, String cluster, String path, Integer code, Fix fix, Object... args) {
    add(Severity.ERROR, rule, rule, cluster, path, code, fix, args);
  }

  void warning(String rule, String cluster, String path, Integer code, Fix fix, Object... args) {
    add(Severity.WARNING, rule, rule, cluster, path, code, fix, args);
  }

  void add(Severity severity, String rule, String messageKey, String cluster, String path,
      Integer code, Fix fix, Object... args) {
    list.add(new Diagnostic(severity, rule, cluster, path, Messages.en(messageKey, args),
        Messages.ja(messageKey, args), code, fix));
  }

  /** A broken limit of the schema: its message is the one the form shows, from the schema's texts. */
  void violation(String cluster, String path, Fix fix, Violation v) {
    list.add(new Diagnostic(Severity.ERROR, v.rule(), cluster, path, v.text("en"), v.text("ja"), null, fix));
  }

  List<Diagnostic> list() {
    return list;
  }
}
