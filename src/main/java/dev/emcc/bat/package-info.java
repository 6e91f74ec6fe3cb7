/**
 * Bulk Administration (BAT) CSV files in and out: the users, user device profile and phones
 * (with users) files of Cisco's Bulk Administration Guide, as insert files (no header, BAT's
 * default column order) and as "All details" export files (a header row).
 *
 * <p>{@link dev.emcc.bat.BatLayouts} holds the guide's column orders; each column finds its field
 * through the schema's BAT name ({@code Field.bat}), so the vocabulary is the schema's.
 * {@link dev.emcc.bat.BatImport} streams a file into an {@link dev.emcc.bat.ImportPlan} (added,
 * changed, unchanged, every bad row with its line and column), {@link dev.emcc.bat.ImportApplier}
 * turns a plan into the next workspace, {@link dev.emcc.bat.BatExport} writes files. No JavaFX here.
 * The formats, the versions they follow and every choice made: docs/bat.md.
 */
package dev.emcc.bat;
