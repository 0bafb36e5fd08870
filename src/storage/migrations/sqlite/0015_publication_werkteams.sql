-- A publication can come from a werkteam (a guide it wrote, a report of its mirror
-- meetings), as it can belong to themes and cafés: one link row per pair, like those.
CREATE TABLE publication_werkteams (
    publication_id INTEGER NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    werkteam_id INTEGER NOT NULL REFERENCES werkteams(id) ON DELETE CASCADE,
    PRIMARY KEY (publication_id, werkteam_id)
) WITHOUT ROWID;
CREATE INDEX publication_werkteams_by_werkteam ON publication_werkteams (werkteam_id, publication_id);
