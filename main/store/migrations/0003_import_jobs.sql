-- The durable import queue: a file is queued (its copy already in the files folder) before any work
-- starts, and a job leaves 'queued'/'running' only in the transaction that stores its result, so a
-- crash at any point leaves either nothing or a job the next run picks up again.
CREATE TABLE import_jobs (
  id INTEGER PRIMARY KEY,
  batch TEXT NOT NULL,
  path TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  size INTEGER,
  stored_as TEXT,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'skipped', 'failed')),
  message TEXT,
  -- The process working on a running job, so another run can tell a crashed claim from a live one.
  claimed_by INTEGER,
  source_id INTEGER REFERENCES sources (id),
  filing_id INTEGER REFERENCES filings (id),
  queued_at TEXT NOT NULL,
  queued_by TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE INDEX import_jobs_open ON import_jobs (state, id) WHERE state IN ('queued', 'running');
CREATE INDEX import_jobs_by_sha256 ON import_jobs (sha256);
