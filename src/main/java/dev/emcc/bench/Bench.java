package dev.emcc.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emcc.demo.WorkspaceGenerator;
import dev.emcc.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code emcc bench}: every figure of issue 7 beside a baseline measured in the same run. Runs in
 * this JVM except what must start cold or needs JavaFX (child JVMs on the same class path).
 */
public final class Bench {
  /** The groups of figures, in the order they run ({@code --only} picks some). */
  public static final List<String> GROUPS = List.of("store", "format", "bat", "push", "axl", "emapi", "filter", "startup", "sim");
  private final BenchSizes sizes;
  private final Consumer<String> progress;
  private final java.util.Set<String> only;
  private final String display;

  public Bench(BenchSizes sizes, Consumer<String> progress) {
    this(sizes, progress, java.util.Set.copyOf(GROUPS), Display.AUTO);
  }

  /**
   * {@code only}: the groups to measure (of {@link #GROUPS}); {@code display}: where the child JVMs'
   * windows show, {@code auto}, {@code monocle} or {@code gtk} (see {@link Display#find(String)}).
   */
  public Bench(BenchSizes sizes, Consumer<String> progress, java.util.Set<String> only, String display) {
    this.sizes = sizes;
    this.progress = progress;
    this.only = java.util.Set.copyOf(only);
    this.display = display;
  }

