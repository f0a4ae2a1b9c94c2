-- Each scope's paging, so that a publish plans only the pages a change touches
-- (src/build/publish/touched.ts) instead of every document of the archive.
-- A scope is a set of articles with its own feeds and archive pages: the site, one tag (and, as
-- more dimensions come, e.g. one language, or a language's tag): its key is the JSON of its
-- document reference without a page, '{}' for the site, '{"tag":"beta"}' for a tag.
CREATE TABLE scopes (
  scope TEXT PRIMARY KEY,
  context TEXT NOT NULL,       -- hash of code version, origin, site and the scope's name it was published under
  entries INTEGER NOT NULL,    -- articles in the scope
  current TEXT NOT NULL,       -- hash of the subscription document's entries (slugs and content hashes)
  pages TEXT NOT NULL          -- JSON array, page 1 (oldest) first: a hash of each archive page's entries
) WITHOUT ROWID;
