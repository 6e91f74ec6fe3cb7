package dev.emcc.sim;

import java.util.ArrayList;
import java.util.List;

/** The steps and warnings a login collects on its way. */
final class Trace {
  private final List<Step> steps = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> warningsJa = new ArrayList<>();

  void step(String check, String from, String to, boolean ok, String key, Object... args) {
    steps.add(new Step(from, to, Messages.en(key, args), ok, check, Messages.ja(key, args)));
  }

  void add(Step step) {
    steps.add(step);
  }

  void addAll(List<Step> more) {
    steps.addAll(more);
  }

  void warn(String key, Object... args) {
    String en = Messages.en(key, args);
    if (!warnings.contains(en)) {
      warnings.add(en);
      warningsJa.add(Messages.ja(key, args));
    }
  }

  void addWarnings(List<String> en, List<String> ja) {
    for (int i = 0; i < en.size(); i++) {
      if (!warnings.contains(en.get(i))) {
        warnings.add(en.get(i));
        warningsJa.add(i < ja.size() ? ja.get(i) : en.get(i));
      }
    }
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  List<String> warningsJa() {
    return List.copyOf(warningsJa);
  }
}
