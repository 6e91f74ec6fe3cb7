package dev.emcc.bat;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import dev.emcc.bat.BatColumn.Role;
import dev.emcc.format.AtomicFiles;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.EndUser;
import dev.emcc.model.Line;
import dev.emcc.model.Phone;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.EndUserFields;
import dev.emcc.schema.Field;
import dev.emcc.schema.FieldKind;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a cluster's users, user device profiles or phones as a BAT file: UTF-8 without a byte
 * order mark, a comma for every blank field, quotes only where a value has a comma, a quote or a
 * line break (a quote doubled), True/False, no blank lines. PINs are never known here (only their
 * hashes): a PIN column is written from a PIN file the user gives (a PIN that is not the stored
 * one is left out), else left empty. A file BAT would refuse is not written: names that collide
 * with the EMCC device naming, values longer than BAT takes.
 */
public final class BatExport {
  /** Quotes only where RFC 4180 needs them (a comma, a quote, a line break), as BAT's own files. */
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private static final int LISTED = 20;

  private final ExportOptions options;
  private final Map<String, Map<String, String>> kept;
  private final Map<String, Boolean> pinOk = new HashMap<>();
  private final Map<String, String> pins;
  private int pinsWritten;
  private int keptWritten;

  private BatExport(ExportOptions options, Map<String, Map<String, String>> kept, Map<String, String> pins) {
    this.options = options;
    this.kept = kept == null ? Map.of() : kept;
    this.pins = pins;
  }

  /**
   * Writes {@code out} (owner-only, whole or not at all).
   *
   * @param kept values of columns the model does not carry, kept by an import: object name to header to value
   * @param pins user id to PIN from the user's PIN file, or null for none (the PIN column stays empty)
   */
  public static ExportResult write(Workspace ws, ExportOptions options, Path out,
      Map<String, Map<String, String>> kept, Map<String, String> pins) throws IOException, BatFileException {
    Cluster cluster = ws.cluster(options.clusterId())
        .orElseThrow(() -> new BatFileException(0, "option.noCluster", options.clusterId()));
    if (options.kind() == BatKind.PHONES && options.format() == BatFormat.INSERT) {
      throw new BatFileException(0, "export.phonesInsert");
    }
    return new BatExport(options, kept, pins).run(cluster, out);
  }

  private ExportResult run(Cluster cluster, Path out) throws IOException, BatFileException {
    CollectionBinding<?> binding = options.kind().window().collection().orElseThrow();
    List<?> objects = binding.get().apply(cluster);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Function<Object, String> name = (Function) binding.name();
    refuseEmccNames(objects, name);
    Layout layout = BatLayouts.of(options.kind(), options.format(), options.withPassword());
    Map<String, Integer> counts = counts(objects, name);
    List<Slot> slots = layout.slots(counts);
    List<String> header = new ArrayList<>(slots.stream().map(Slot::header).toList());
    List<String> extra = options.format().hasHeader() ? extraHeaders(objects, name, header) : List.of();
    header.addAll(extra);
    verifyPins(objects);
    List<List<String>> rows = new ArrayList<>(objects.size());
    List<String> refused = new ArrayList<>();
    int refusedCount = 0;
    for (int r = 0; r < objects.size(); r++) {
      Object o = objects.get(r);
      String n = name.apply(o);
      Map<String, String> keptHere = keptOf(n);
      List<String> row = new ArrayList<>(header.size());
      for (int i = 0; i < slots.size(); i++) {
        Slot s = slots.get(i);
        String text = text(o, s, header.get(i), keptHere);
        String bad = check(s, text);
        if (bad != null) {
          refusedCount++;
          if (refused.size() < LISTED) {
            refused.add(BatMessages.en("export.badCell", r + 1 + (options.format().hasHeader() ? 1 : 0), n,
                header.get(i), bad));
          }
        }
        row.add(text);
      }
      if (layout.openGroup().isPresent()) {
        row.addAll(trailing(o, keptHere));
      }
      for (String h : extra) {
        String v = keptHere.get(h);
        row.add(v == null ? "" : v);
        keptWritten += v == null ? 0 : 1;
      }
      rows.add(row);
    }
    if (refusedCount > 0) {
      throw new BatFileException(0, "export.refused", refusedCount, String.join("; ", refused));
    }
    AtomicFiles.writeOwnerOnly(out, stream -> {
      Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      try (CsvGenerator g = FACTORY.createGenerator(w)) {
        if (options.format().hasHeader()) {
          writeRow(g, header);
        }
        for (List<String> row : rows) {
          writeRow(g, row);
        }
      }
    });
    boolean pinColumn = slots.stream().anyMatch(s -> EndUserFields.PIN.equals(s.column().field()));
    int refusedPins = (int) pinOk.values().stream().filter(ok -> !ok).count();
    return new ExportResult(objects.size(), header.size(), counts.getOrDefault(ColumnGroup.LINES, 0),
        counts.getOrDefault(ColumnGroup.SPEED_DIALS, 0), pinColumn, pins != null, pinsWritten, refusedPins,
        keptWritten, header);
  }

