-- Schema 1: the workspace as one row per object, its JSON text as the workspace format writes it.
CREATE TABLE schema_version (
  version     INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at  TEXT NOT NULL
);

-- One row per cluster: its place in the workspace's cluster list and its revision.
CREATE TABLE cluster (
  cluster_id TEXT PRIMARY KEY,
  position   INTEGER NOT NULL,
  revision   INTEGER NOT NULL
);

-- One row per object of a cluster's collection (phones, endUsers, ...) or singleton
-- (cluster settings, trustStores, ...: name ''), keyed by (cluster_id, collection, name).
-- A rowid table: the JSON rows are too wide for WITHOUT ROWID to pay.
CREATE TABLE object (
  cluster_id TEXT NOT NULL REFERENCES cluster (cluster_id) ON DELETE CASCADE ON UPDATE CASCADE,
  collection TEXT NOT NULL,
  name       TEXT NOT NULL,
  position   INTEGER NOT NULL,
  revision   INTEGER NOT NULL,
  json       TEXT NOT NULL
);
CREATE UNIQUE INDEX object_key ON object (cluster_id, collection, name);
