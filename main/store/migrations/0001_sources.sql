-- Each imported file once (by sha256), its pages, and the words read from them with their boxes and
-- confidences, so the review screen can show where every value came from.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  name TEXT NOT NULL,
  imported_from TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  -- The copy of the original, relative to the store's files folder.
  stored_as TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('text', 'pdf-text', 'ocr')),
  page_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

CREATE TABLE pages (
  source_id INTEGER NOT NULL REFERENCES sources (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  width REAL NOT NULL,
  height REAL NOT NULL,
  -- The page image relative to the files folder; null for text inputs, which have none.
  image TEXT,
  PRIMARY KEY (source_id, number)
) STRICT, WITHOUT ROWID;

CREATE TABLE lines (
  source_id INTEGER NOT NULL,
  page INTEGER NOT NULL,
  number INTEGER NOT NULL,
  x REAL,
  y REAL,
  width REAL,
  height REAL,
  PRIMARY KEY (source_id, page, number),
  FOREIGN KEY (source_id, page) REFERENCES pages (source_id, number)
) STRICT, WITHOUT ROWID;

CREATE TABLE words (
  source_id INTEGER NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  x REAL,
  y REAL,
  width REAL,
  height REAL,
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  cell INTEGER,
  PRIMARY KEY (source_id, page, line, position),
  FOREIGN KEY (source_id, page, line) REFERENCES lines (source_id, page, number)
) STRICT, WITHOUT ROWID;
