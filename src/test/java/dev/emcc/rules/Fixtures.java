package dev.emcc.rules;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The valid baseline (the demo workspace) and small helpers to make one deviation from it. */
final class Fixtures {
  /** A fixed clock inside the demo certificates' validity. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final RuleContext CONTEXT = new RuleContext(RuleContext.standard().deviceModels(), CLOCK);

  private Fixtures() {}

  static Workspace baseline() {
    return DemoWorkspace.create();
  }

  /** The baseline with its first cluster (TOKYO, index 0) changed. */
  static Workspace first(UnaryOperator<Cluster> change) {
    Workspace ws = baseline();
    return ws.withCluster(change.apply(ws.clusters().get(0)));
  }

  /** The baseline with its second cluster (OSAKA, index 1) changed. */
  static Workspace second(UnaryOperator<Cluster> change) {
    Workspace ws = baseline();
    return ws.withCluster(change.apply(ws.clusters().get(1)));
  }

  static <T> List<T> replace(List<T> list, int index, UnaryOperator<T> change) {
    List<T> out = new ArrayList<>(list);
    out.set(index, change.apply(out.get(index)));
    return out;
  }

  static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  static List<Diagnostic> run(Rule rule, Workspace ws) {
    return rule.check(ws, CONTEXT);
  }

  static List<Diagnostic> all(Workspace ws) {
    return Validator.standard().validate(ws, CONTEXT);
  }
}
