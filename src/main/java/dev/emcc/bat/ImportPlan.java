package dev.emcc.bat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a BAT file would do, before anything is applied: every object added, changed or left
 * unchanged, every bad row with its line, column and rule, the columns the model does not carry
 * (named, never dropped without a word), the notes on the file (a byte order mark stripped, a
 * header row found in an insert file), and the values kept for a later export.
 */
public final class ImportPlan {
  /** A note on the file as a whole: a message key and its arguments. */
  public record Note(String key, List<Object> args) {
    public String text(Locale locale) {
      return BatMessages.text(locale, key, args.toArray());
    }
  }

  private final ImportOptions options;
  final List<PlanEntry> entries = new ArrayList<>();
  final List<RowProblem> problems = new ArrayList<>();
  final Set<Long> badLines = new TreeSet<>();
  final List<Note> notes = new ArrayList<>();
  /** Columns the model does not carry that hold values: name to the number of values. */
  final Map<String, Integer> ignored = new LinkedHashMap<>();
  /** Columns the model does not carry that are blank in every row. */
  final Set<String> ignoredEmpty = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  /** Secret columns that held values (never stored). */
  final Set<String> secrets = new TreeSet<>();
  /** collection to object name to header to value, for --keep-unknown. */
  final Map<String, Map<String, Map<String, String>>> kept = new LinkedHashMap<>();
  long rows;
  int pinsHashed;

  ImportPlan(ImportOptions options) {
    this.options = options;
  }

  public ImportOptions options() {
    return options;
  }

  public List<PlanEntry> entries() {
    return List.copyOf(entries);
  }

  public List<RowProblem> problems() {
    return List.copyOf(problems);
  }

  /** The lines of the bad rows, in order. */
  public List<Long> badLines() {
    return List.copyOf(badLines);
  }

  public List<Note> notes() {
    return List.copyOf(notes);
  }

  public Map<String, Integer> ignoredColumns() {
    return Map.copyOf(ignored);
  }

  /** Data rows read (not the header). */
  public long rows() {
    return rows;
  }

  /** Whether the plan may be applied: no bad row, or bad rows skipped on request. */
  public boolean applicable() {
    return problems.isEmpty() || options.skipBadRows();
  }

  /** The kept values of columns the model does not carry, by collection and object name. */
  public Map<String, Map<String, Map<String, String>>> kept() {
    return kept;
  }

  /** Counts of each change by collection, in the order the collections came. */
  public Map<String, Map<PlanEntry.Change, Integer>> counts() {
    Map<String, Map<PlanEntry.Change, Integer>> out = new LinkedHashMap<>();
    for (PlanEntry e : entries) {
      out.computeIfAbsent(e.collection(), k -> new EnumMap<>(PlanEntry.Change.class)).merge(e.change(), 1,
          Integer::sum);
    }
    return out;
  }

  /** Whether applying would change anything. */
  public boolean changesSomething() {
    return entries.stream().anyMatch(e -> e.change() != PlanEntry.Change.UNCHANGED);
  }

  /** The summary a user reads before applying: counts, ignored columns, notes; problems separately. */
  public List<String> summary(Locale locale) {
    List<String> out = new ArrayList<>();
    out.add(BatMessages.text(locale, "summary.rows", rows, options.kind().text(locale), options.format().id()));
    for (Map.Entry<String, Map<PlanEntry.Change, Integer>> c : counts().entrySet()) {
      Map<PlanEntry.Change, Integer> n = c.getValue();
      out.add(BatMessages.text(locale, "summary.counts", BatMessages.text(locale, "collection." + c.getKey()),
          n.getOrDefault(PlanEntry.Change.ADDED, 0), n.getOrDefault(PlanEntry.Change.CHANGED, 0),
          n.getOrDefault(PlanEntry.Change.UNCHANGED, 0)));
    }
    if (!ignored.isEmpty()) {
      List<String> named = new ArrayList<>();
      ignored.forEach((name, count) -> named.add(BatMessages.text(locale, "summary.ignoredColumn", name, count)));
      out.add(BatMessages.text(locale, options.keepUnknown() ? "summary.kept" : "summary.ignored",
          String.join(", ", named)));
    }
    if (!ignoredEmpty.isEmpty()) {
      out.add(BatMessages.text(locale, "summary.ignoredEmpty", ignoredEmpty.size()));
    }
    if (!secrets.isEmpty()) {
      out.add(BatMessages.text(locale, "summary.secrets", String.join(", ", secrets)));
    }
    if (pinsHashed > 0) {
      out.add(BatMessages.text(locale, "summary.pins", pinsHashed));
    }
    notes.forEach(n -> out.add(n.text(locale)));
    if (!problems.isEmpty()) {
      out.add(BatMessages.text(locale, options.skipBadRows() ? "summary.skipped" : "summary.refused",
          badLines.size(), problems.size()));
    }
    return out;
  }
}
