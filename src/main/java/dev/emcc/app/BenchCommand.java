package dev.emcc.app;

import dev.emcc.bench.Bench;
import dev.emcc.bench.BenchSizes;
import dev.emcc.format.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code emcc bench [--json] [--quick]}: the figures of issue 7 (store, validation, JSON, push,
 * list filter, start-up, memory), each beside a baseline measured in the same run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        // one element per paragraph: picocli wraps each, and a sentence split over two reads as cut
        "Measures load/save, validation, JSON import/export, push, the list filter, start-up and memory, "
            + "each beside a baseline measured in the same run (medians of repeated runs).",
        "Start-up and memory need headless Monocle on the class path or an X display.",
        "Exit status: 0 measured, 3 a measurement failed."})
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print one JSON object with every figure, its baseline and ratio.")
  boolean json;

  @Option(names = "--quick", description = "Small sizes and few repetitions (a smoke run, not figures to quote).")
  boolean quick;

  @Option(names = "--runs", paramLabel = "N",
      description = "Recorded runs of each figure measured in this JVM (default: 7, quick: 3); one more warms up.")
  Integer runs;

  @Option(names = "--child-runs", paramLabel = "N",
      description = "Recorded child-JVM starts of each start-up and memory figure (default: 5, quick: 1).")
  Integer childRuns;

  @Option(names = "--only", paramLabel = "GROUP", split = ",",
      description = "Measure only these groups: store, format, bat (BAT CSV), push, axl (AXL pull and push), emapi (EM API logins on a node), filter, startup (start-up and memory), sim.")
  java.util.List<String> only;

  @Option(names = "--display", paramLabel = "WHERE", defaultValue = "auto",
      description = "Where start-up and memory show windows: auto (headless Monocle if on the class path, else "
          + "$DISPLAY), monocle, or gtk (a real GTK window on $DISPLAY, e.g. under xvfb-run). Default: auto.")
  String display;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchSizes sizes = quick ? BenchSizes.quick() : BenchSizes.full();
    if ((runs != null && runs < 1) || (childRuns != null && childRuns < 1)) {
      throw new BadInputException("--runs and --child-runs must be at least 1");
    }
    sizes = sizes.withRuns(runs == null ? sizes.runs() : runs, childRuns == null ? sizes.childRuns() : childRuns);
    java.util.Set<String> groups = only == null ? java.util.Set.copyOf(Bench.GROUPS) : java.util.Set.copyOf(only);
    if (!Bench.GROUPS.containsAll(groups)) {
      throw new BadInputException("--only takes " + String.join(", ", Bench.GROUPS) + "; not " + only);
    }
    if (!java.util.List.of("auto", "monocle", "gtk").contains(display)) {
      throw new BadInputException("--display takes auto, monocle or gtk; not " + display);
    }
    Bench.Report report = new Bench(sizes, step -> {
      err.println("bench: " + step);
      err.flush();
    }, groups, display).run();
    if (json) {
      out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()));
      out.flush();
    } else {
      report.printText(out);
    }
    return ExitCodes.OK;
  }
}
