-- STAND-IN for the lead's "Themes and paging" contract; dropped when that lands on main.
CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('proposed', 'adopted', 'scheduled', 'declined')),
    source TEXT NOT NULL CHECK (source IN ('public_form', 'evaluation', 'organiser')),
    decline_reason TEXT NOT NULL DEFAULT '',
    event_id INTEGER REFERENCES events(id),
    proposed_at INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL
);
CREATE TABLE theme_supports (
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    supporter_key TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (theme_id, supporter_key)
);
ALTER TABLE events ADD COLUMN theme_id INTEGER REFERENCES themes(id);
