package dev.emcc.bat;

import java.util.List;
import java.util.Locale;

/**
 * What an export wrote: rows and columns, the line and speed dial groups an insert file has (the
 * import of it needs the same), and the PIN column's fate.
 *
 * @param pinsWritten PINs written from the user's PIN file
 * @param pinsRefused PINs of the PIN file that are not the stored PIN (not written)
 * @param pinColumn whether the file has a PIN column
 */
public record ExportResult(long rows, int columns, int lines, int speedDials, boolean pinColumn, boolean pinFile,
    int pinsWritten, int pinsRefused, int keptValues, List<String> header) {

  public ExportResult {
    header = List.copyOf(header);
  }

  /** What a user should know: the groups of an insert file, the PIN column, the kept values written. */
  public List<String> summary(Locale locale, BatKind kind, BatFormat format) {
    List<String> out = new java.util.ArrayList<>();
    out.add(BatMessages.text(locale, "export.rows", rows, kind.text(locale), format.id(), columns));
    if (format == BatFormat.INSERT && kind != BatKind.USERS) {
      out.add(BatMessages.text(locale, "export.groups", lines, speedDials));
    }
    if (pinColumn) {
      out.add(pinFile ? BatMessages.text(locale, "export.pinsFromFile", pinsWritten, pinsRefused)
          : BatMessages.text(locale, "export.pinsEmpty"));
    }
    if (keptValues > 0) {
      out.add(BatMessages.text(locale, "export.kept", keptValues));
    }
    return out;
  }
}
