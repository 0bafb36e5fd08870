// The outbox port (src/app/mail_store.hpp) on SQLite. Schema:
// migrations/sqlite/0016_mail_outbox.sql.
#include "app/mail.hpp"
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

const std::string mail_columns =
    "id, werkplaats_id, registration_id, kind, recipient_email, recipient_name, subject, "
    "body_text, body_html, idempotency_key, state, attempts, next_attempt_at, last_error, "
    "created_at, sent_at, finished_at";

app::OutboxMail read_mail(Statement& row) {
    app::OutboxMail mail;
    mail.id = row.integer(0);
    mail.mail.werkplaats_id = row.integer(1);
    mail.mail.registration_id = row.optional_integer(2);
    mail.mail.kind = app::mail_kind_from_slug(row.text(3)).value_or(app::MailKind::registration);
    mail.mail.recipient_email = row.text(4);
    mail.mail.recipient_name = row.text(5);
    mail.mail.subject = row.text(6);
    mail.mail.text = row.text(7);
    mail.mail.html = row.text(8);
    mail.mail.idempotency_key = row.text(9);
    mail.state = app::mail_state_from_slug(row.text(10)).value_or(app::MailState::waiting);
    mail.attempts = static_cast<int>(row.integer(11));
    mail.next_attempt_at = row.integer(12);
    mail.last_error = row.text(13);
    mail.created_at = row.integer(14);
    mail.sent_at = row.optional_integer(15);
    mail.finished_at = row.optional_integer(16);
    return mail;
}

std::vector<app::MailAttachment> read_attachments(Connection& db, std::int64_t mail_id) {
    auto statement = db.prepare(
        "SELECT filename, content_type, content FROM mail_attachments WHERE mail_id = ? "
        "ORDER BY id");
    statement->bind(1, mail_id);
    std::vector<app::MailAttachment> attachments;
    while (statement->step()) {
        attachments.push_back({statement->text(0), statement->text(1), statement->blob(2)});
    }
    return attachments;
}

// Reads the rows of a statement over `mail_columns`, each with its attachments.
std::vector<app::OutboxMail> read_mails(Connection& db, Statement& statement) {
    std::vector<app::OutboxMail> mails;
    while (statement.step()) mails.push_back(read_mail(statement));
    for (auto& mail : mails) mail.mail.attachments = read_attachments(db, mail.id);
    return mails;
}

}  // namespace

std::optional<app::OutboxMail> SqliteQueries::outbox_mail(std::int64_t id) {
    auto statement = db_.prepare("SELECT " + mail_columns + " FROM mail_outbox WHERE id = ?");
    statement->bind(1, id);
    auto mails = read_mails(db_, *statement);
    if (mails.empty()) return std::nullopt;
    return std::move(mails.front());
}

std::vector<app::OutboxMail> SqliteQueries::waiting_mails(std::optional<time::Timestamp> due_at,
                                                          std::size_t limit) {
    auto statement = db_.prepare(
        "SELECT " + mail_columns +
        " FROM mail_outbox WHERE state = 'waiting' AND (?1 IS NULL OR next_attempt_at <= ?1) "
        "ORDER BY next_attempt_at, id LIMIT ?2");
    statement->bind(1, due_at).bind(2, static_cast<std::int64_t>(limit));
    return read_mails(db_, *statement);
}

app::Page<app::OutboxMail> SqliteQueries::outbox_page(std::int64_t werkplaats_id,
                                                      app::MailState state,
                                                      const app::PageRequest& page) {
    app::Page<app::OutboxMail> result;
    result.request = page;
    {
        auto statement =
            db_.prepare("SELECT count(*) FROM mail_outbox WHERE werkplaats_id = ? AND state = ?");
        statement->bind(1, werkplaats_id).bind(2, app::to_slug(state));
        statement->step();
        result.total = static_cast<std::size_t>(statement->integer(0));
    }
    auto statement = db_.prepare("SELECT " + mail_columns +
                                 " FROM mail_outbox WHERE werkplaats_id = ? AND state = ? "
                                 "ORDER BY id DESC LIMIT ? OFFSET ?");
    statement->bind(1, werkplaats_id)
        .bind(2, app::to_slug(state))
        .bind(3, static_cast<std::int64_t>(page.size))
        .bind(4, static_cast<std::int64_t>(page.offset()));
    result.items = read_mails(db_, *statement);
    return result;
}

