-- Schema 4: BAT columns the model does not carry, kept by `emcc bat import --keep-unknown` so that
-- an export gives them back unchanged. One row per object and import: its columns as a JSON
-- object of header to value, in the order of the file, and the import's change set (0 when the
-- import changed no object). An export takes each object's latest row; an object is found by its
-- name, and only objects that exist are exported.
CREATE TABLE bat_column (
  cluster_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  name       TEXT NOT NULL,
  change_set INTEGER NOT NULL,
  columns    TEXT NOT NULL,
  PRIMARY KEY (cluster_id, collection, name, change_set)
) WITHOUT ROWID;

-- Undoing an import takes back what it kept, in the undo's own transaction: the values an earlier
-- import kept for the same objects are the latest again. (One line: the migration runner splits
-- statements at lines ending in a semicolon.)
CREATE TRIGGER bat_column_undone AFTER INSERT ON change_set WHEN NEW.undo_of IS NOT NULL BEGIN DELETE FROM bat_column WHERE change_set = NEW.undo_of; END;
