// The privacy ports (src/app/privacy_store.hpp) on SQLite: settings, consent records,
// anonymous counts, erasure and the audit log. Schema: migrations/sqlite/0008_privacy.sql.
#include <map>

#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

app::AuditEntry read_audit_row(Statement& row) {
    app::AuditEntry entry;
    entry.id = row.integer(0);
    entry.werkplaats_id = row.integer(1);
    entry.at = row.integer(2);
    entry.actor.kind = app::actor_kind_from_slug(row.text(3)).value_or(app::ActorKind::system);
    entry.actor.account_id = row.optional_integer(4);
    entry.actor.api_token_id = row.optional_integer(5);
    entry.actor.name = row.text(6);
    entry.action = app::audit_action_from_slug(row.text(7));
    entry.event_id = row.optional_integer(8);
    entry.registration_id = row.optional_integer(9);
    entry.detail = row.text(10);
    return entry;
}

}  // namespace

void SqliteQueries::append_anonymous_facts(std::int64_t werkplaats_id,
                                           std::vector<domain::AttendanceFact>& facts) {
    auto statement = db_.prepare(
        "SELECT a.event_id, e.starts_at, a.group_id, a.status, a.attendance, a.walk_in, "
        "a.is_returning, a.people FROM anonymous_attendance a JOIN events e ON e.id = a.event_id "
        "WHERE e.werkplaats_id = ? ORDER BY e.starts_at, a.event_id");
    statement->bind(1, werkplaats_id);
    while (statement->step()) {
        domain::AnonymousCount count;
        auto& fact = count.fact;
        fact.event_id = statement->integer(0);
        fact.event_starts_at = statement->integer(1);
        fact.group_id = statement->integer(2);
        fact.status = domain::registration_status_from_slug(statement->text(3))
                          .value_or(domain::RegistrationStatus::cancelled);
        fact.attendance =
            domain::attendance_from_slug(statement->text(4)).value_or(domain::Attendance::unknown);
        fact.walk_in = statement->integer(5) != 0;
        fact.seen_before = statement->integer(6) != 0;
        count.people = static_cast<int>(statement->integer(7));
        domain::append_anonymous_facts(facts, count);
    }
}

std::optional<app::PrivacySettings> SqliteQueries::privacy_settings(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT retention_months, audit_retention_months, small_number_threshold, "
        "controller_name, contact_email, contact_address, updated_at FROM privacy_settings "
        "WHERE werkplaats_id = ?");
    statement->bind(1, werkplaats_id);
    if (!statement->step()) return std::nullopt;
    app::PrivacySettings settings;
    settings.werkplaats_id = werkplaats_id;
    settings.retention.months = static_cast<int>(statement->integer(0));
    settings.retention.audit_months = static_cast<int>(statement->integer(1));
    settings.small_numbers.threshold = static_cast<int>(statement->integer(2));
    settings.controller_name = statement->text(3);
    settings.contact_email = statement->text(4);
    settings.contact_address = statement->text(5);
    settings.updated_at = statement->integer(6);
    return settings;
}

std::vector<domain::Registration> SqliteQueries::registrations_by_email(
    std::int64_t werkplaats_id, const std::string& email_normalized) {
    auto statement =
        db_.prepare("SELECT " + registration_columns +
                    " FROM registrations WHERE email_normalized = ? AND event_id IN "
                    "(SELECT id FROM events WHERE werkplaats_id = ?) "
                    "ORDER BY (SELECT starts_at FROM events WHERE events.id = event_id), id");
    statement->bind(1, email_normalized).bind(2, werkplaats_id);
    return read_registrations(*statement);
}

std::vector<app::ConsentRecord> SqliteQueries::consent_records(std::int64_t registration_id) {
    auto statement = db_.prepare(
        "SELECT id, registration_id, kind, given, text_version, recorded_at FROM consent_records "
        "WHERE registration_id = ? ORDER BY id");
    statement->bind(1, registration_id);
    std::vector<app::ConsentRecord> records;
    while (statement->step()) {
        records.push_back(
            {statement->integer(0), statement->integer(1),
             app::consent_kind_from_slug(statement->text(2)).value_or(app::ConsentKind::photos),
             statement->integer(3) != 0, statement->text(4), statement->integer(5)});
    }
    return records;
}