app::MailCounts SqliteQueries::mail_counts(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT state, count(*) FROM mail_outbox WHERE werkplaats_id = ? GROUP BY state");
    statement->bind(1, werkplaats_id);
    app::MailCounts counts;
    while (statement->step()) {
        const auto state = app::mail_state_from_slug(statement->text(0));
        const int count = static_cast<int>(statement->integer(1));
        if (state == app::MailState::waiting) counts.waiting = count;
        if (state == app::MailState::sent) counts.sent = count;
        if (state == app::MailState::failed) counts.failed = count;
    }
    return counts;
}

std::optional<std::int64_t> SqliteQueries::insert_mail(const app::OutgoingMail& mail,
                                                       time::Timestamp now) {
    auto statement = db_.prepare(
        "INSERT INTO mail_outbox (werkplaats_id, registration_id, kind, recipient_email, "
        "recipient_name, subject, body_text, body_html, idempotency_key, state, attempts, "
        "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', 0, ?, ?) "
        "ON CONFLICT (idempotency_key) DO NOTHING");
    statement->bind(1, mail.werkplaats_id)
        .bind(2, mail.registration_id)
        .bind(3, app::to_slug(mail.kind))
        .bind(4, mail.recipient_email)
        .bind(5, mail.recipient_name)
        .bind(6, mail.subject)
        .bind(7, mail.text)
        .bind(8, mail.html)
        .bind(9, mail.idempotency_key)
        .bind(10, now)
        .bind(11, now);
    statement->run();
    if (db_.changes() == 0) return std::nullopt;
    const std::int64_t id = db_.last_insert_id();
    for (const auto& attachment : mail.attachments) {
        auto insert = db_.prepare(
            "INSERT INTO mail_attachments (mail_id, filename, content_type, content) "
            "VALUES (?, ?, ?, ?)");
        insert->bind(1, id).bind(2, attachment.filename).bind(3, attachment.content_type);
        insert->bind_blob(4, attachment.content);
        insert->run();
    }
    return id;
}

void SqliteQueries::update_mail_delivery(const app::OutboxMail& mail) {
    auto statement = db_.prepare(
        "UPDATE mail_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
        "sent_at = ?, finished_at = ? WHERE id = ?");
    statement->bind(1, app::to_slug(mail.state))
        .bind(2, mail.attempts)
        .bind(3, mail.next_attempt_at)
        .bind(4, mail.last_error)
        .bind(5, mail.sent_at)
        .bind(6, mail.finished_at)
        .bind(7, mail.id);
    statement->run();
}

int SqliteQueries::delete_mails_to(std::int64_t werkplaats_id, const std::string& email) {
    auto statement =
        db_.prepare("DELETE FROM mail_outbox WHERE werkplaats_id = ? AND recipient_email = ?");
    statement->bind(1, werkplaats_id).bind(2, email);
    statement->run();
    return db_.changes();
}

int SqliteQueries::delete_mails_finished_before(std::int64_t werkplaats_id,
                                                time::Timestamp cutoff) {
    auto statement = db_.prepare(
        "DELETE FROM mail_outbox WHERE werkplaats_id = ? AND state IN ('sent', 'failed') AND "
        "finished_at < ?");
    statement->bind(1, werkplaats_id).bind(2, cutoff);
    statement->run();
    return db_.changes();
}

bool SqliteQueries::claim_mail_period(const std::string& job, const std::string& period) {
    // The upsert changes nothing when the stored period is this one or later.
    auto statement = db_.prepare(
        "INSERT INTO mail_job_periods (job, period) VALUES (?, ?) ON CONFLICT (job) DO UPDATE "
        "SET period = excluded.period WHERE excluded.period > mail_job_periods.period");
    statement->bind(1, job).bind(2, period);
    statement->run();
    return db_.changes() == 1;
}

}  // namespace kc::storage::sqlite
