// The werkteam ports (src/app/werkteam_store.hpp) on SQLite. Schema:
// migrations/sqlite/0014_werkteams.sql.
#include <type_traits>

#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

const std::string werkteam_columns =
    "id, werkplaats_id, name, theme_id, description, started_on, ended_on";

domain::Werkteam read_werkteam(Statement& row) {
    domain::Werkteam werkteam;
    werkteam.id = row.integer(0);
    werkteam.werkplaats_id = row.integer(1);
    werkteam.name = row.text(2);
    werkteam.theme_id = row.optional_integer(3);
    werkteam.description = row.text(4);
    werkteam.started_on = row.text(5);
    werkteam.ended_on = row.optional_text(6);
    return werkteam;
}

std::optional<std::int64_t> id_or_null(std::int64_t id) {
    return id == 0 ? std::nullopt : std::optional(id);
}

// Binds LIMIT and OFFSET of a page at `first` and `first + 1`.
void bind_page(Statement& statement, int first, const app::PageRequest& page) {
    statement.bind(first, static_cast<std::int64_t>(page.size))
        .bind(first + 1, static_cast<std::int64_t>(page.offset()));
}

const std::string member_columns =
    "m.id, m.werkteam_id, m.name, m.group_id, m.organisation, m.role, m.email, m.name_public";

domain::WerkteamMember read_member(Statement& row) {
    domain::WerkteamMember member;
    member.id = row.integer(0);
    member.werkteam_id = row.integer(1);
    member.name = row.text(2);
    member.group_id = row.optional_integer(3).value_or(0);
    member.organisation = row.text(4);
    member.role = domain::member_role_from_slug(row.text(5)).value_or(domain::MemberRole::member);
    member.email = row.optional_text(6).value_or("");
    member.name_public = row.integer(7) != 0;
    return member;
}

domain::WerkteamMeeting read_meeting(Statement& row) {
    domain::WerkteamMeeting meeting;
    meeting.id = row.integer(0);
    meeting.werkteam_id = row.integer(1);
    meeting.format =
        domain::event_type_from_slug(row.text(2)).value_or(domain::EventType::werkteam_meeting);
    meeting.held_on = row.text(3);
    meeting.place = row.text(4);
    meeting.summary = row.text(5);
    return meeting;
}

domain::WerkteamProduct read_product(Statement& row) {
    domain::WerkteamProduct product;
    product.id = row.integer(0);
    product.werkteam_id = row.integer(1);
    product.title = row.text(2);
    product.kind = domain::product_kind_from_slug(row.text(3)).value_or(domain::ProductKind::other);
    product.link = row.text(4);
    product.published_on = row.text(5);
    return product;
}

// One page of a team's rows of `table`, latest first by `date_column`, with the total.
template <typename Read>
auto page_of_team(Connection& db, const std::string& columns, const std::string& table,
                  const std::string& date_column, std::int64_t werkteam_id,
                  const app::PageRequest& page, Read read) {
    app::Page<std::invoke_result_t<Read, Statement&>> result;
    result.request = page;
    {
        auto statement = db.prepare("SELECT count(*) FROM " + table + " WHERE werkteam_id = ?");
        statement->bind(1, werkteam_id);
        statement->step();
        result.total = static_cast<std::size_t>(statement->integer(0));
    }
    auto statement =
        db.prepare("SELECT " + columns + " FROM " + table + " WHERE werkteam_id = ? ORDER BY " +
                   date_column + " DESC, id DESC LIMIT ? OFFSET ?");
    statement->bind(1, werkteam_id);
    bind_page(*statement, 2, page);
    while (statement->step()) result.items.push_back(read(*statement));
    return result;
}

// Deletes a row of `table` only when it belongs to the team; whether it did.
bool delete_of_team(Connection& db, const std::string& table, std::int64_t werkteam_id,
                    std::int64_t id) {
    auto statement = db.prepare("DELETE FROM " + table + " WHERE id = ? AND werkteam_id = ?");
    statement->bind(1, id).bind(2, werkteam_id);
    statement->run();
    return db.changes() > 0;
}

}  // namespace

