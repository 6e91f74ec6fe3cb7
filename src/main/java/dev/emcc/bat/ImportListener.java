package dev.emcc.bat;

import java.util.List;

/** Watches an import as the file streams in: the first rows as mapped, and how far it got. */
public interface ImportListener {
  ImportListener NONE = new ImportListener() {};

  /** One of the first rows: its cells under their BAT column names, what it does, what is wrong. */
  default void row(PreviewRow row) {}

  /** Bytes read of the file's size, rows read so far. */
  default void progress(long bytesRead, long size, long rows) {}

  /**
   * Asked before each row and before each PIN is hashed: true stops the import there with a
   * {@link java.util.concurrent.CancellationException} (nothing was changed; the plan is dropped).
   */
  default boolean stopRequested() {
    return false;
  }

  /**
   * A row of the preview. Secret cells (Password) and PINs are shown masked, never in clear.
   *
   * @param name the object the row imports as (null when it has no name)
   * @param change what it does, null for a bad row
   */
  record PreviewRow(long line, List<Cell> cells, String name, PlanEntry.Change change, List<RowProblem> problems) {}

  /** A cell: its column header (BAT's name), the text shown, and whether the model carries it. */
  record Cell(String header, String text, boolean carried) {}
}
