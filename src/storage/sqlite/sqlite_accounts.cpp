// Accounts, memberships, sessions, API tokens, one-time links and event hosts in SQLite.
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

constexpr const char* user_columns = "id, email, name, password_hash";
constexpr const char* token_columns =
    "id, token_hash, user_id, werkplaats_id, role, name, created_at, expires_at, last_used_at, "
    "revoked_at";
constexpr const char* link_columns =
    "token_hash, kind, email, name, werkplaats_id, role, created_by, created_at, expires_at, "
    "used_at";

app::Role role_of(const std::string& slug) {
    // The schema's CHECK allows only the three roles; the least one is the safe reading.
    return app::role_from_slug(slug).value_or(app::Role::host);
}

app::User read_user(Statement& row, int first = 0) {
    return {row.integer(first), row.text(first + 1), row.text(first + 2), row.text(first + 3)};
}

app::Membership read_membership(Statement& row, int first) {
    return {row.integer(first), row.integer(first + 1), role_of(row.text(first + 2)),
            row.integer(first + 3) != 0};
}

app::ApiToken read_token(Statement& row) {
    return {row.integer(0),         row.text(1),          row.integer(2),
            row.integer(3),         role_of(row.text(4)), row.text(5),
            row.integer(6),         row.integer(7),       row.optional_integer(8),
            row.optional_integer(9)};
}

app::AccountLink read_link(Statement& row) {
    return {row.text(0),
            row.text(1) == "reset" ? app::AccountLinkKind::reset : app::AccountLinkKind::invite,
            row.text(2),
            row.text(3),
            row.integer(4),
            role_of(row.text(5)),
            row.optional_integer(6),
            row.integer(7),
            row.integer(8),
            row.optional_integer(9)};
}

}  // namespace

std::optional<app::User> SqliteQueries::user(std::int64_t id) {
    auto statement =
        db_.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_user(*statement);
}

std::optional<app::User> SqliteQueries::user_by_email(const std::string& email) {
    auto statement =
        db_.prepare(std::string("SELECT ") + user_columns + " FROM users WHERE email = ?");
    statement->bind(1, email);
    if (!statement->step()) return std::nullopt;
    return read_user(*statement);
}

std::vector<app::Membership> SqliteQueries::memberships_of(std::int64_t user_id) {
    auto statement = db_.prepare(
        "SELECT m.user_id, m.werkplaats_id, m.role, m.disabled FROM memberships m "
        "JOIN werkplaatsen w ON w.id = m.werkplaats_id WHERE m.user_id = ? ORDER BY w.name");
    statement->bind(1, user_id);
    std::vector<app::Membership> result;
    while (statement->step()) result.push_back(read_membership(*statement, 0));
    return result;
}

std::optional<app::Membership> SqliteQueries::membership(std::int64_t user_id,
                                                         std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT user_id, werkplaats_id, role, disabled FROM memberships "
        "WHERE user_id = ? AND werkplaats_id = ?");
    statement->bind(1, user_id).bind(2, werkplaats_id);
    if (!statement->step()) return std::nullopt;
    return read_membership(*statement, 0);
}

std::vector<app::MemberListing> SqliteQueries::members(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT u.id, u.email, u.name, u.password_hash, "
        "m.user_id, m.werkplaats_id, m.role, m.disabled FROM memberships m "
        "JOIN users u ON u.id = m.user_id WHERE m.werkplaats_id = ? ORDER BY u.name, u.id");
    statement->bind(1, werkplaats_id);
    std::vector<app::MemberListing> result;
    while (statement->step()) {
        result.push_back({read_user(*statement), read_membership(*statement, 4)});
    }
    return result;
}

std::optional<app::SessionRecord> SqliteQueries::session(const std::string& token_hash) {
    auto statement = db_.prepare(
        "SELECT token_hash, user_id, csrf_token, werkplaats_id, created_at, expires_at "
        "FROM sessions WHERE token_hash = ?");
    statement->bind(1, token_hash);
    if (!statement->step()) return std::nullopt;
    return app::SessionRecord{statement->text(0),    statement->integer(1),
                              statement->text(2),    statement->optional_integer(3),
                              statement->integer(4), statement->integer(5)};
}

std::optional<app::ApiToken> SqliteQueries::api_token(const std::string& token_hash) {
    auto statement = db_.prepare(std::string("SELECT ") + token_columns +
                                 " FROM api_tokens WHERE token_hash = ?");
    statement->bind(1, token_hash);
    if (!statement->step()) return std::nullopt;
    return read_token(*statement);
}

std::vector<app::ApiToken> SqliteQueries::api_tokens(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(std::string("SELECT ") + token_columns +
                                 " FROM api_tokens WHERE werkplaats_id = ? ORDER BY id DESC");
    statement->bind(1, werkplaats_id);
    std::vector<app::ApiToken> result;
    while (statement->step()) result.push_back(read_token(*statement));
    return result;
}

std::optional<app::AccountLink> SqliteQueries::account_link(const std::string& token_hash) {
    auto statement = db_.prepare(std::string("SELECT ") + link_columns +
                                 " FROM account_links WHERE token_hash = ?");
    statement->bind(1, token_hash);
    if (!statement->step()) return std::nullopt;
    return read_link(*statement);
}

std::vector<app::AccountLink> SqliteQueries::open_account_links(std::int64_t werkplaats_id,
                                                                time::Timestamp now) {
    auto statement = db_.prepare(std::string("SELECT ") + link_columns +
                                 " FROM account_links WHERE werkplaats_id = ? AND used_at IS NULL"
                                 " AND expires_at > ? ORDER BY created_at DESC");
    statement->bind(1, werkplaats_id).bind(2, now);
    std::vector<app::AccountLink> result;
    while (statement->step()) result.push_back(read_link(*statement));
    return result;
}

