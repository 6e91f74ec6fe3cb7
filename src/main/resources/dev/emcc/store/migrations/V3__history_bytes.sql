-- Schema 3: a history bounded in bytes, big change sets packed.

-- What each change set's history costs (its rows' JSON and keys, or its packs), so the history can
-- keep the newest change sets within a byte budget. Change sets already stored are measured here
-- the way the console measures a row: 48 bytes and its key and JSON.
ALTER TABLE change_set ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
UPDATE change_set SET bytes = coalesce((SELECT sum(48 + length(CAST(cluster_id AS BLOB))
  + length(CAST(collection AS BLOB)) + length(CAST(name AS BLOB))
  + coalesce(length(CAST(before_json AS BLOB)), 0)) FROM change WHERE change.change_set = change_set.id), 0);

-- The history of a change set of more than 1,000 changes (an import, a full push): its change
-- records serialised and deflated, up to 4,096 a pack, in order (seq). A replace-all import keeps
-- the previous workspace here about twenty times smaller than as rows of before-images.
CREATE TABLE change_pack (
  change_set INTEGER NOT NULL REFERENCES change_set (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  changes    INTEGER NOT NULL,
  data       BLOB NOT NULL,
  PRIMARY KEY (change_set, seq)
);
