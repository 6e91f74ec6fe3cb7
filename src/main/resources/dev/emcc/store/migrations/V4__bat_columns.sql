-- Schema 4: BAT columns the model does not carry, kept by `emcc bat import --keep-unknown` so that
-- an export gives them back unchanged. One row per object: its columns as a JSON object of header
-- to value, in the order of the file. Not part of the history: an object is found by its name, and
-- only objects that exist are exported.
CREATE TABLE bat_column (
  cluster_id TEXT NOT NULL,
  collection TEXT NOT NULL,
  name       TEXT NOT NULL,
  columns    TEXT NOT NULL,
  PRIMARY KEY (cluster_id, collection, name)
) WITHOUT ROWID;
