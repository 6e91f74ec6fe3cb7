package dev.emcc.bat;

import dev.emcc.bat.BatColumn.Role;
import dev.emcc.bat.ImportListener.Cell;
import dev.emcc.bat.ImportListener.PreviewRow;
import dev.emcc.bat.PlanEntry.Change;
import dev.emcc.model.Cluster;
import dev.emcc.model.EndUser;
import dev.emcc.model.Line;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.EndUserFields;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import dev.emcc.schema.Limits;
import dev.emcc.schema.Violation;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a BAT file into an {@link ImportPlan}, row by row as the file streams in: each row's
 * cells checked against BAT's rules for its column (mandatory, length), turned into the model's
 * values through the column's schema field, made into the object (the existing one, or BAT's
 * template, or a new one with CUCM's defaults, changed by the row) and checked against the
 * schema's limits. A bad row is reported with its line, column and rule; the plan says what
 * applying would add, change or leave unchanged. Nothing is changed here.
 */
public final class BatImport {
  /** A phone's device name as CUCM writes it (a user's controlled device that is no device profile). */
  private static final Pattern PHONE_NAME = Pattern.compile("(?i)SEP[0-9A-F]{12}");
  private static final Pattern LINE_PATH = Pattern.compile("lines\\[(\\d+)]\\..*");
  private static final int PROGRESS_EVERY = 2_000;

  private final ImportOptions options;
  private final Cluster cluster;
  private final ImportListener listener;
  private final ImportPlan plan;
  private final Layout layout;
  // by identity: a window is a record of all its fields, too big to hash for every cell
  private final Map<Window, Target> targets = new java.util.IdentityHashMap<>();
  /** The windows in the order their columns come (a phones-with-users row: the user, then the phone). */
  private final List<Window> order = new ArrayList<>();
  /** The header of each positional slot, made once per file. */
  private List<String> headers = List.of();
  private final Set<String> phoneNames = new HashSet<>();
  /** The cluster's device profile names, upper case: a phone may not take one (one device namespace). */
  private final Set<String> profileNames = new HashSet<>();
  private final List<Pending> pending = new ArrayList<>();
  private final Set<String> notCarriedSeen = new HashSet<>();
  private long previewed;

  /** What a row makes of one object, until the PINs are hashed. */
  private record Pending(Target target, String name, Object before, Object after, String pin, long line) {}

  private BatImport(ImportOptions options, Cluster cluster, Workspace ws, ImportListener listener)
      throws BatFileException {
    this.options = options;
    this.cluster = cluster;
    this.listener = listener;
    this.plan = new ImportPlan(options);
    this.layout = BatLayouts.of(options.kind(), options.format(), options.withPassword());
    for (BatColumn c : allColumns(layout)) {
      target(c.window());
    }
    target(options.kind().window());
    cluster.phones().forEach(p -> phoneNames.add(p.name().toUpperCase(Locale.ROOT)));
    cluster.deviceProfiles().forEach(p -> profileNames.add(p.name().toUpperCase(Locale.ROOT)));
    if (options.template() != null && !options.template().isBlank()) {
      targets.get(options.kind().window()).template = template(ws);
    } else if (options.format() == BatFormat.INSERT && options.kind() != BatKind.USERS) {
      plan.notes.add(note("note.noTemplate"));
    }
  }

  /** Plans the import of {@code file} into the cluster {@code options.clusterId()} of {@code ws}. */
  public static ImportPlan plan(Path file, ImportOptions options, Workspace ws, ImportListener listener)
      throws IOException, BatFileException {
    Cluster cluster = ws.cluster(options.clusterId())
        .orElseThrow(() -> new BatFileException(0, "option.noCluster", options.clusterId()));
    return new BatImport(options, cluster, ws, listener == null ? ImportListener.NONE : listener).run(file);
  }

  private void target(Window w) {
    if (!targets.containsKey(w)) {
      targets.put(w, new Target(w));
      order.add(w);
    }
  }

  private static List<BatColumn> allColumns(Layout l) {
    List<BatColumn> all = new ArrayList<>(l.fixed());
    l.groups().forEach(g -> all.addAll(g.columns()));
    return all;
  }