std::vector<app::EventWithRegistrations> SqliteQueries::events_with_registrations(
    std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT e.id, e.title, e.starts_at, e.ends_at, COUNT(*) FROM events e "
        "JOIN registrations r ON r.event_id = e.id WHERE e.werkplaats_id = ? "
        "GROUP BY e.id ORDER BY e.ends_at, e.id");
    statement->bind(1, werkplaats_id);
    std::vector<app::EventWithRegistrations> result;
    while (statement->step()) {
        result.push_back({statement->integer(0), statement->text(1), statement->integer(2),
                          statement->integer(3), static_cast<int>(statement->integer(4))});
    }
    return result;
}

std::vector<app::AuditEntry> SqliteQueries::audit_entries(std::int64_t werkplaats_id,
                                                          std::optional<std::int64_t> before_id,
                                                          int limit) {
    auto statement = db_.prepare(
        "SELECT id, werkplaats_id, at, actor_kind, account_id, api_token_id, actor_name, action, "
        "event_id, registration_id, detail FROM audit_log WHERE werkplaats_id = ?1 "
        "AND (?2 IS NULL OR id < ?2) ORDER BY id DESC LIMIT ?3");
    statement->bind(1, werkplaats_id).bind(2, before_id).bind(3, limit);
    std::vector<app::AuditEntry> entries;
    while (statement->step()) entries.push_back(read_audit_row(*statement));
    return entries;
}

int SqliteQueries::count_audit_entries_before(std::int64_t werkplaats_id, time::Timestamp cutoff) {
    auto statement =
        db_.prepare("SELECT COUNT(*) FROM audit_log WHERE werkplaats_id = ? AND at < ?");
    statement->bind(1, werkplaats_id).bind(2, cutoff);
    statement->step();
    return static_cast<int>(statement->integer(0));
}

void SqliteQueries::save_privacy_settings(const app::PrivacySettings& settings) {
    auto statement = db_.prepare(
        "INSERT INTO privacy_settings (werkplaats_id, retention_months, audit_retention_months, "
        "small_number_threshold, controller_name, contact_email, contact_address, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (werkplaats_id) DO UPDATE SET "
        "retention_months = excluded.retention_months, "
        "audit_retention_months = excluded.audit_retention_months, "
        "small_number_threshold = excluded.small_number_threshold, "
        "controller_name = excluded.controller_name, contact_email = excluded.contact_email, "
        "contact_address = excluded.contact_address, updated_at = excluded.updated_at");
    statement->bind(1, settings.werkplaats_id)
        .bind(2, settings.retention.months)
        .bind(3, settings.retention.audit_months)
        .bind(4, settings.small_numbers.threshold)
        .bind(5, settings.controller_name)
        .bind(6, settings.contact_email)
        .bind(7, settings.contact_address)
        .bind(8, settings.updated_at)
        .run();
}

void SqliteQueries::insert_consent_record(const app::ConsentRecord& record) {
    auto statement = db_.prepare(
        "INSERT INTO consent_records (registration_id, kind, given, text_version, recorded_at) "
        "VALUES (?, ?, ?, ?, ?)");
    statement->bind(1, record.registration_id)
        .bind(2, app::to_slug(record.kind))
        .bind(3, record.given)
        .bind(4, record.text_version)
        .bind(5, record.recorded_at)
        .run();
}

void SqliteQueries::update_consent(std::int64_t registration_id, app::ConsentKind kind,
                                   bool given) {
    auto statement = db_.prepare(kind == app::ConsentKind::photos
                                     ? "UPDATE registrations SET consent_photos = ? WHERE id = ?"
                                     : "UPDATE registrations SET consent_contact = ? WHERE id = ?");
    statement->bind(1, given).bind(2, registration_id).run();
}

