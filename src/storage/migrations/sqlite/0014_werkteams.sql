-- Werkteams: long-running teams of residents, practitioners, municipalities, students and
-- researchers on one theme, with their members, their meetings over time (in the learning
-- formats of events.type) and what they made. A café can belong to a werkteam.

CREATE TABLE werkteams (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    name TEXT NOT NULL,
    theme_id INTEGER REFERENCES themes(id),
    description TEXT NOT NULL DEFAULT '',
    -- Calendar dates as 'YYYY-MM-DD'; a team without an end date is still at work.
    started_on TEXT NOT NULL,
    ended_on TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX werkteams_by_werkplaats ON werkteams (werkplaats_id, started_on);

CREATE TABLE werkteam_members (
    id INTEGER PRIMARY KEY,
    werkteam_id INTEGER NOT NULL REFERENCES werkteams(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    group_id INTEGER REFERENCES stakeholder_groups(id),
    organisation TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('trekker', 'lid')),
    -- Personal data: only for the team's own contact; never on a public page, erased by
    -- the retention purge once the team has ended (see docs/decisions/0009).
    email TEXT,
    -- The member agreed that her name is shown on the public page.
    name_public INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX werkteam_members_by_team ON werkteam_members (werkteam_id);

CREATE TABLE werkteam_meetings (
    id INTEGER PRIMARY KEY,
    werkteam_id INTEGER NOT NULL REFERENCES werkteams(id) ON DELETE CASCADE,
    -- One of the learning formats of events.type (src/domain/event.cpp).
    format TEXT NOT NULL,
    held_on TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX werkteam_meetings_by_team ON werkteam_meetings (werkteam_id, held_on);

-- How many people of each stakeholder group came to a meeting, when counted.
CREATE TABLE werkteam_meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES werkteam_meetings(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES stakeholder_groups(id),
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (meeting_id, group_id)
);

CREATE TABLE werkteam_products (
    id INTEGER PRIMARY KEY,
    werkteam_id INTEGER NOT NULL REFERENCES werkteams(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    published_on TEXT NOT NULL
);
CREATE INDEX werkteam_products_by_team ON werkteam_products (werkteam_id, published_on);

ALTER TABLE events ADD COLUMN werkteam_id INTEGER REFERENCES werkteams(id);
CREATE INDEX events_by_werkteam ON events (werkteam_id, starts_at);
