package dev.emcc.bat;

/**
 * A column at its place in a file: a fixed column, or the {@code index}-th repetition (from 1) of
 * a group's column. A column a header names that no layout knows has no group and a column whose
 * field is null.
 */
public record Slot(BatColumn column, ColumnGroup group, int index) {
  /** Its header text: the column's name, numbered in a group ("Directory Number 1"). */
  public String header() {
    return group == null ? column.name() : column.name() + " " + index;
  }

  public boolean inGroup(String groupId) {
    return group != null && group.id().equals(groupId);
  }
}
