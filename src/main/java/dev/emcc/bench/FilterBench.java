package dev.emcc.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One keystroke in the console's device-profile list filter: the FilteredList's predicate update
 * over all profiles, measured in a child JVM (JavaFX collections; this JVM loads no JavaFX) against
 * the same predicate applied in a plain loop over an ArrayList.
 */
final class FilterBench {
  static final String PROBE_MAIN = "dev.emcc.ui.app.FilterKeystrokeProbe";

  private FilterBench() {}

  static Figure run(int profiles, BenchSizes sizes) throws Exception {
    List<String> args = List.of(String.valueOf(profiles), String.valueOf(sizes.runs()));
    Samples keystroke = new Samples();
    Samples plain = new Samples();
    try (ChildJvm jvm = ChildJvm.start(List.of("-Djava.awt.headless=true"), PROBE_MAIN, args)) {
      for (String v : jvm.all("keystroke", 300)) {
        keystroke.addNanos(Long.parseLong(v));
      }
      for (String v : jvm.all("plain", 1)) {
        plain.addNanos(Long.parseLong(v));
      }
    }
    List<String> none = new ArrayList<>();
    if (keystroke.isEmpty()) {
      none.add("no keystroke figures");
    }
    return new Figure("filter.keystroke", "one keystroke in the device-profile list's filter over " + profiles
        + " profiles: FilteredList.setPredicate with the console's own filter (name and columns contain the "
        + "typed text), no FX toolkit needed", "ms", keystroke,
        "the same predicate over the same profiles in a plain loop into an ArrayList", plain, "< 50 ms",
        keystroke.median() < 50, null, none.isEmpty() ? null : String.join(", ", none));
  }
}