  /** Measures everything; the temporary files are removed afterwards. */
  public Report run() throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path dir = Files.createTempDirectory("emcc-bench");
    double loadBefore = loadAverage();
    long started = System.nanoTime();
    List<Figure> figures = new ArrayList<>();
    try {
      progress.accept("generating the workspace");
      Workspace ws = WorkspaceGenerator.generate(sizes.phones(), sizes.profiles(), sizes.users(),
          sizes.emccDevices(), sizes.clusters(), 7);
      String sizeText = String.format(Locale.ROOT, "%,d phones, %,d EMCC devices, %,d device profiles, %,d users, "
          + "%d clusters", sizes.phones(), sizes.emccDevices(), sizes.profiles(), sizes.users(), sizes.clusters());
      Path file = dir.resolve("workspace.json");
      if (only.contains("store")) {
        progress.accept("store: save and load");
        done(figures, StoreBench.run(ws, dir, sizes, sizeText));
      }
      if (only.contains("format")) {
        progress.accept("format and validation");
        done(figures, FormatBench.run(ws, file, sizes));
      } else if (only.contains("startup")) {
        dev.emcc.format.WorkspaceFormat.write(ws, file); // the memory figure opens it
      }
      if (only.contains("bat")) {
        progress.accept("BAT CSV import and export");
        done(figures, BatBench.run(ws, dir, sizes));
      }
      if (only.contains("push")) {
        progress.accept("push to a local node");
        done(figures, PushBench.run(ws, dir, sizes));
      }
      if (only.contains("axl")) {
        progress.accept("AXL pull and push against a local node");
        done(figures, AxlBench.run(dir, sizes));
      }
      if (only.contains("emapi")) {
        progress.accept("EM API logins on a local node");
        done(figures, EmApiBench.run(ws, dir, sizes));
      }
      if (only.contains("filter")) {
        progress.accept("filter keystroke (child JVM)");
        done(figures, List.of(FilterBench.run(sizes.profiles(), sizes)));
      }
      if (sizes.childJvms() && only.contains("startup")) {
        Display shown = Display.find(display);
        progress.accept("start-up and memory (child JVMs, " + (shown == null ? "no display" : shown.name())
            + ")");
        done(figures, StartupBench.run(dir, file, sizes, shown, sizeText));
      }
      if (only.contains("sim")) {
        progress.accept("simulator logins");
        done(figures, SimBench.run(sizes));
      }
    } finally {
      delete(dir);
    }
    return new Report(sizes, figures, loadBefore, loadAverage(), (System.nanoTime() - started) / 1e9);
  }

  /** Keeps the figures and reports them at once (a long run that fails later still shows them). */
  private void done(List<Figure> figures, List<Figure> measured) {
    for (Figure f : measured) {
      figures.add(f);
      progress.accept(f.skipped() != null ? f.id() + " skipped: " + f.skipped()
          : String.format(Locale.ROOT, "%s median %.1f %s (n %d), baseline %.1f, ratio %.2f, load average %.2f",
              f.id(), f.measured().median(), f.unit(), f.measured().n(),
              f.baseline() == null ? Double.NaN : f.baseline().median(), f.ratio(), loadAverage()));
    }
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The figures and the machine they were measured on. */
  public record Report(BenchSizes sizes, List<Figure> figures, double loadAverageBefore, double loadAverageAfter,
      double seconds) {

    public ObjectNode toJson() {
      JsonNodeFactory f = JsonNodeFactory.instance;
      ObjectNode root = f.objectNode();
      ObjectNode machine = root.putObject("machine");
      machine.put("processors", Runtime.getRuntime().availableProcessors());
      machine.put("javaVersion", System.getProperty("java.version"));
      machine.put("javaVm", System.getProperty("java.vm.name"));
      machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      machine.put("loadAverageBefore", round(loadAverageBefore));
      machine.put("loadAverageAfter", round(loadAverageAfter));
      ObjectNode s = root.putObject("sizes");
      s.put("phones", sizes.phones());
      s.put("emccDevices", sizes.emccDevices());
      s.put("deviceProfiles", sizes.profiles());
      s.put("endUsers", sizes.users());
      s.put("clusters", sizes.clusters());
      s.put("runs", sizes.runs());
      s.put("childJvmRuns", sizes.childRuns());
      s.put("changedObjects", sizes.changedObjects());
      root.put("seconds", round(seconds));
      ArrayNode list = root.putArray("figures");
      for (Figure fig : figures) {
        ObjectNode o = list.addObject();
        o.put("id", fig.id());
        o.put("description", fig.description());
        o.put("unit", fig.unit());
        stats(o.putObject("measured"), fig.measured());
        if (fig.baseline() != null) {
          ObjectNode b = o.putObject("baseline");
          b.put("description", fig.baselineDescription());
          stats(b, fig.baseline());
          o.put("ratio", round(fig.ratio()));
        } else {
          o.putNull("baseline");
          o.putNull("ratio");
        }
        o.put("goal", fig.goal());
        if (fig.met() == null) {
          o.putNull("met");
        } else {
          o.put("met", fig.met());
        }
        o.put("skipped", fig.skipped());
        o.put("note", fig.note());
      }
      return root;
    }

    private static void stats(ObjectNode o, Samples s) {
      if (s.isEmpty()) {
        o.put("n", 0);
        o.putNull("median");
        o.putNull("min");
        o.putNull("max");
        return;
      }
      o.put("median", round(s.median()));
      o.put("min", round(s.min()));
      o.put("max", round(s.max()));
      o.put("n", s.n());
      ArrayNode v = o.putArray("values");
      s.values().forEach(x -> v.add(round(x)));
    }

    private static double round(double x) {
      return Double.isNaN(x) ? x : Math.round(x * 100) / 100.0;
    }

    /** A table for people: one line a figure. */
    public void printText(PrintWriter out) {
      out.printf(Locale.ROOT, "EMCC Console benchmark: %d processors, Java %s, load average %.2f -> %.2f, %.0f s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverageBefore,
          loadAverageAfter, seconds);
      for (Figure fig : figures) {
        if (fig.skipped() != null) {
          out.printf(Locale.ROOT, "%-17s skipped: %s%n", fig.id(), fig.skipped());
          continue;
        }
        Samples m = fig.measured();
        out.printf(Locale.ROOT, "%-17s median %9.1f %s (min %.1f, max %.1f, n %d)", fig.id(), m.median(), fig.unit(),
            m.min(), m.max(), m.n());
        if (fig.baseline() != null) {
          out.printf(Locale.ROOT, " | baseline %.1f %s (min %.1f, max %.1f) | ratio %.2f", fig.baseline().median(),
              fig.unit(), fig.baseline().min(), fig.baseline().max(), fig.ratio());
        }
        if (fig.goal() != null) {
          out.printf(Locale.ROOT, " | goal %s: %s", fig.goal(), Boolean.TRUE.equals(fig.met()) ? "met" : "NOT met");
        }
        out.println();
        out.printf("%-17s   %s; baseline: %s%n", "", fig.description(),
            fig.baselineDescription() == null ? "-" : fig.baselineDescription());
      }
      out.flush();
    }
  }
}
