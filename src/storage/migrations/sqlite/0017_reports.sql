-- The organiser's texts of a café's report (see src/app/reports.hpp): an introduction to the
-- theme and an account of the meeting, both Markdown. The report is public from published_at
-- on; NULL keeps it a draft only organisers see.
CREATE TABLE event_reports (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    introduction TEXT NOT NULL DEFAULT '',
    account TEXT NOT NULL DEFAULT '',
    published_at INTEGER,
    updated_at INTEGER NOT NULL
);