std::vector<std::int64_t> SqliteQueries::event_hosts(std::int64_t event_id) {
    auto statement =
        db_.prepare("SELECT user_id FROM event_hosts WHERE event_id = ? ORDER BY user_id");
    statement->bind(1, event_id);
    std::vector<std::int64_t> result;
    while (statement->step()) result.push_back(statement->integer(0));
    return result;
}

bool SqliteQueries::is_event_host(std::int64_t event_id, std::int64_t user_id) {
    auto statement = db_.prepare("SELECT 1 FROM event_hosts WHERE event_id = ? AND user_id = ?");
    statement->bind(1, event_id).bind(2, user_id);
    return statement->step();
}

std::int64_t SqliteQueries::insert_user(const app::User& user) {
    auto statement = db_.prepare("INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?)");
    statement->bind(1, user.email).bind(2, user.name).bind(3, user.password_hash).run();
    return db_.last_insert_id();
}

void SqliteQueries::update_user_password(std::int64_t user_id, const std::string& password_hash) {
    auto statement = db_.prepare("UPDATE users SET password_hash = ? WHERE id = ?");
    statement->bind(1, password_hash).bind(2, user_id).run();
}

void SqliteQueries::delete_sessions_of(std::int64_t user_id) {
    auto statement = db_.prepare("DELETE FROM sessions WHERE user_id = ?");
    statement->bind(1, user_id).run();
}

void SqliteQueries::upsert_membership(const app::Membership& membership) {
    auto statement = db_.prepare(
        "INSERT INTO memberships (user_id, werkplaats_id, role, disabled) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (user_id, werkplaats_id) DO UPDATE SET role = excluded.role, "
        "disabled = excluded.disabled");
    statement->bind(1, membership.user_id)
        .bind(2, membership.werkplaats_id)
        .bind(3, app::to_slug(membership.role))
        .bind(4, membership.disabled)
        .run();
}

void SqliteQueries::insert_session(const app::SessionRecord& session) {
    auto statement = db_.prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, werkplaats_id, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?)");
    statement->bind(1, session.token_hash)
        .bind(2, session.user_id)
        .bind(3, session.csrf_token)
        .bind(4, session.werkplaats_id)
        .bind(5, session.created_at)
        .bind(6, session.expires_at)
        .run();
}

void SqliteQueries::set_session_werkplaats(const std::string& token_hash,
                                           std::int64_t werkplaats_id) {
    auto statement = db_.prepare("UPDATE sessions SET werkplaats_id = ? WHERE token_hash = ?");
    statement->bind(1, werkplaats_id).bind(2, token_hash).run();
}

void SqliteQueries::delete_session(const std::string& token_hash) {
    auto statement = db_.prepare("DELETE FROM sessions WHERE token_hash = ?");
    statement->bind(1, token_hash).run();
}

void SqliteQueries::delete_expired_sessions(time::Timestamp now) {
    auto statement = db_.prepare("DELETE FROM sessions WHERE expires_at <= ?");
    statement->bind(1, now).run();
}

std::int64_t SqliteQueries::insert_api_token(const app::ApiToken& token) {
    auto statement = db_.prepare(
        "INSERT INTO api_tokens (token_hash, user_id, werkplaats_id, role, name, created_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, token.token_hash)
        .bind(2, token.user_id)
        .bind(3, token.werkplaats_id)
        .bind(4, app::to_slug(token.role))
        .bind(5, token.name)
        .bind(6, token.created_at)
        .bind(7, token.expires_at)
        .run();
    return db_.last_insert_id();
}

void SqliteQueries::revoke_api_token(std::int64_t token_id, time::Timestamp now) {
    auto statement =
        db_.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    statement->bind(1, now).bind(2, token_id).run();
}

void SqliteQueries::touch_api_token(std::int64_t token_id, time::Timestamp now) {
    auto statement = db_.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
    statement->bind(1, now).bind(2, token_id).run();
}

void SqliteQueries::insert_account_link(const app::AccountLink& link) {
    auto statement = db_.prepare(
        "INSERT INTO account_links (token_hash, kind, email, name, werkplaats_id, role, "
        "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, link.token_hash)
        .bind(2, link.kind == app::AccountLinkKind::reset ? "reset" : "invite")
        .bind(3, link.email)
        .bind(4, link.name)
        .bind(5, link.werkplaats_id)
        .bind(6, app::to_slug(link.role))
        .bind(7, link.created_by)
        .bind(8, link.created_at)
        .bind(9, link.expires_at)
        .run();
}

void SqliteQueries::mark_account_link_used(const std::string& token_hash, time::Timestamp now) {
    auto statement = db_.prepare(
        "UPDATE account_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL");
    statement->bind(1, now).bind(2, token_hash).run();
}

void SqliteQueries::set_event_hosts(std::int64_t event_id,
                                    const std::vector<std::int64_t>& user_ids) {
    auto remove = db_.prepare("DELETE FROM event_hosts WHERE event_id = ?");
    remove->bind(1, event_id).run();
    for (const auto user_id : user_ids) {
        auto insert =
            db_.prepare("INSERT OR IGNORE INTO event_hosts (event_id, user_id) VALUES (?, ?)");
        insert->bind(1, event_id).bind(2, user_id).run();
    }
}

}  // namespace kc::storage::sqlite