  private static void writeRow(CsvGenerator g, List<String> cells) throws IOException {
    g.writeStartArray();
    for (String c : cells) {
      g.writeString(c);
    }
    g.writeEndArray();
  }

  private void refuseEmccNames(List<?> objects, Function<Object, String> name) throws BatFileException {
    if (options.kind() == BatKind.USERS) {
      return;
    }
    List<String> found = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      String n = name.apply(objects.get(i));
      if (EmccNames.collides(n)) {
        found.add(BatMessages.en("export.emccRow", n, i + 1 + (options.format().hasHeader() ? 1 : 0)));
      }
    }
    if (!found.isEmpty()) {
      throw new BatFileException(0, "export.emccNames", found.size(), String.join(", ", found));
    }
  }

  /** The repetitions of each group: enough for every object (at least one, as BAT writes). */
  private Map<String, Integer> counts(List<?> objects, Function<Object, String> name) {
    Map<String, Integer> counts = new HashMap<>();
    int lines = 0;
    int services = 0;
    int profiles = 0;
    for (Object o : objects) {
      if (o instanceof DeviceProfile p) {
        for (Line l : p.lines()) {
          lines = Math.max(lines, l.index());
        }
      } else if (o instanceof Phone p) {
        services = Math.max(services, p.subscribedServices().size());
      } else if (o instanceof EndUser u) {
        profiles = Math.max(profiles, u.controlledProfiles().size());
      }
    }
    boolean insert = options.format() == BatFormat.INSERT;
    counts.put(ColumnGroup.LINES, Math.max(insert ? options.lines() : 1, lines));
    counts.put(ColumnGroup.SPEED_DIALS, insert ? options.speedDials() : Math.max(1, services));
    counts.put(ColumnGroup.CONTROLLED_PROFILES, Math.max(1, profiles));
    int devices = 0;
    for (Object o : objects) {
      for (String h : keptOf(name.apply(o)).keySet()) {
        devices = Math.max(devices, groupIndex(h, "controlleddevice"));
      }
    }
    counts.put(ColumnGroup.CONTROLLED_DEVICES, devices);
    return counts;
  }

  private static int groupIndex(String header, String baseKey) {
    String k = BatNames.key(header);
    if (!k.startsWith(baseKey) || k.length() == baseKey.length()) {
      return 0;
    }
    String digits = k.substring(baseKey.length());
    return digits.chars().allMatch(Character::isDigit) && digits.length() < 5 ? Integer.parseInt(digits) : 0;
  }

  /** Kept columns no column of the layout names: after the layout's columns, in first-seen order. */
  private List<String> extraHeaders(List<?> objects, Function<Object, String> name, List<String> header) {
    Set<String> known = new HashSet<>();
    header.forEach(h -> known.add(BatNames.key(h)));
    Set<String> extra = new LinkedHashSet<>();
    for (Object o : objects) {
      for (String h : keptOf(name.apply(o)).keySet()) {
        if (!known.contains(BatNames.key(h))) {
          extra.add(h);
        }
      }
    }
    return new ArrayList<>(extra);
  }

  private Map<String, String> keptOf(String name) {
    Map<String, String> k = kept.get(name);
    return k == null ? Map.of() : k;
  }

  private void verifyPins(List<?> objects) {
    if (pins == null) {
      return;
    }
    // a PIN is written only when it is the stored one: PBKDF2 on every core
    Map<String, Boolean> ok = new java.util.concurrent.ConcurrentHashMap<>();
    objects.parallelStream().filter(o -> o instanceof EndUser u && pins.containsKey(u.userId())).forEach(o -> {
      EndUser u = (EndUser) o;
      ok.put(u.userId(), u.pinMatches(pins.get(u.userId())));
    });
    pinOk.putAll(ok);
  }

  /** The text of one cell of an object. */
  private String text(Object o, Slot s, String header, Map<String, String> keptHere) {
    BatColumn c = s.column();
    if (c.role() == Role.SECRET) {
      return "";
    }
    if (!c.carried() || c.role() == Role.CONTROLLED_DEVICE) {
      String v = keptValue(keptHere, header);
      if (!v.isEmpty()) {
        keptWritten++;
      }
      return v;
    }
    Field f = c.field();
    Records.Shape shape = Records.of(o.getClass());
    if (f.kind() == FieldKind.PIN) {
      EndUser u = (EndUser) o;
      if (pins != null && Boolean.TRUE.equals(pinOk.get(u.userId()))) {
        pinsWritten++;
        return pins.get(u.userId());
      }
      return "";
    }
    if (s.inGroup(ColumnGroup.LINES)) {
      for (Line l : ((DeviceProfile) o).lines()) {
        if (l.index() == s.index()) {
          return Cells.text(f, Records.of(Line.class).get(l, f.key()));
        }
      }
      return "";
    }
    if (f.kind() == FieldKind.DUAL || f.kind() == FieldKind.LIST) {
      @SuppressWarnings("unchecked")
      List<String> items = (List<String>) shape.get(o, f.key());
      return s.index() >= 1 && s.index() <= items.size() ? items.get(s.index() - 1) : "";
    }
    if (Cells.isSecurityProfile(f)) {
      Phone p = (Phone) o;
      return Cells.securityProfile(p.deviceSecurityMode(), p.model(), p.protocol());
    }
    return Cells.text(f, shape.get(o, f.key()));
  }

  private static String keptValue(Map<String, String> keptHere, String header) {
    if (keptHere.isEmpty()) {
      return "";
    }
    String v = keptHere.get(header);
    if (v != null) {
      return v;
    }
    String key = BatNames.key(header);
    for (Map.Entry<String, String> e : keptHere.entrySet()) {
      if (BatNames.key(e.getKey()).equals(key)) {
        return e.getValue();
      }
    }
    return "";
  }

  /** A users insert file's trailing controlled devices: the controlled profiles, then kept devices. */
  private List<String> trailing(Object o, Map<String, String> keptHere) {
    List<String> out = new ArrayList<>(((EndUser) o).controlledProfiles());
    keptHere.forEach((h, v) -> {
      if (groupIndex(h, "controlleddevice") > 0) {
        out.add(v);
        keptWritten++;
      }
    });
    return out;
  }

  /** BAT's rule a cell breaks (its message in English), or null. */
  private static String check(Slot s, String text) {
    BatColumn c = s.column();
    int length = text.codePointCount(0, text.length());
    if (c.mandatory() && text.isBlank()) {
      return BatMessages.en("row.mandatory");
    }
    if (c.maxLength() > 0 && length > c.maxLength()) {
      return BatMessages.en("row.tooLong", length, c.maxLength());
    }
    if (!text.isBlank() && length < c.minLength()) {
      return BatMessages.en("row.tooShort", length, c.minLength());
    }
    return null;
  }
}
