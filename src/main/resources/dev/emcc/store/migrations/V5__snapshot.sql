-- Schema 5: whether the snapshot of the workspace beside the database (NAME.snapshot, see
-- dev.emcc.store.Snapshot) may be used. The rows stay the source of truth: the snapshot is read
-- only while this row says it is ready and carries its token, and the first change of any row
-- (by this console or any other program) drops the row.

-- One row (id 0) while a snapshot may be written or read: its token, and whether it is written.
CREATE TABLE snapshot_meta (
  id    INTEGER PRIMARY KEY CHECK (id = 0),
  token INTEGER NOT NULL,
  ready INTEGER NOT NULL CHECK (ready IN (0, 1))
);

-- Any change of the rows makes the snapshot stale: the row goes at the first changed row of a
-- write, the rest of the write only tests that it is gone. (One line each: the migration runner
-- splits statements at lines ending in a semicolon.)
CREATE TRIGGER snapshot_stale_object_insert AFTER INSERT ON object WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; END;
CREATE TRIGGER snapshot_stale_object_update AFTER UPDATE ON object WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; END;
CREATE TRIGGER snapshot_stale_object_delete AFTER DELETE ON object WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; END;
CREATE TRIGGER snapshot_stale_cluster_insert AFTER INSERT ON cluster WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; END;
CREATE TRIGGER snapshot_stale_cluster_update AFTER UPDATE ON cluster WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; END;
CREATE TRIGGER snapshot_stale_cluster_delete AFTER DELETE ON cluster WHEN EXISTS (SELECT 1 FROM snapshot_meta) BEGIN DELETE FROM snapshot_meta; END;
