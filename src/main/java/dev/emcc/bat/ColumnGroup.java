package dev.emcc.bat;

import java.util.List;

/**
 * Columns repeated once a line, a speed dial or a controlled device: "Directory Number 1",
 * "Partition 1", ..., "Directory Number 2", ... In an insert file the number of repetitions comes
 * from the file format (BAT's template); an {@code open} group takes what is left of the row (a
 * users file ends with any number of controlled device names).
 */
public record ColumnGroup(String id, List<BatColumn> columns, boolean open) {
  public ColumnGroup {
    columns = List.copyOf(columns);
  }

  public static final String LINES = "lines";
  public static final String SPEED_DIALS = "speedDials";
  public static final String CONTROLLED_PROFILES = "controlledProfiles";
  public static final String CONTROLLED_DEVICES = "controlledDevices";
}
