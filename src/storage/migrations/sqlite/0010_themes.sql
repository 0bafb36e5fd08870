-- The theme agenda: themes and places proposed by anyone, supported by others, and moved by
-- the organisers from proposed to adopted to scheduled (a café takes it up) or declined.
-- A theme is what later cafés, werkteams, publications and actions hang together by.

CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- A place where the proposer would like a café ("in IJsselmonde"); may be empty.
    place TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'adopted', 'scheduled', 'declined')),
    source TEXT NOT NULL DEFAULT 'public_form'
        CHECK (source IN ('public_form', 'evaluation', 'organiser')),
    -- Shown to the public when the status is declined.
    decline_reason TEXT NOT NULL DEFAULT '',
    -- The café that takes the theme up, once scheduled.
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    proposed_at INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL,
    -- Kept in step with theme_supports, so that lists sort by support without counting.
    supporters INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX themes_by_status ON themes (werkplaats_id, status, supporters DESC, id DESC);

-- One support per person: the key is a random value in the supporter's browser, so no account
-- and no personal data are needed.
CREATE TABLE theme_supports (
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    supporter_key TEXT NOT NULL,
    supported_at INTEGER NOT NULL,
    PRIMARY KEY (theme_id, supporter_key)
);

-- The theme a café belongs to, set when a theme is scheduled for it.
ALTER TABLE events ADD COLUMN theme_id INTEGER REFERENCES themes(id) ON DELETE SET NULL;
CREATE INDEX events_by_theme ON events (theme_id) WHERE theme_id IS NOT NULL;
