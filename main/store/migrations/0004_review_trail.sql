-- What people did: the audit log (append-only, each row chained to the one before by its hash, the
-- head kept apart so a deleted last row shows too), approvals/rejections/reopenings, and exports.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  filing_id INTEGER REFERENCES filings (id),
  action TEXT NOT NULL,
  path TEXT,
  old_value TEXT,
  new_value TEXT,
  reason TEXT,
  -- sha256 of the filing's document and status after the action: ties the current row to the log.
  state_hash TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_filing ON audit_log (filing_id, seq);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log
BEGIN
  UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
END;

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  filing_id INTEGER NOT NULL REFERENCES filings (id),
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected', 'reopened')),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  reason TEXT,
  -- [{rule, path, reason}] for the errors this approval overrode.
  overrides TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(overrides))
) STRICT;

CREATE INDEX decisions_by_filing ON decisions (filing_id, id);

CREATE TABLE exports (
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL CHECK (format IN ('xml', 'csv', 'json')),
  out_dir TEXT NOT NULL,
  since TEXT,
  exported_by TEXT NOT NULL,
  exported_at TEXT NOT NULL
) STRICT;

CREATE TABLE export_filings (
  export_id INTEGER NOT NULL REFERENCES exports (id),
  filing_id INTEGER NOT NULL REFERENCES filings (id),
  file TEXT NOT NULL,
  PRIMARY KEY (export_id, filing_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX export_filings_by_filing ON export_filings (filing_id);
