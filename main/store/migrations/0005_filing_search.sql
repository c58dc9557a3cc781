-- Full-text search over reporting person, issuer and ticker. The FTS table keeps its own copy of
-- those words plus the box 3 date and status (unindexed), so a search can pick its page of results
-- in date order from this compact table and fetch only those filings: a common name matching
-- thousands of filings then reads thousands of small rows, not thousands of filing documents.
-- FTS5 tables cannot be STRICT; triggers keep this one in step with filings.
CREATE VIRTUAL TABLE filings_search USING fts5 (
  reporting_person, issuer, ticker,
  period_of_report UNINDEXED, status UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER filings_search_insert AFTER INSERT ON filings
BEGIN
  INSERT INTO filings_search (rowid, reporting_person, issuer, ticker, period_of_report, status)
  VALUES (NEW.id, NEW.reporting_person, NEW.issuer, NEW.ticker, NEW.period_of_report, NEW.status);
END;

CREATE TRIGGER filings_search_delete AFTER DELETE ON filings
BEGIN
  DELETE FROM filings_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER filings_search_update AFTER UPDATE OF reporting_person, issuer, ticker, period_of_report, status ON filings
WHEN OLD.reporting_person IS NOT NEW.reporting_person OR OLD.issuer IS NOT NEW.issuer
  OR OLD.ticker IS NOT NEW.ticker OR OLD.period_of_report IS NOT NEW.period_of_report
  OR OLD.status IS NOT NEW.status
BEGIN
  DELETE FROM filings_search WHERE rowid = OLD.id;
  INSERT INTO filings_search (rowid, reporting_person, issuer, ticker, period_of_report, status)
  VALUES (NEW.id, NEW.reporting_person, NEW.issuer, NEW.ticker, NEW.period_of_report, NEW.status);
END;

INSERT INTO filings_search (rowid, reporting_person, issuer, ticker, period_of_report, status)
SELECT id, reporting_person, issuer, ticker, period_of_report, status FROM filings;
