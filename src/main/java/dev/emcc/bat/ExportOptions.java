package dev.emcc.bat;

/**
 * What to export and how.
 *
 * @param lines line groups a row of an insert file gets at least (more when a profile has more lines)
 * @param speedDials speed dial groups a row of an insert file gets
 * @param withPassword a users insert file with the Password column (always empty) after User ID
 */
public record ExportOptions(BatKind kind, BatFormat format, String clusterId, int lines, int speedDials,
    boolean withPassword) {

  public static ExportOptions of(BatKind kind, BatFormat format, String clusterId) {
    return new ExportOptions(kind, format, clusterId, 1, 1, false);
  }
}