std::optional<domain::Werkteam> SqliteQueries::werkteam(std::int64_t id) {
    auto statement = db_.prepare("SELECT " + werkteam_columns + " FROM werkteams WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_werkteam(*statement);
}

app::Page<domain::Werkteam> SqliteQueries::werkteams(const app::WerkteamFilter& filter,
                                                     const app::PageRequest& page) {
    const std::string where =
        " FROM werkteams WHERE werkplaats_id = ?1 AND (?2 IS NULL OR "
        "theme_id = ?2)";
    app::Page<domain::Werkteam> result;
    result.request = page;
    {
        auto statement = db_.prepare("SELECT count(*)" + where);
        statement->bind(1, filter.werkplaats_id).bind(2, filter.theme_id);
        statement->step();
        result.total = static_cast<std::size_t>(statement->integer(0));
    }
    auto statement =
        db_.prepare("SELECT " + werkteam_columns + where +
                    " ORDER BY ended_on IS NOT NULL, started_on DESC, id DESC LIMIT ?3 OFFSET ?4");
    statement->bind(1, filter.werkplaats_id).bind(2, filter.theme_id);
    bind_page(*statement, 3, page);
    while (statement->step()) result.items.push_back(read_werkteam(*statement));
    return result;
}

std::vector<domain::WerkteamMember> SqliteQueries::werkteam_members(std::int64_t werkteam_id) {
    auto statement = db_.prepare("SELECT " + member_columns +
                                 " FROM werkteam_members m WHERE m.werkteam_id = ? "
                                 "ORDER BY m.role = 'lid', m.name, m.id");
    statement->bind(1, werkteam_id);
    std::vector<domain::WerkteamMember> members;
    while (statement->step()) members.push_back(read_member(*statement));
    return members;
}

std::vector<app::WerkteamMembership> SqliteQueries::werkteam_memberships_by_email(
    std::int64_t werkplaats_id, const std::string& email) {
    // Addresses are stored as typed; normalised ones are lower case, so lower() finds them
    // whatever case the organiser typed.
    auto statement = db_.prepare("SELECT " + member_columns +
                                 ", w.name FROM werkteam_members m JOIN werkteams w ON "
                                 "w.id = m.werkteam_id WHERE w.werkplaats_id = ? AND "
                                 "lower(trim(m.email)) = ? ORDER BY w.started_on, m.id");
    statement->bind(1, werkplaats_id).bind(2, email);
    std::vector<app::WerkteamMembership> memberships;
    while (statement->step()) {
        memberships.push_back({read_member(*statement), statement->text(8)});
    }
    return memberships;
}

app::Page<domain::WerkteamMeeting> SqliteQueries::werkteam_meetings(std::int64_t werkteam_id,
                                                                    const app::PageRequest& page) {
    auto result = page_of_team(db_, "id, werkteam_id, format, held_on, place, summary",
                               "werkteam_meetings", "held_on", werkteam_id, page, read_meeting);
    auto statement = db_.prepare(
        "SELECT a.group_id, a.count FROM werkteam_meeting_attendance a JOIN stakeholder_groups g "
        "ON g.id = a.group_id WHERE a.meeting_id = ? ORDER BY g.position, g.id");
    for (auto& meeting : result.items) {
        statement->bind(1, meeting.id);
        while (statement->step()) {
            meeting.attendance.push_back(
                {statement->integer(0), static_cast<int>(statement->integer(1))});
        }
        statement->reset();
    }
    return result;
}

app::Page<domain::WerkteamProduct> SqliteQueries::werkteam_products(std::int64_t werkteam_id,
                                                                    const app::PageRequest& page) {
    return page_of_team(db_, "id, werkteam_id, title, kind, link, published_on",
                        "werkteam_products", "published_on", werkteam_id, page, read_product);
}

app::Page<domain::Event> SqliteQueries::werkteam_events(std::int64_t werkteam_id,
                                                        bool published_only,
                                                        const app::PageRequest& page) {
    const std::string where =
        " FROM events WHERE werkteam_id = ?1 AND (?2 = 0 OR status <> 'draft')";
    app::Page<domain::Event> result;
    result.request = page;
    {
        auto statement = db_.prepare("SELECT count(*)" + where);
        statement->bind(1, werkteam_id).bind(2, published_only);
        statement->step();
        result.total = static_cast<std::size_t>(statement->integer(0));
    }
    std::vector<std::int64_t> ids;
    {
        auto statement = db_.prepare("SELECT id" + where +
                                     " ORDER BY starts_at DESC, id DESC LIMIT ?3 OFFSET ?4");
        statement->bind(1, werkteam_id).bind(2, published_only);
        bind_page(*statement, 3, page);
        while (statement->step()) ids.push_back(statement->integer(0));
    }
    // A page holds a few events; reading each whole keeps one reader of an event's rows.
    for (const auto id : ids) {
        if (auto event = this->event(id)) result.items.push_back(std::move(*event));
    }
    return result;
}

std::optional<std::int64_t> SqliteQueries::event_werkteam(std::int64_t event_id) {
    auto statement = db_.prepare("SELECT werkteam_id FROM events WHERE id = ?");
    statement->bind(1, event_id);
    if (!statement->step()) return std::nullopt;
    return statement->optional_integer(0);
}

std::int64_t SqliteQueries::insert_werkteam(const domain::Werkteam& werkteam, time::Timestamp now) {
    auto statement = db_.prepare(
        "INSERT INTO werkteams (werkplaats_id, name, theme_id, description, started_on, "
        "ended_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, werkteam.werkplaats_id)
        .bind(2, werkteam.name)
        .bind(3, werkteam.theme_id)
        .bind(4, werkteam.description)
        .bind(5, werkteam.started_on)
        .bind(6, werkteam.ended_on)
        .bind(7, now)
        .bind(8, now);
    statement->run();
    return db_.last_insert_id();
}

void SqliteQueries::update_werkteam(const domain::Werkteam& werkteam, time::Timestamp now) {
    auto statement = db_.prepare(
        "UPDATE werkteams SET name = ?, theme_id = ?, description = ?, started_on = ?, "
        "ended_on = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, werkteam.name)
        .bind(2, werkteam.theme_id)
        .bind(3, werkteam.description)
        .bind(4, werkteam.started_on)
        .bind(5, werkteam.ended_on)
        .bind(6, now)
        .bind(7, werkteam.id);
    statement->run();
}

std::int64_t SqliteQueries::insert_werkteam_member(const domain::WerkteamMember& member) {
    auto statement = db_.prepare(
        "INSERT INTO werkteam_members (werkteam_id, name, group_id, organisation, role, email, "
        "name_public) VALUES (?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, member.werkteam_id)
        .bind(2, member.name)
        .bind(3, id_or_null(member.group_id))
        .bind(4, member.organisation)
        .bind(5, domain::to_slug(member.role))
        .bind(6, member.email.empty() ? std::nullopt : std::optional(member.email))
        .bind(7, member.name_public);
    statement->run();
    return db_.last_insert_id();
}

bool SqliteQueries::delete_werkteam_member(std::int64_t werkteam_id, std::int64_t member_id) {
    return delete_of_team(db_, "werkteam_members", werkteam_id, member_id);
}

std::int64_t SqliteQueries::insert_werkteam_meeting(const domain::WerkteamMeeting& meeting) {
    {
        auto statement = db_.prepare(
            "INSERT INTO werkteam_meetings (werkteam_id, format, held_on, place, summary) "
            "VALUES (?, ?, ?, ?, ?)");
        statement->bind(1, meeting.werkteam_id)
            .bind(2, domain::to_slug(meeting.format))
            .bind(3, meeting.held_on)
            .bind(4, meeting.place)
            .bind(5, meeting.summary);
        statement->run();
    }
    const std::int64_t id = db_.last_insert_id();
    auto statement = db_.prepare(
        "INSERT INTO werkteam_meeting_attendance (meeting_id, group_id, count) VALUES (?, ?, ?)");
    for (const auto& counted : meeting.attendance) {
        statement->bind(1, id).bind(2, counted.group_id).bind(3, counted.count);
        statement->run();
        statement->reset();
    }
    return id;
}

bool SqliteQueries::delete_werkteam_meeting(std::int64_t werkteam_id, std::int64_t meeting_id) {
    return delete_of_team(db_, "werkteam_meetings", werkteam_id, meeting_id);
}

std::int64_t SqliteQueries::insert_werkteam_product(const domain::WerkteamProduct& product) {
    auto statement = db_.prepare(
        "INSERT INTO werkteam_products (werkteam_id, title, kind, link, published_on) "
        "VALUES (?, ?, ?, ?, ?)");
    statement->bind(1, product.werkteam_id)
        .bind(2, product.title)
        .bind(3, domain::to_slug(product.kind))
        .bind(4, product.link)
        .bind(5, product.published_on);
    statement->run();
    return db_.last_insert_id();
}

bool SqliteQueries::delete_werkteam_product(std::int64_t werkteam_id, std::int64_t product_id) {
    return delete_of_team(db_, "werkteam_products", werkteam_id, product_id);
}

void SqliteQueries::set_event_werkteam(std::int64_t event_id,
                                       std::optional<std::int64_t> werkteam_id) {
    auto statement = db_.prepare("UPDATE events SET werkteam_id = ? WHERE id = ?");
    statement->bind(1, werkteam_id).bind(2, event_id);
    statement->run();
}

int SqliteQueries::erase_werkteam_member_emails(std::int64_t werkplaats_id,
                                                const std::string& ended_before) {
    auto statement = db_.prepare(
        "UPDATE werkteam_members SET email = NULL WHERE email IS NOT NULL AND werkteam_id IN "
        "(SELECT id FROM werkteams WHERE werkplaats_id = ? AND ended_on < ?)");
    statement->bind(1, werkplaats_id).bind(2, ended_before);
    statement->run();
    return db_.changes();
}

}  // namespace kc::storage::sqlite
