package dev.emcc.app;

import dev.emcc.bat.BatExport;
import dev.emcc.bat.BatFileException;
import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatImport;
import dev.emcc.bat.BatKind;
import dev.emcc.bat.BatMessages;
import dev.emcc.bat.ExportOptions;
import dev.emcc.bat.ExportResult;
import dev.emcc.bat.ImportApplier;
import dev.emcc.bat.ImportOptions;
import dev.emcc.bat.ImportPlan;
import dev.emcc.bat.PinFile;
import dev.emcc.bat.RowProblem;
import dev.emcc.edit.EditRefusedException;
import dev.emcc.edit.EditResult;
import dev.emcc.edit.Origin;
import dev.emcc.edit.Proposal;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Severity;
import dev.emcc.schema.Window;
import dev.emcc.store.KeptColumns;
import dev.emcc.store.WorkspaceStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code emcc bat import|export}: Bulk Administration (BAT) CSV files of users, device profiles and phones. */
@Command(name = "bat", mixinStandardHelpOptions = true,
    description = "Bulk Administration (BAT) CSV files in and out: users, user device profiles (udp) and phones "
        + "(with users), as insert files or \"All details\" export files (docs/bat.md).",
    subcommands = {BatCommand.Import.class, BatCommand.Export.class})
public final class BatCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options both subcommands share. */
  static class Common {
    @Option(names = "--kind", required = true, paramLabel = "users|udp|phones",
        description = "users, udp (user device profiles) or phones (an insert file of phones holds their users too).")
    String kind;

    @Option(names = "--format", defaultValue = "insert", paramLabel = "insert|export",
        description = "insert (no header; BAT's default column order) or export (\"All details\", a header row). "
            + "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--cluster", required = true, paramLabel = "ID", description = "The cluster (its clusterId).")
    String cluster;

    @Option(names = "--lines", defaultValue = "1", paramLabel = "N",
        description = "Lines a row of an insert file has (BAT's file format). Default: ${DEFAULT-VALUE}.")
    int lines;

    @Option(names = "--speed-dials", defaultValue = "1", paramLabel = "N",
        description = "Speed dials a row of an insert file has. Default: ${DEFAULT-VALUE}.")
    int speedDials;

    @Option(names = "--with-password",
        description = "A users insert file with a Password column after User ID (releases before 15).")
    boolean withPassword;

    @Option(names = "--lang", paramLabel = "en|ja", defaultValue = "en",
        description = "Language of the report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ValidateCommand.Lang lang;

    BatKind kind() {
      return BatKind.of(kind).orElseThrow(() -> new BadInputException("--kind must be users, udp or phones, not "
          + kind));
    }

    BatFormat format() {
      return BatFormat.of(format).orElseThrow(() -> new BadInputException("--format must be insert or export, not "
          + format));
    }

    Locale locale() {
      return lang == ValidateCommand.Lang.ja ? Locale.JAPANESE : Locale.ROOT;
    }

    void checkCounts() {
      if (lines < 0 || speedDials < 0 || lines > 200 || speedDials > 200) {
        throw new BadInputException("--lines and --speed-dials take 0 to 200");
      }
    }
  }

  /** {@code emcc bat import FILE}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Read a BAT CSV file into a cluster: prints the plan (added, changed, unchanged), every bad "
          + "row with its line, column and rule, and the columns the model does not carry; then applies it as "
          + "one change (undoable in the database's history).",
          "Nothing is applied from a file with bad rows unless --skip-bad-rows. Exit 0 applied (or nothing to "
              + "do), 2 bad file or rows, 3 I/O."})
  static final class Import extends Common implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOptions where = new WorkspaceOptions();

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The BAT file (UTF-8).")
    Path file;

    @Option(names = "--template", paramLabel = "NAME",
        description = "An existing device profile (udp) or phone (phones) whose settings new objects take where "
            + "the file has none, as BAT's template does (insert files carry no device type).")
    String template;

    @Option(names = "--skip-bad-rows", description = "Apply the good rows of a file with bad ones; the bad ones are listed.")
    boolean skipBadRows;

    @Option(names = "--keep-unknown",
        description = "Keep the values of columns the model does not carry (in the database's side table, --db "
            + "only) so that an export writes them back.")
    boolean keepUnknown;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--refuse-errors",
        description = "Apply nothing (exit 2) if the import would bring validation errors; they are listed.")
    boolean refuseErrors;

    @Override
    public Integer call() throws Exception {
      checkCounts();
      if (keepUnknown && where.source.db == null) {
        throw new BadInputException("--keep-unknown keeps the columns in the database's side table: use --db DB");
      }
      Locale l = locale();
      ImportOptions options = new ImportOptions(kind(), format(), cluster, lines, speedDials, withPassword,
          template, skipBadRows, keepUnknown, 0);
      WorkspaceStorage storage = where.storage(new Origin(Origin.Kind.BAT, "BAT import " + file.getFileName()));
      Workspace ws = storage.load();
      ImportPlan plan;
      try {
        plan = BatImport.plan(file, options, ws, null);
      } catch (BatFileException e) {
        throw new BadInputException(file + ": " + e.text(l));
      }
      PrintWriter out = spec.commandLine().getOut();
      plan.summary(l).forEach(out::println);
      List<RowProblem> problems = plan.problems();
      for (RowProblem p : problems) {
        out.println("  " + file.getFileName() + ": " + p.located(l));
      }
      if (!plan.applicable()) {
        out.flush();
        throw new BadInputException(BatMessages.text(l, "cli.nothingApplied", plan.badLines().size()));
      }
      if (dryRun || !plan.changesSomething() && !keepUnknown) {
        out.println(BatMessages.text(l, dryRun ? "cli.dryRun" : "cli.nothingToDo"));
        out.flush();
        return ExitCodes.OK;
      }
      Proposal change = ImportApplier.proposal(ws, plan, file.getFileName().toString());
      EditResult saved;
      try {
        saved = storage.apply(refuseErrors ? change.refusingNewErrors() : change);
      } catch (EditRefusedException e) {
        throw new BadInputException(e.text(l));
      }
      out.println(BatMessages.text(l, "cli.applied", storage.describe()));
      out.println(BatMessages.text(l, "cli.validation", cluster, saved.count(Severity.ERROR, cluster),
          saved.count(Severity.WARNING, cluster), saved.countBefore(Severity.ERROR, cluster),
          saved.countBefore(Severity.WARNING, cluster)));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code emcc bat export --out FILE}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write a cluster's users, device profiles or phones as a BAT CSV file (UTF-8 without BOM). "
          + "PINs are never known to the console: the PIN column is written from --pins FILE, else left empty.",
          "A file BAT would refuse (names like EMCC1, values too long) is not written (exit 2)."})
  static final class Export extends Common implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WorkspaceOptions where = new WorkspaceOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The file to write.")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Option(names = "--pins", paramLabel = "FILE",
        description = "A CSV file of \"User ID,PIN\" rows: the PINs to write (each is checked against the stored hash).")
    Path pins;

    @Override
    public Integer call() throws Exception {
      checkCounts();
      WorkspaceFiles.refuseOverwrite(out, force);
      Locale l = locale();
      BatKind k = kind();
      BatFormat f = format();
      Workspace ws = where.load();
      Map<String, Map<String, String>> kept = Map.of();
      if (where.source.db != null) {
        Window w = k.window();
        try (WorkspaceStore store = WorkspaceStore.open(where.source.db)) {
          kept = KeptColumns.of(store).get(cluster, w.collection().orElseThrow().clusterKey());
        }
      }
      Map<String, String> pinValues = null;
      if (pins != null) {
        try {
          pinValues = PinFile.read(pins);
        } catch (BatFileException e) {
          throw new BadInputException(pins + ": " + e.text(l));
        }
      }
      ExportResult result;
      try {
        result = BatExport.write(ws, new ExportOptions(k, f, cluster, lines, speedDials, withPassword), out, kept,
            pinValues);
      } catch (BatFileException e) {
        throw new BadInputException(e.text(l));
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println(out);
      result.summary(l, k, f).forEach(o::println);
      o.flush();
      return ExitCodes.OK;
    }
  }
}
