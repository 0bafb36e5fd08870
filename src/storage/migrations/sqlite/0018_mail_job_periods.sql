-- The latest period each timed mail job has run for ("2026-11-30" for the week's action
-- digest), so a job that was due while the server was down runs once when it is back, and
-- never twice for the same period (see app::MailWrites::claim_mail_period).
CREATE TABLE mail_job_periods (
    job TEXT PRIMARY KEY,
    period TEXT NOT NULL
);