void SqliteQueries::add_anonymous_counts(const std::vector<domain::AnonymousCount>& counts) {
    for (const auto& count : counts) {
        auto statement = db_.prepare(
            "INSERT INTO anonymous_attendance (event_id, group_id, status, attendance, walk_in, "
            "is_returning, people) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, group_id, "
            "status, attendance, walk_in, is_returning) DO UPDATE SET people = people + "
            "excluded.people");
        statement->bind(1, count.fact.event_id)
            .bind(2, count.fact.group_id)
            .bind(3, domain::to_slug(count.fact.status))
            .bind(4, domain::to_slug(count.fact.attendance))
            .bind(5, count.fact.walk_in)
            .bind(6, count.fact.seen_before)
            .bind(7, count.people)
            .run();
    }
}

void SqliteQueries::mark_seen_before(const std::vector<std::int64_t>& registration_ids) {
    for (const auto id : registration_ids) {
        auto statement = db_.prepare("UPDATE registrations SET seen_before = 1 WHERE id = ?");
        statement->bind(1, id).run();
    }
}

void SqliteQueries::delete_registrations(const std::vector<std::int64_t>& registration_ids) {
    // The events' counters as they are now; deleting rows would lower them through the
    // triggers of migration 0002, but the anonymous counts still hold these people.
    std::map<std::int64_t, app::EventCounts> counters;
    // Overwrite what is deleted with zeros rather than leaving it in free pages of the file.
    db_.execute("PRAGMA secure_delete = ON");
    for (const auto id : registration_ids) {
        auto statement = db_.prepare("SELECT event_id FROM registrations WHERE id = ?");
        statement->bind(1, id);
        if (!statement->step()) continue;
        const auto event_id = statement->integer(0);
        if (counters.count(event_id) == 0) counters[event_id] = counts(event_id);
    }
    for (const auto id : registration_ids) {
        for (const char* sql :
             {"DELETE FROM world_cafe_seats WHERE registration_id = ?1",
              "UPDATE world_cafe_tables SET host_registration_id = NULL WHERE "
              "host_registration_id = ?1",
              "DELETE FROM consent_records WHERE registration_id = ?1",
              "UPDATE audit_log SET registration_id = NULL WHERE registration_id = ?1",
              "DELETE FROM registrations WHERE id = ?1"}) {
            auto statement = db_.prepare(sql);
            statement->bind(1, id).run();
        }
    }
    for (const auto& [event_id, kept] : counters) {
        auto statement = db_.prepare(
            "UPDATE events SET registered_count = ?, waitlisted_count = ?, checked_in_count = ? "
            "WHERE id = ?");
        statement->bind(1, kept.registered)
            .bind(2, kept.waitlisted)
            .bind(3, kept.checked_in)
            .bind(4, event_id)
            .run();
    }
}

void SqliteQueries::insert_audit_entry(const app::AuditEntry& entry) {
    auto statement = db_.prepare(
        "INSERT INTO audit_log (werkplaats_id, at, actor_kind, account_id, api_token_id, "
        "actor_name, action, event_id, registration_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)");
    statement->bind(1, entry.werkplaats_id)
        .bind(2, entry.at)
        .bind(3, app::to_slug(entry.actor.kind))
        .bind(4, entry.actor.account_id)
        .bind(5, entry.actor.api_token_id)
        .bind(6, entry.actor.name)
        .bind(7, app::to_slug(entry.action))
        .bind(8, entry.event_id)
        .bind(9, entry.registration_id)
        .bind(10, entry.detail)
        .run();
}

int SqliteQueries::delete_audit_entries_before(std::int64_t werkplaats_id, time::Timestamp cutoff) {
    auto statement = db_.prepare("DELETE FROM audit_log WHERE werkplaats_id = ? AND at < ?");
    statement->bind(1, werkplaats_id).bind(2, cutoff).run();
    return db_.changes();
}

}  // namespace kc::storage::sqlite