  private Object template(Workspace ws) throws BatFileException {
    String name = options.template().strip();
    if (EmccNames.collides(name)) {
      throw new BatFileException(0, "option.templateEmccName", name);
    }
    Target t = targets.get(options.kind().window());
    Object found = t.find(cluster, name);
    if (found != null) {
      return found;
    }
    for (Cluster other : ws.clusters()) {
      Object o = t.find(other, name);
      if (o != null) {
        plan.notes.add(note("note.templateFrom", name, other.clusterId()));
        return o;
      }
    }
    throw new BatFileException(0, "option.noTemplate", name, options.kind().text(Locale.ROOT));
  }

  private ImportPlan run(Path file) throws IOException, BatFileException {
    try (CsvRows rows = CsvRows.open(file)) {
      if (rows.bomStripped()) {
        plan.notes.add(note("note.bom"));
      }
      CsvRows.Row first = rows.next();
      if (first == null) {
        throw new BatFileException(0, "file.empty");
      }
      List<Slot> slots;
      CsvRows.Row row;
      if (options.format().hasHeader()) {
        slots = header(first);
        row = rows.next();
      } else {
        slots = layout.slots(Map.of(ColumnGroup.LINES, options.lines(), ColumnGroup.SPEED_DIALS,
            options.speedDials()));
        if (looksLikeHeader(first, slots)) {
          plan.notes.add(note("note.headerRow", first.line()));
          row = rows.next();
        } else {
          row = first;
        }
      }
      headers = slots.stream().map(Slot::header).toList();
      for (; row != null; row = rows.next()) {
        stopIfCancelled();
        plan.rows++;
        row(row, slots);
        if (plan.rows % PROGRESS_EVERY == 0) {
          listener.progress(rows.bytesRead(), rows.size(), plan.rows);
        }
      }
      finish();
      listener.progress(rows.size(), rows.size(), plan.rows);
      return plan;
    }
  }

  private void stopIfCancelled() {
    if (listener.stopRequested()) {
      throw new CancellationException("BAT import cancelled after " + plan.rows + " rows");
    }
  }

  // ---- header ---------------------------------------------------------------------------

