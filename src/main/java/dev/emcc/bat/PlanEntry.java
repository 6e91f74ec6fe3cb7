package dev.emcc.bat;

/**
 * One object of an import: the collection it goes to ({@code endUsers}, {@code deviceProfiles},
 * {@code phones}), its name, what the import does to it and the object after (before: null when
 * it is new), and the line of the row it came from.
 */
public record PlanEntry(String collection, String name, Change change, Object before, Object after, long line) {
  public enum Change { ADDED, CHANGED, UNCHANGED }
}
