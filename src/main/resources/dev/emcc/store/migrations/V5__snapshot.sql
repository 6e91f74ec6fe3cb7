-- Schema 5: a snapshot of the workspace beside its rows, for a fast open (dev.emcc.store.Snapshot).
-- The rows stay the source of truth: the snapshot is read only while snapshot_meta says it is
-- ready, and the first change of any row (by this console or any other program) drops both.

-- One row (id 0) while a snapshot may be written or read: its token, and whether it is written.
CREATE TABLE snapshot_meta (
  id    INTEGER PRIMARY KEY CHECK (id = 0),
  token INTEGER NOT NULL,
  ready INTEGER NOT NULL CHECK (ready IN (0, 1))
);

-- The snapshot: seq 0 its header, then its chunks (deflated), in order.
CREATE TABLE snapshot_chunk (
  seq  INTEGER PRIMARY KEY,
  data BLOB NOT NULL
);

-- Any change of the rows makes the snapshot stale: dropped at the first changed row of a write,
-- the rest of the write only tests that it is gone. (One line each: the migration runner splits
-- statements at lines ending in a semicolon.)
CREATE TRIGGER snapshot_stale_object_insert AFTER INSERT ON object WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; DELETE FROM snapshot_chunk; END;
CREATE TRIGGER snapshot_stale_object_update AFTER UPDATE ON object WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; DELETE FROM snapshot_chunk; END;
CREATE TRIGGER snapshot_stale_object_delete AFTER DELETE ON object WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; DELETE FROM snapshot_chunk; END;
CREATE TRIGGER snapshot_stale_cluster_insert AFTER INSERT ON cluster WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; DELETE FROM snapshot_chunk; END;
CREATE TRIGGER snapshot_stale_cluster_update AFTER UPDATE ON cluster WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; DELETE FROM snapshot_chunk; END;
CREATE TRIGGER snapshot_stale_cluster_delete AFTER DELETE ON cluster WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; DELETE FROM snapshot_chunk; END;
