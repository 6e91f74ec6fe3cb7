package dev.emcc.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start to the first shown window (child JVMs, the console against a bare JavaFX window started
 * the same way), the console with an AppCDS archive against the bare window without, and the
 * console's resident memory with the large workspace open against the bare window's.
 */
final class StartupBench {
  static final String CONSOLE_MAIN = "dev.emcc.app.Main";
  static final String BARE_MAIN = "dev.emcc.ui.app.BareWindow";
  private static final String PROBE = "-Demcc.startupProbe=";
  private static final long TIMEOUT = 120;

  private StartupBench() {}

  static List<Figure> run(Path dir, Path workspaceFile, BenchSizes sizes, Display display, String sizeText)
      throws Exception {
    String startGoal = "within 1.2x bare JavaFX";
    String cdsGoal = "faster than bare JavaFX without AppCDS";
    String rssGoal = "< 400 MB";
    if (display == null) {
      String why = "no display: neither headless Monocle on the class path nor $DISPLAY";
      return List.of(Figure.skipped("startup.console", "console cold start to first shown window", startGoal, why),
          Figure.skipped("startup.appcds", "console cold start with AppCDS", cdsGoal, why),
          Figure.skipped("memory.rss", "console RSS with the large workspace open", rssGoal, why));
    }
    // both started as the installed launcher starts the console (its heap settings)
    List<String> opts = new ArrayList<>(display.jvmOptions());
    opts.addAll(LauncherOptions.read());
    Samples console = new Samples();
    Samples bare = new Samples();
    // one unrecorded start of each warms the disk cache (and JavaFX's native-library cache)
    for (int run = -1; run < sizes.childRuns(); run++) {
      double c = firstWindow(opts, CONSOLE_MAIN, dir.resolve("console-" + run + ".db"));
      double b = firstWindow(opts, BARE_MAIN, null);
      if (run >= 0) {
        console.add(c);
        bare.add(b);
      }
    }
    List<Figure> out = new ArrayList<>();
    out.add(new Figure("startup.console", "console (emcc with no command) cold start: JVM launch to first shown "
        + "window (the opening window; the shell is built right after its first paint), launcher options "
        + LauncherOptions.read() + ", on " + display.name(), "ms", console, "a bare JavaFX window (one empty Stage) started the same way",
        bare, startGoal, console.median() <= 1.2 * bare.median(), null, null));
    out.add(appCds(dir, opts, sizes, bare, display, cdsGoal));
    out.add(memory(dir, workspaceFile, opts, sizes, display, sizeText, rssGoal));
    return out;
  }

  /** Milliseconds from starting the JVM to its probe's "shown" line. */
  private static double firstWindow(List<String> displayOpts, String main, Path store) throws Exception {
    return firstWindow(displayOpts, List.of(), main, store);
  }

  private static double firstWindow(List<String> displayOpts, List<String> extra, String main, Path store)
      throws Exception {
    List<String> opts = new ArrayList<>(displayOpts);
    opts.addAll(extra);
    opts.add(PROBE + "exit");
    if (store != null) {
      opts.add("-Demcc.store=" + store);
    }
    try (ChildJvm jvm = ChildJvm.start(opts, main, List.of())) {
      long shown = Long.parseLong(jvm.await("shown", TIMEOUT));
      jvm.waitFor(TIMEOUT);
      return shown - jvm.startedMillis();
    }
  }

  private static Figure appCds(Path dir, List<String> opts, BenchSizes sizes, Samples bare, Display display,
      String goal) throws Exception {
    String description = "console cold start with an AppCDS archive of its own (made like the installer's: one "
        + "training start of the console with -XX:ArchiveClassesAtExit, through the shell until its workspace is "
        + "loaded), on " + display.name();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        return Figure.skipped("startup.appcds", description, goal,
            "the class path holds a directory (" + entry + "): AppCDS archives classes from jars only; "
                + "run the bench from the packaged jar");
      }
    }
    Path archive = dir.resolve("console.jsa");
    train(opts, archive, dir.resolve("cds-train.db"));
    if (!Files.isRegularFile(archive)) {
      return Figure.skipped("startup.appcds", description, goal, "the training run made no archive");
    }
    Samples cds = new Samples();
    List<String> with = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    for (int run = -1; run < sizes.childRuns(); run++) {
      double c = firstWindow(opts, with, CONSOLE_MAIN, dir.resolve("cds-" + run + ".db"));
      if (run >= 0) {
        cds.add(c);
      }
    }
    return new Figure("startup.appcds", description, "ms", cds,
        "the bare JavaFX window without AppCDS (the same runs as startup.console's baseline)", bare, goal,
        cds.median() < bare.median(), null, null);
  }

  /** The whole start path (opening window, shell, store), as installer/create-cds-archive.sh trains. */
  private static void train(List<String> displayOpts, Path archive, Path store) throws Exception {
    List<String> opts = new ArrayList<>(displayOpts);
    opts.add("-XX:ArchiveClassesAtExit=" + archive);
    opts.add(PROBE + "loaded");
    opts.add("-Demcc.store=" + store);
    try (ChildJvm jvm = ChildJvm.start(opts, CONSOLE_MAIN, List.of())) {
      jvm.await("loaded", TIMEOUT);
      jvm.waitFor(TIMEOUT);
    }
  }

  private static Figure memory(Path dir, Path workspaceFile, List<String> displayOpts, BenchSizes sizes,
      Display display, String sizeText, String goal) throws Exception {
    Samples console = new Samples();
    Samples bare = new Samples();
    for (int run = 0; run < sizes.childRuns(); run++) {
      console.add(rss(displayOpts, CONSOLE_MAIN, List.of(workspaceFile.toString()), true));
      bare.add(rss(displayOpts, BARE_MAIN, List.of(), false));
    }
    return new Figure("memory.rss", "console resident memory (VmRSS) 2 s after the workspace file (" + sizeText
        + ") is loaded and shown, launcher options " + LauncherOptions.read() + ", on " + display.name(), "MB", console,
        "a bare JavaFX window, 2 s after it is shown", bare, goal, console.median() < 400, null, null);
  }

  private static double rss(List<String> displayOpts, String main, List<String> args, boolean waitForLoad)
      throws Exception {
    List<String> opts = new ArrayList<>(displayOpts);
    opts.add(PROBE + "stay");
    try (ChildJvm jvm = ChildJvm.start(opts, main, args)) {
      jvm.await("shown", TIMEOUT);
      if (waitForLoad) {
        jvm.await("loaded", TIMEOUT);
      }
      Thread.sleep(2000);
      return jvm.rssMegabytes();
    }
  }
}
