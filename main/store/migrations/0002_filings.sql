-- Each filing as a DraftFiling JSON document (the current value of every field), with the columns the
-- list sorts and searches on, the provenance of its fields, and its current findings.
CREATE TABLE filings (
  id INTEGER PRIMARY KEY,
  source_id INTEGER REFERENCES sources (id),
  status TEXT NOT NULL DEFAULT 'needs-review'
    CHECK (status IN ('needs-review', 'approved', 'rejected', 'exported')),
  document TEXT NOT NULL CHECK (json_valid(document)),
  reporting_person TEXT NOT NULL,
  issuer TEXT NOT NULL,
  ticker TEXT NOT NULL,
  period_of_report TEXT,
  -- Normalized names: the duplicate and history-mismatch lookups match on these.
  person_key TEXT NOT NULL,
  issuer_key TEXT NOT NULL,
  errors INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  approved_at TEXT
) STRICT;

CREATE INDEX filings_by_period ON filings (period_of_report DESC, id DESC);
CREATE INDEX filings_by_status_period ON filings (status, period_of_report DESC, id DESC);
CREATE INDEX filings_by_person_issuer ON filings (person_key, issuer_key, period_of_report);

-- Where a field's value came from and how sure the reading is. The value itself lives in the document.
CREATE TABLE filing_fields (
  filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  confidence REAL CHECK (confidence BETWEEN 0 AND 100),
  -- Why the parser guessed this value from a damaged layout; null once read cleanly or set by a person.
  guess TEXT,
  source_page INTEGER,
  source_boxes TEXT CHECK (source_boxes IS NULL OR json_valid(source_boxes)),
  source_text TEXT,
  set_by TEXT,
  set_at TEXT,
  PRIMARY KEY (filing_id, path)
) STRICT, WITHOUT ROWID;

CREATE TABLE findings (
  filing_id INTEGER NOT NULL REFERENCES filings (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  path TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (filing_id, position)
) STRICT, WITHOUT ROWID;
