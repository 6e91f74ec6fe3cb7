package dev.emcc.bat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of one kind of BAT file in their order: fixed columns, then groups repeated a
 * number of times (lines, speed dials, controlled profiles). An insert file is read by position,
 * an export file by its header, both through the same columns.
 */
public record Layout(BatKind kind, BatFormat format, List<BatColumn> fixed, List<ColumnGroup> groups) {
  public Layout {
    fixed = List.copyOf(fixed);
    groups = List.copyOf(groups);
  }

  /** The slots of a file with these repetitions per group id (a missing group: 0), in file order. */
  public List<Slot> slots(Map<String, Integer> counts) {
    List<Slot> out = new ArrayList<>();
    fixed.forEach(c -> out.add(new Slot(c, null, 0)));
    for (ColumnGroup g : groups) {
      if (g.open()) {
        continue; // takes the rest of each row: see slotAt
      }
      int n = counts.getOrDefault(g.id(), 0);
      for (int i = 1; i <= n; i++) {
        for (BatColumn c : g.columns()) {
          out.add(new Slot(c, g, i));
        }
      }
    }
    return out;
  }

  /** The open group (a users file's trailing controlled devices), if this layout has one. */
  public Optional<ColumnGroup> openGroup() {
    return groups.stream().filter(ColumnGroup::open).findFirst();
  }

  /** The slot of a field past the positional ones: the open group's next repetition, or none. */
  Optional<Slot> slotAt(List<Slot> slots, int position) {
    if (position < slots.size()) {
      return Optional.of(slots.get(position));
    }
    return openGroup().map(g -> new Slot(g.columns().get(0), g, position - slots.size() + 1));
  }

  /** Every column a header may name: fixed ones by name, group ones by name and number. */
  Matcher matcher() {
    return new Matcher(this);
  }

  /** Reads header cells: a known column, or an unknown one kept under its own name. */
  static final class Matcher {
    private final Map<String, BatColumn> fixedByKey = new HashMap<>();
    private final Map<String, Map.Entry<ColumnGroup, BatColumn>> grouped = new HashMap<>();
    private final Layout layout;

    private Matcher(Layout layout) {
      this.layout = layout;
      layout.fixed().forEach(c -> fixedByKey.putIfAbsent(BatNames.key(c.name()), c));
      for (ColumnGroup g : layout.groups()) {
        g.columns().forEach(c -> grouped.putIfAbsent(BatNames.key(c.name()), Map.entry(g, c)));
      }
    }

    /** The slot a header cell names, empty when no column of the layout has that name. */
    Optional<Slot> match(String header) {
      String key = BatNames.key(header);
      BatColumn f = fixedByKey.get(key);
      if (f != null) {
        return Optional.of(new Slot(f, null, 0));
      }
      int digits = key.length();
      while (digits > 0 && Character.isDigit(key.charAt(digits - 1))) {
        digits--;
      }
      if (digits == key.length() || digits == 0 || key.length() - digits > 4) {
        return Optional.empty();
      }
      Map.Entry<ColumnGroup, BatColumn> g = grouped.get(key.substring(0, digits));
      int index = Integer.parseInt(key.substring(digits));
      if (g == null || index < 1) {
        return Optional.empty();
      }
      return Optional.of(new Slot(g.getValue(), g.getKey(), index));
    }

    Layout layout() {
      return layout;
    }
  }
}
