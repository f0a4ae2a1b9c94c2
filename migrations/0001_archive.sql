-- The published archive's index. Bytes live in R2 (binding ARCHIVE), one object per document,
-- keyed by its path; this database says what is published and from what it was rendered, so
-- that `npm run publish` writes only what changed.

-- Every document readers can fetch, by URL path: feeds, pages, archive pages, sitemaps.
CREATE TABLE documents (
  path TEXT PRIMARY KEY,       -- '/feed.xml', '/articles/<slug>', '/tags/<tag>/archive/2/atom.xml'
  status INTEGER NOT NULL,     -- 200, or 410 once the document was removed
  content_type TEXT NOT NULL,
  etag TEXT NOT NULL,          -- the strong ETag served (also in the R2 object's metadata)
  last_modified INTEGER,       -- milliseconds, or NULL for documents dated by no content
  fingerprint TEXT NOT NULL    -- hash of everything the bytes were rendered from
) WITHOUT ROWID;

-- Every published article: the index (ids, slugs, dates, titles, tags, archive position).
CREATE TABLE articles (
  id TEXT PRIMARY KEY,         -- the permanent id from the article file
  slug TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL,
  title TEXT NOT NULL,
  published INTEGER NOT NULL,  -- milliseconds
  updated INTEGER NOT NULL,
  tags TEXT NOT NULL,          -- JSON array of tag slugs
  position INTEGER NOT NULL,   -- 1 = oldest: its place in the archive chain
  fingerprint TEXT NOT NULL    -- hash of the article's content
) WITHOUT ROWID;

CREATE INDEX articles_by_position ON articles (position);
