-- A scan may hold several filings back to back, each read from its own run of the source's pages:
-- the review screen shows a filing those pages only. Both null for filings from before, which were
-- read from every page of their source, and for filings with no source.
ALTER TABLE filings ADD COLUMN first_page INTEGER CHECK (first_page IS NULL OR first_page >= 1);
ALTER TABLE filings ADD COLUMN last_page INTEGER
  CHECK ((last_page IS NULL) = (first_page IS NULL) AND (last_page IS NULL OR last_page >= first_page));

-- The filings one import made, looked up by their source (a re-import's message, the CLI's report).
CREATE INDEX filings_by_source ON filings (source_id) WHERE source_id IS NOT NULL;
