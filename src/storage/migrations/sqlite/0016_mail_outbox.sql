-- The outbox: every mail the platform sends, queued in the transaction of what caused it
-- and delivered by a background job with retries. A mail holds a name and an address, so
-- erasing a person or their registration erases their mails, and the retention purge
-- deletes sent and failed mails after a while (src/app/privacy.cpp).
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    werkplaats_id INTEGER NOT NULL REFERENCES werkplaatsen(id),
    registration_id INTEGER REFERENCES registrations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('registration', 'promotion', 'reminder', 'evaluation',
                                       'action_digest', 'invite')),
    recipient_email TEXT NOT NULL,
    recipient_name TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL DEFAULT '',
    -- A job that runs twice gives the same key, and the second mail is not queued.
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    finished_at INTEGER
);
-- The delivery job reads the waiting mails by when they are due.
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at, id);
CREATE INDEX mail_outbox_by_werkplaats ON mail_outbox (werkplaats_id, state, id);
CREATE INDEX mail_outbox_by_recipient ON mail_outbox (werkplaats_id, recipient_email);
CREATE INDEX mail_outbox_by_registration ON mail_outbox (registration_id);

CREATE TABLE mail_attachments (
    id INTEGER PRIMARY KEY,
    mail_id INTEGER NOT NULL REFERENCES mail_outbox(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX mail_attachments_by_mail ON mail_attachments (mail_id, id);
