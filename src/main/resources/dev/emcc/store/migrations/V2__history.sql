-- Schema 2: history: change sets of before-images, for the history view and undo.

-- One row per save, single-object edit or undo. Revisions from now on are change-set ids, so
-- they only grow, also across a delete and re-create of an object or cluster.
CREATE TABLE change_set (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  summary TEXT NOT NULL,
  undo_of INTEGER REFERENCES change_set (id)
);

-- One row per object a change set added, changed, removed or moved. Only the state before the
-- change is kept (before_json, before_position): the state after is the next change's before
-- state or the current row, so a bulk import does not write every object twice.
CREATE TABLE change (
  id              INTEGER PRIMARY KEY,
  change_set      INTEGER NOT NULL REFERENCES change_set (id) ON DELETE CASCADE,
  cluster_id      TEXT NOT NULL,
  collection      TEXT NOT NULL,
  name            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'removed', 'moved')),
  before_json     TEXT,
  before_position INTEGER,
  after_position  INTEGER
);
-- Appended in id order, so cheap to keep; it also serves "the next change of this object after
-- change set n" for the history view, which looks at recent change sets. No index by object: it
-- would cost every bulk import a random insert per object.
CREATE INDEX change_by_set ON change (change_set);

-- Schema 1 counted revisions from 1: start the change-set ids above every revision handed out.
INSERT INTO change_set (id, at, summary)
  SELECT max(r), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'schema 2: history starts here'
  FROM (SELECT max(revision) AS r FROM cluster UNION ALL SELECT max(revision) FROM object)
  HAVING max(r) IS NOT NULL;