  private List<Slot> header(CsvRows.Row first) throws BatFileException {
    if (first.blank()) {
      throw new BatFileException(first.line(), "file.noHeader");
    }
    Layout.Matcher m = layout.matcher();
    List<Slot> slots = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String cell : first.cells()) {
      String header = cell.strip();
      if (!header.isEmpty() && !seen.add(BatNames.key(header))) {
        throw new BatFileException(first.line(), "file.duplicateHeader", header);
      }
      slots.add(m.match(header).orElseGet(() -> unknown(header)));
    }
    Field key = keyField(options.kind().window());
    if (slots.stream().noneMatch(s -> key.equals(s.column().field()))) {
      throw new BatFileException(first.line(), "file.noKeyColumn", key.external().bat());
    }
    return slots;
  }

  private Slot unknown(String header) {
    return new Slot(new BatColumn(header, options.kind().window(), null, Role.VALUE, 0, 0, false), null, 0);
  }

  private boolean looksLikeHeader(CsvRows.Row first, List<Slot> slots) {
    int n = Math.min(Math.min(3, layout.fixed().size()), first.cells().size());
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!BatNames.key(first.cells().get(i)).equals(BatNames.key(slots.get(i).column().name()))) {
        return false;
      }
    }
    return true;
  }

  private static Field keyField(Window w) {
    CollectionBinding<?> b = w.collection().orElseThrow();
    return w.field(b.nameKey()).orElseThrow();
  }

  // ---- rows -----------------------------------------------------------------------------

  private void row(CsvRows.Row row, List<Slot> slots) {
    List<RowProblem> problems = new ArrayList<>();
    Map<Window, Values> values = new java.util.IdentityHashMap<>();
    order.forEach(w -> values.put(w, new Values()));
    List<Cell> preview = previewed < options.previewRows() ? new ArrayList<>() : null;
    if (row.blank()) {
      problems.add(RowProblem.of(row.line(), null, null, "row.blankLine", "row.blankLine"));
    } else {
      cells(row, slots, values, problems, preview);
    }
    List<Pending> made = new ArrayList<>();
    if (!row.blank()) {
      for (Window w : order) {
        if (values.get(w).touched) {
          Pending p = make(targets.get(w), values.get(w), row.line(), problems);
          if (p != null) {
            made.add(p);
          }
        }
      }
    }
    if (problems.isEmpty()) {
      pending.addAll(made);
      if (options.keepUnknown()) {
        for (Pending p : made) {
          Map<String, String> kept = values.get(p.target().window).kept;
          if (!kept.isEmpty()) {
            plan.kept.computeIfAbsent(p.target().collection, k -> new LinkedHashMap<>()).put(p.name(), kept);
          }
        }
      }
    } else {
      plan.problems.addAll(problems);
      plan.badLines.add(row.line());
    }
    if (preview != null) {
      previewed++;
      Pending main = made.stream().filter(p -> p.target().window == options.kind().window()).findFirst()
          .orElse(made.isEmpty() ? null : made.get(0));
      Change change = !problems.isEmpty() || main == null ? null : main.before() == null ? Change.ADDED
          : main.before().equals(main.after()) && main.pin() == null ? Change.UNCHANGED : Change.CHANGED;
      listener.row(new PreviewRow(row.line(), preview, main == null ? null : main.name(), change,
          List.copyOf(problems)));
    }
  }

  /** A row's values for one window's object, gathered cell by cell. */
  private static final class Values {
    final Map<String, Object> changes = new HashMap<>();
    /** field key (or key#line for a line's column) to the 1-based position of its cell. */
    final Map<String, Integer> positions = new HashMap<>();
    final TreeMap<Integer, Map<String, Object>> lines = new TreeMap<>();
    int lineGroups;
    final Map<String, TreeMap<Integer, String>> lists = new HashMap<>();
    final Map<String, TreeMap<Integer, String>> echoes = new HashMap<>();
    final Map<String, String> kept = new LinkedHashMap<>();
    String pin;
    boolean touched;
  }

  private void cells(CsvRows.Row row, List<Slot> slots, Map<Window, Values> values, List<RowProblem> problems,
      List<Cell> preview) {
    List<String> cells = row.cells();
    int width = Math.max(cells.size(), slots.size());
    for (int i = 0; i < width; i++) {
      String text = i < cells.size() ? cells.get(i) : "";
      Slot slot = options.format().hasHeader() ? (i < slots.size() ? slots.get(i) : null)
          : layout.slotAt(slots, i).orElse(null);
      if (slot == null) {
        if (!text.isBlank()) {
          problems.add(RowProblem.of(row.line(), i + 1, null, "row.tooManyFields",
              options.format().hasHeader() ? "row.moreThanHeader" : "row.tooManyFields", slots.size(),
              options.lines(), options.speedDials()));
          break;
        }
        continue;
      }
      cell(row.line(), i + 1, slot, text, values.get(slot.column().window()), problems, preview);
    }
  }

  private void cell(long line, int position, Slot slot, String text, Values v, List<RowProblem> problems,
      List<Cell> preview) {
    BatColumn c = slot.column();
    String header = position <= headers.size() ? headers.get(position - 1) : slot.header();
    boolean blank = text.isBlank();
    if (preview != null && !blank) {
      boolean masked = c.role() == Role.SECRET || c.field() != null && c.field().kind() == FieldKind.PIN;
      preview.add(new Cell(header, masked ? "••••" : text, c.carried())); // not even a PIN's length
    }
    if (c.mandatory() && blank) {
      problems.add(RowProblem.of(line, position, header, "row.mandatory", "row.mandatory"));
      return;
    }
    int length = text.codePointCount(0, text.length());
    if (!blank && c.maxLength() > 0 && length > c.maxLength()) {
      problems.add(RowProblem.of(line, position, header, "row.length", "row.tooLong", length, c.maxLength()));
      return;
    }
    if (!blank && length < c.minLength()) {
      problems.add(RowProblem.of(line, position, header, "row.length", "row.tooShort", length, c.minLength()));
      return;
    }
    v.touched = v.touched || !blank || c.carried();
    if (c.role() == Role.SECRET) {
      if (!blank) {
        plan.secrets.add(c.name());
      }
      return;
    }
    if (c.role() == Role.CONTROLLED_DEVICE) {
      controlledDevice(slot, text, v, position);
      return;
    }
    if (!c.carried()) {
      notCarried(c.name(), header, text, v);
      return;
    }
    Field f = c.field();
    Target t = targets.get(c.window());
    boolean fromTemplate = blank && t.template != null;
    try {
      if (f.kind() == FieldKind.PIN) {
        if (!blank) {
          Limits.check(f, text).ifPresent(x -> {
            throw new ViolationFound(x);
          });
          v.pin = text;
        }
      } else if (slot.inGroup(ColumnGroup.LINES)) {
        v.lineGroups = Math.max(v.lineGroups, slot.index());
        if (!fromTemplate) {
          v.lines.computeIfAbsent(slot.index(), k -> new HashMap<>()).put(f.key(),
              Cells.parse(f, Records.of(Line.class).typeOf(f.key()), text));
        } else {
          v.lines.computeIfAbsent(slot.index(), k -> new HashMap<>());
        }
        v.positions.put(f.key() + "#" + slot.index(), position);
      } else if (f.kind() == FieldKind.DUAL || f.kind() == FieldKind.LIST) {
        Map<String, TreeMap<Integer, String>> into = c.role() == Role.ECHO ? v.echoes : v.lists;
        TreeMap<Integer, String> list = into.computeIfAbsent(f.key(), k -> new TreeMap<>());
        if (!blank) {
          list.put(slot.index() == 0 ? position : slot.index(), text.strip());
        }
        v.positions.putIfAbsent(f.key(), position);
      } else if (!fromTemplate) {
        Object value;
        if (c.role() == Role.MAC_ADDRESS) {
          value = blank ? null : "SEP" + text.strip().toUpperCase(Locale.ROOT);
        } else if (Cells.isSecurityProfile(f)) {
          value = Cells.securityMode(text);
        } else {
          value = Cells.parse(f, t.shape.typeOf(f.key()), text);
        }
        v.changes.put(f.key(), value);
        v.positions.put(f.key(), position);
      }
    } catch (CellException e) {
      problems.add(RowProblem.of(line, position, header, e.rule, e.rule, e.args));
    } catch (ViolationFound e) {
      problems.add(violation(line, position, header, e.violation));
    }
  }

  /** A controlled device: a device profile's name is a controlled profile; a phone's is not carried. */
  private void controlledDevice(Slot slot, String text, Values v, int position) {
    if (text.isBlank()) {
      return;
    }
    String name = text.strip();
    if (phoneNames.contains(name.toUpperCase(Locale.ROOT)) || PHONE_NAME.matcher(name).matches()) {
      notCarried(slot.column().name(), slot.header(), text, v);
      return;
    }
    v.lists.computeIfAbsent(EndUserFields.CONTROLLED_PROFILES.key(), k -> new TreeMap<>())
        .put(1000 + slot.index(), name);
    v.positions.putIfAbsent(EndUserFields.CONTROLLED_PROFILES.key(), position);
  }

  private void notCarried(String column, String header, String text, Values v) {
    if (text.isBlank()) {
      notCarriedSeen.add(column);
      return;
    }
    plan.ignored.merge(column, 1, Integer::sum);
    if (options.keepUnknown()) {
      v.kept.put(header, text);
    }
  }

  /** Signals a limit broken inside a lambda. */
  private static final class ViolationFound extends RuntimeException {
    final Violation violation;

    ViolationFound(Violation v) {
      super(v.rule(), null, false, false);
      this.violation = v;
    }
  }

  private static RowProblem violation(long line, Integer position, String header, Violation v) {
    return new RowProblem(line, position, header, v.rule(), v.text("en"), v.text("ja"));
  }

  // ---- objects --------------------------------------------------------------------------

  /** The collection of one window: its binding, the cluster's objects by name, names seen in the file. */
  private final class Target {
    final Window window;
    final CollectionBinding<?> binding;
    final Records.Shape shape;
    final String collection;
    final Field keyField;
    final Map<String, Object> existing = new HashMap<>();
    final Map<String, Long> seen = new HashMap<>();
    Object template;

    Target(Window window) {
      this.window = window;
      this.binding = window.collection().orElseThrow();
      this.shape = Records.of(binding.type());
      this.collection = binding.clusterKey();
      this.keyField = keyField(window);
      for (Object o : binding.get().apply(cluster)) {
        existing.put(name(o), o);
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    String name(Object o) {
      return ((java.util.function.Function) binding.name()).apply(o).toString();
    }

    Object find(Cluster c, String name) {
      for (Object o : binding.get().apply(c)) {
        if (name.equals(name(o))) {
          return o;
        }
      }
      return null;
    }
  }

  private Pending make(Target t, Values v, long line, List<RowProblem> problems) {
    Object nameValue = v.changes.get(t.keyField.key());
    String name = nameValue == null ? null : nameValue.toString().strip();
    Integer namePosition = v.positions.get(t.keyField.key());
    if (name == null || name.isEmpty()) {
      if (problems.isEmpty()) { // else its cell is already reported
        problems.add(RowProblem.of(line, namePosition, t.keyField.external().bat(), Violation.REQUIRED,
            "row.noName", t.keyField.external().bat()));
      }
      return null;
    }
    String header = t.keyField.external().bat();
    if (t.window != Windows.END_USER && EmccNames.collides(name)) {
      problems.add(RowProblem.of(line, namePosition, header, "row.emccName", "row.emccName", name));
      return null;
    }
    String deviceTaken = t.window == Windows.DEVICE_PROFILE && phoneNames.contains(name.toUpperCase(Locale.ROOT))
        ? "row.nameOfPhone" : t.window == Windows.PHONE && profileNames.contains(name.toUpperCase(Locale.ROOT))
        ? "row.nameOfProfile" : null;
    if (deviceTaken != null) { // CUCM's phones and device profiles are devices: one namespace
      problems.add(RowProblem.of(line, namePosition, header, "row.deviceNameTaken", deviceTaken, name));
      return null;
    }
    Long earlier = t.seen.putIfAbsent(name, line);
    if (earlier != null) {
      problems.add(RowProblem.of(line, namePosition, header, "row.duplicate", "row.duplicate", name, earlier));
      return null;
    }
    Object before = t.existing.get(name);
    boolean fresh = before == null;
    Object base = before != null ? before : t.template != null ? t.template : t.binding.blank().get();
    Map<String, Object> changes = new HashMap<>(v.changes);
    changes.put(t.keyField.key(), name);
    Set<String> touchedKeys = new HashSet<>(changes.keySet());
    if (t.shape.has("lines") && v.lineGroups > 0) {
      changes.put("lines", lines(t, base, v));
      touchedKeys.add("lines");
    }
    for (Map.Entry<String, TreeMap<Integer, String>> list : v.lists.entrySet()) {
      List<String> items = new ArrayList<>(list.getValue().values());
      if (items.isEmpty() && v.echoes.containsKey(list.getKey())) {
        items.addAll(v.echoes.get(list.getKey()).values());
      }
      if (!items.isEmpty() || !(fresh && t.template != null)) {
        changes.put(list.getKey(), List.copyOf(items));
        touchedKeys.add(list.getKey());
      }
    }
    if (t.window == Windows.END_USER && v.pin != null) {
      touchedKeys.add(EndUserFields.PIN.key());
    }
    Object after;
    try {
      after = t.shape.with(base, changes);
    } catch (RuntimeException e) {
      problems.add(RowProblem.of(line, null, null, "row.invalid", "row.invalid", String.valueOf(e.getMessage())));
      return null;
    }
    for (Violation x : Limits.check(t.window, after)) {
      String top = x.at().key();
      if (!fresh && !touchedKeys.contains(top)) {
        continue; // not this file's doing
      }
      Integer at = position(x, after, v);
      String name0 = at != null ? headerAt(at) : x.field().external().bat() != null
          ? x.field().external().bat() : x.field().key();
      problems.add(violation(line, at, name0, x));
    }
    return new Pending(t, name, before, after, v.pin, line);
  }

  /**
   * The lines of a row: each line the file numbers and gives a directory number, over the base
   * object's line of that number (an insert file has no partition: the existing line's or the
   * template's stays). A line without a number is no line; lines past the file's are kept.
   */
  private static List<Line> lines(Target t, Object base, Values v) {
    @SuppressWarnings("unchecked")
    List<Line> baseLines = base == null ? List.of() : (List<Line>) t.shape.get(base, "lines");
    TreeMap<Integer, Line> out = new TreeMap<>();
    for (Line l : baseLines) {
      if (l.index() > v.lineGroups) {
        out.put(l.index(), l); // past the file's lines: the file says nothing of it
      }
    }
    Records.Shape shape = Records.of(Line.class);
    for (Map.Entry<Integer, Map<String, Object>> e : v.lines.entrySet()) {
      int index = e.getKey();
      Line old = baseLines.stream().filter(l -> l.index() == index).findFirst().orElse(null);
      Map<String, Object> changes = new HashMap<>(e.getValue());
      changes.put("index", index);
      Object number = changes.get("directoryNumber");
      if (number != null && !number.toString().isBlank()) {
        out.put(index, (Line) shape.with(old, changes));
      }
    }
    return List.copyOf(out.values());
  }

  private String headerAt(int position) {
    return position <= headers.size() ? headers.get(position - 1) : null;
  }

  private static Integer position(Violation x, Object after, Values v) {
    Matcher m = LINE_PATH.matcher(x.path());
    if (m.matches() && after instanceof dev.emcc.model.DeviceProfile p) {
      int i = Integer.parseInt(m.group(1));
      if (i < p.lines().size()) {
        return v.positions.get(x.field().key() + "#" + p.lines().get(i).index());
      }
    }
    return v.positions.get(x.at().key());
  }

  // ---- the end --------------------------------------------------------------------------

  private void finish() {
    // PBKDF2 is slow on purpose: hash the PINs on every core, once per user
    List<Pending> done = pending.parallelStream().map(this::withPin).toList();
    for (Pending p : done) {
      Change change = p.before() == null ? Change.ADDED
          : p.before().equals(p.after()) ? Change.UNCHANGED : Change.CHANGED;
      plan.entries.add(new PlanEntry(p.target().collection, p.name(), change, p.before(), p.after(), p.line()));
    }
    plan.pinsHashed = (int) pending.stream().filter(p -> p.pin() != null).count();
    for (Window w : order) {
      Target t = targets.get(w);
      for (BatColumn c : allColumns(layout)) {
        if (!c.carried() && c.role() != Role.SECRET && c.window() == t.window
            && !plan.ignored.containsKey(c.name()) && notCarriedSeen.contains(c.name())) {
          plan.ignoredEmpty.add(c.name());
        }
      }
    }
    notCarriedSeen.stream().filter(n -> !plan.ignored.containsKey(n)).forEach(plan.ignoredEmpty::add);
    if (options.skipBadRows() && !plan.badLines.isEmpty()) {
      plan.notes.add(note("note.skippedLines", lines(plan.badLines)));
    }
  }

  /** The user with the row's PIN: the stored hash when the PIN is the stored one, a new hash otherwise. */
  private Pending withPin(Pending p) {
    if (p.pin() == null || !(p.after() instanceof EndUser u)) {
      return p;
    }
    stopIfCancelled();
    EndUser before = (EndUser) p.before();
    EndUser after = before != null && before.pinMatches(p.pin()) ? u : u.withPin(p.pin());
    return new Pending(p.target(), p.name(), p.before(), after, null, p.line());
  }

  private static String lines(Set<Long> lines) {
    List<String> shown = new ArrayList<>();
    for (Long l : lines) {
      if (shown.size() == 20) {
        shown.add("…");
        break;
      }
      shown.add(String.valueOf(l));
    }
    return String.join(", ", shown);
  }

  private static ImportPlan.Note note(String key, Object... args) {
    return new ImportPlan.Note(key, List.of(args));
  }
}
