-- The knowledge library: publications of a Werkplaats, their files, the themes and cafés
-- they belong to, and a Dutch full-text index over them.

-- A deleted publication stays as a tombstone (texts emptied, deleted_at set) so that
-- harvesters (OAI-PMH) learn that it is gone. Authors are kept one per line, in order.
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    title TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('guide', 'research_article', 'advisory_report', 'blog',
                                       'column', 'case_collection', 'report', 'magazine')),
    authors TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    file_media_type TEXT,
    file_size INTEGER,
    file_name TEXT,
    file_sha256 TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
-- Harvesters walk the changes in (updated_at, id) order.
CREATE INDEX publications_by_change ON publications (werkplaats_id, updated_at, id);
CREATE INDEX publications_by_date ON publications (werkplaats_id, published_on, id);

-- The bytes of an uploaded file, apart from the row so that lists never read them.
CREATE TABLE publication_files (
    publication_id INTEGER PRIMARY KEY REFERENCES publications(id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);

CREATE TABLE publication_themes (
    publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    PRIMARY KEY (publication_id, theme_id)
) WITHOUT ROWID;
CREATE INDEX publication_themes_by_theme ON publication_themes (theme_id, publication_id);

CREATE TABLE publication_events (
    publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (publication_id, event_id)
) WITHOUT ROWID;
CREATE INDEX publication_events_by_event ON publication_events (event_id, publication_id);

-- The full-text index over the publications' texts, with the Dutch stemming tokenizer
-- (src/storage/sqlite/dutch_tokenizer.cpp). It holds no copy of the texts; the triggers
-- keep it in step with every write, a tombstone's emptied texts included.
CREATE VIRTUAL TABLE publications_fts USING fts5(
    title, authors, summary, body,
    content = 'publications', content_rowid = 'id', tokenize = 'dutch'
);
CREATE TRIGGER publications_fts_insert AFTER INSERT ON publications BEGIN
    INSERT INTO publications_fts (rowid, title, authors, summary, body)
    VALUES (new.id, new.title, new.authors, new.summary, new.body);
END;
CREATE TRIGGER publications_fts_delete AFTER DELETE ON publications BEGIN
    INSERT INTO publications_fts (publications_fts, rowid, title, authors, summary, body)
    VALUES ('delete', old.id, old.title, old.authors, old.summary, old.body);
END;
CREATE TRIGGER publications_fts_update AFTER UPDATE OF title, authors, summary, body
ON publications BEGIN
    INSERT INTO publications_fts (publications_fts, rowid, title, authors, summary, body)
    VALUES ('delete', old.id, old.title, old.authors, old.summary, old.body);
    INSERT INTO publications_fts (rowid, title, authors, summary, body)
    VALUES (new.id, new.title, new.authors, new.summary, new.body);
END;
