#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

// Rows of (round, registration_id, table_id).
std::vector<domain::Seat> read_seats(Statement& statement) {
    std::vector<domain::Seat> seats;
    while (statement.step()) {
        seats.push_back(
            {static_cast<int>(statement.integer(0)), statement.integer(1), statement.integer(2)});
    }
    return seats;
}

std::string goal_order_text(const std::vector<domain::CafeGoal>& goals) {
    std::string text;
    for (const auto goal : goals) {
        if (!text.empty()) text += ',';
        text += domain::to_slug(goal);
    }
    return text;
}

// The stored order, or the default one when it is empty or not a full order of known goals
// (a database written by a later version, say).
std::vector<domain::CafeGoal> goal_order_from(const std::string& text) {
    std::vector<domain::CafeGoal> goals;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const auto goal =
            domain::cafe_goal_from_slug(std::string_view(text).substr(start, comma - start));
        if (!goal) return domain::default_goal_order();
        goals.push_back(*goal);
        start = comma + 1;
    }
    return domain::is_complete_goal_order(goals) ? goals : domain::default_goal_order();
}

const std::string event_columns =
    "id, werkplaats_id, title, theme, event_type, description, starts_at, ends_at, "
    "location_name, location_address, accessibility, capacity, status, created_at, updated_at, "
    "theme_id";

domain::Registration read_registration_row(Statement& row) {
    domain::Registration r;
    r.id = row.integer(0);
    r.event_id = row.integer(1);
    r.form.name = row.text(2);
    r.form.email = row.text(3);
    r.email_normalized = row.optional_text(4);
    r.form.group_id = row.integer(5);
    r.form.organisation = row.text(6);
    r.form.dietary = row.text(7);
    r.form.accessibility = row.text(8);
    r.form.consent_photos = row.integer(9) != 0;
    r.form.consent_contact = row.integer(10) != 0;
    r.status = domain::registration_status_from_slug(row.text(11))
                   .value_or(domain::RegistrationStatus::cancelled);
    r.attendance = domain::attendance_from_slug(row.text(12)).value_or(domain::Attendance::unknown);
    r.walk_in = row.integer(13) != 0;
    r.cancel_token = row.text(14);
    r.created_at = row.integer(15);
    r.checked_in_at = row.optional_integer(16);
    r.stays_seated = row.integer(17) != 0;
    return r;
}

}  // namespace

const std::string registration_columns =
    "id, event_id, name, email, email_normalized, group_id, organisation, dietary, accessibility, "
    "consent_photos, consent_contact, status, attendance, walk_in, cancel_token, created_at, "
    "checked_in_at, stays_seated";

std::vector<app::Werkplaats> SqliteQueries::werkplaatsen() {
    auto statement = db_.prepare("SELECT id, slug, name, host_name FROM werkplaatsen ORDER BY id");
    std::vector<app::Werkplaats> result;
    while (statement->step()) {
        result.push_back(
            {statement->integer(0), statement->text(1), statement->text(2), statement->text(3)});
    }
    return result;
}

std::optional<app::Werkplaats> SqliteQueries::werkplaats(std::int64_t id) {
    auto statement = db_.prepare("SELECT id, slug, name, host_name FROM werkplaatsen WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return app::Werkplaats{statement->integer(0), statement->text(1), statement->text(2),
                           statement->text(3)};
}

std::vector<domain::StakeholderGroup> SqliteQueries::groups(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT id, slug, name, position, is_resident FROM stakeholder_groups "
        "WHERE werkplaats_id = ? ORDER BY position, id");
    statement->bind(1, werkplaats_id);
    std::vector<domain::StakeholderGroup> result;
    while (statement->step()) {
        result.push_back({statement->integer(0), statement->text(1), statement->text(2),
                          static_cast<int>(statement->integer(3)), statement->integer(4) != 0});
    }
    return result;
}

std::vector<app::Partner> SqliteQueries::partners(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT id, werkplaats_id, name, website FROM partners WHERE werkplaats_id = ? ORDER BY "
        "name");
    statement->bind(1, werkplaats_id);
    std::vector<app::Partner> result;
    while (statement->step()) {
        result.push_back(
            {statement->integer(0), statement->integer(1), statement->text(2), statement->text(3)});
    }
    return result;
}

domain::Event SqliteQueries::read_event_row(Statement& row) {
    domain::Event event;
    event.id = row.integer(0);
    event.werkplaats_id = row.integer(1);
    auto& d = event.details;
    d.title = row.text(2);
    d.theme = row.text(3);
    d.type = domain::event_type_from_slug(row.text(4)).value_or(domain::EventType::kenniscafe);
    d.description = row.text(5);
    d.starts_at = row.integer(6);
    d.ends_at = row.integer(7);
    d.location_name = row.text(8);
    d.location_address = row.text(9);
    d.accessibility = row.text(10);
    d.capacity = static_cast<int>(row.integer(11));
    event.status =
        domain::event_status_from_slug(row.text(12)).value_or(domain::EventStatus::draft);
    event.created_at = row.integer(13);
    event.updated_at = row.integer(14);
    event.theme_id = row.optional_integer(15);
    return event;
}

void SqliteQueries::load_event_children(domain::Event& event) {
    {
        auto statement = db_.prepare(
            "SELECT partner_id FROM event_partners WHERE event_id = ? ORDER BY partner_id");
        statement->bind(1, event.id);
        while (statement->step()) event.details.partner_ids.push_back(statement->integer(0));
    }
    {
        auto statement = db_.prepare(
            "SELECT name, role FROM event_speakers WHERE event_id = ? ORDER BY position");
        statement->bind(1, event.id);
        while (statement->step())
            event.details.speakers.push_back({statement->text(0), statement->text(1)});
    }
    auto statement = db_.prepare(
        "SELECT time, title, work_form FROM programme_items WHERE event_id = ? ORDER BY position");
    statement->bind(1, event.id);
    while (statement->step()) {
        event.details.programme.push_back(
            {statement->text(0), statement->text(1),
             domain::work_form_from_slug(statement->text(2)).value_or(domain::WorkForm::talk)});
    }
}

std::optional<domain::Event> SqliteQueries::event(std::int64_t id) {
    std::optional<domain::Event> event;
    {
        auto statement = db_.prepare("SELECT " + event_columns + " FROM events WHERE id = ?");
        statement->bind(1, id);
        if (!statement->step()) return std::nullopt;
        event = read_event_row(*statement);
    }
    load_event_children(*event);
    return event;
}

namespace {

// The filter's conditions on events, with the parameters ?1 to ?8 bound by bind_event_filter.
const std::string event_conditions =
    " FROM events WHERE (?1 IS NULL OR werkplaats_id = ?1) AND (?2 = 0 OR status <> 'draft') "
    "AND (?3 IS NULL OR starts_at >= ?3) AND (?4 IS NULL OR starts_at < ?4) "
    "AND (?5 IS NULL OR ends_at >= ?5) AND (?6 IS NULL OR ends_at < ?6) "
    "AND (?7 IS NULL OR theme_id = ?7) AND (?8 IS NULL OR EXISTS (SELECT 1 FROM event_hosts "
    "WHERE event_hosts.event_id = events.id AND event_hosts.user_id = ?8))";

void bind_event_filter(Statement& statement, const app::EventFilter& filter) {
    statement.bind(1, filter.werkplaats_id)
        .bind(2, filter.published_only)
        .bind(3, filter.starts_from)
        .bind(4, filter.starts_before)
        .bind(5, filter.ends_from)
        .bind(6, filter.ends_before)
        .bind(7, filter.theme_id)
        .bind(8, filter.hosted_by);
}

}  // namespace

std::vector<domain::Event> SqliteQueries::events(const app::EventFilter& filter) {
    std::vector<domain::Event> result;
    {
        auto statement =
            db_.prepare("SELECT " + event_columns + event_conditions + " ORDER BY starts_at, id");
        bind_event_filter(*statement, filter);
        while (statement->step()) result.push_back(read_event_row(*statement));
    }
    for (auto& event : result) load_event_children(event);
    return result;
}

app::Page<domain::Event> SqliteQueries::event_page(const app::EventFilter& filter,
                                                   const app::PageRequest& page,
                                                   app::EventOrder order) {
    app::Page<domain::Event> result;
    result.request = page;
    {
        auto count = db_.prepare("SELECT count(*)" + event_conditions);
        bind_event_filter(*count, filter);
        count->step();
        result.total = static_cast<std::size_t>(count->integer(0));
        auto statement = db_.prepare("SELECT " + event_columns + event_conditions +
                                     (order == app::EventOrder::earliest_first
                                          ? " ORDER BY starts_at, id"
                                          : " ORDER BY starts_at DESC, id DESC") +
                                     " LIMIT ?9 OFFSET ?10");
        bind_event_filter(*statement, filter);
        statement->bind(9, static_cast<std::int64_t>(page.size))
            .bind(10, static_cast<std::int64_t>(page.offset()));
        while (statement->step()) result.items.push_back(read_event_row(*statement));
    }
    for (auto& event : result.items) load_event_children(event);
    return result;
}

app::EventCounts SqliteQueries::counts(std::int64_t event_id) {
    auto statement = db_.prepare(
        "SELECT registered_count, waitlisted_count, checked_in_count FROM events WHERE id = ?");
    statement->bind(1, event_id);
    if (!statement->step()) return {};
    return {static_cast<int>(statement->integer(0)), static_cast<int>(statement->integer(1)),
            static_cast<int>(statement->integer(2))};
}

std::vector<domain::Registration> SqliteQueries::read_registrations(Statement& statement) {
    std::vector<domain::Registration> result;
    while (statement.step()) result.push_back(read_registration_row(statement));
    return result;
}

std::optional<domain::Registration> SqliteQueries::registration(std::int64_t id) {
    auto statement =
        db_.prepare("SELECT " + registration_columns + " FROM registrations WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_registration_row(*statement);
}

std::optional<domain::Registration> SqliteQueries::registration_by_token(const std::string& token) {
    auto statement = db_.prepare("SELECT " + registration_columns +
                                 " FROM registrations WHERE cancel_token = ?");
    statement->bind(1, token);
    if (!statement->step()) return std::nullopt;
    return read_registration_row(*statement);
}

std::vector<domain::Registration> SqliteQueries::registrations(std::int64_t event_id) {
    auto statement = db_.prepare("SELECT " + registration_columns +
                                 " FROM registrations WHERE event_id = ? ORDER BY id");
    statement->bind(1, event_id);
    return read_registrations(*statement);
}

std::optional<domain::Registration> SqliteQueries::active_registration_by_email(
    std::int64_t event_id, const std::string& email_normalized) {
    auto statement = db_.prepare("SELECT " + registration_columns +
                                 " FROM registrations WHERE event_id = ? AND email_normalized = ? "
                                 "AND status <> 'cancelled'");
    statement->bind(1, event_id).bind(2, email_normalized);
    if (!statement->step()) return std::nullopt;
    return read_registration_row(*statement);
}

std::vector<domain::AttendanceFact> SqliteQueries::attendance_facts(std::int64_t werkplaats_id) {
    auto statement = db_.prepare(
        "SELECT r.event_id, e.starts_at, r.group_id, r.status, r.attendance, r.walk_in, "
        "r.email_normalized, r.name, r.seen_before, r.id FROM registrations r "
        "JOIN events e ON e.id = r.event_id "
        "WHERE e.werkplaats_id = ? ORDER BY e.starts_at, r.id");
    statement->bind(1, werkplaats_id);
    std::vector<domain::AttendanceFact> facts;
    while (statement->step()) {
        domain::AttendanceFact fact;
        fact.event_id = statement->integer(0);
        fact.event_starts_at = statement->integer(1);
        fact.group_id = statement->integer(2);
        fact.status = domain::registration_status_from_slug(statement->text(3))
                          .value_or(domain::RegistrationStatus::cancelled);
        fact.attendance =
            domain::attendance_from_slug(statement->text(4)).value_or(domain::Attendance::unknown);
        fact.walk_in = statement->integer(5) != 0;
        fact.visitor_key = domain::visitor_key(statement->optional_text(6), statement->text(7));
        fact.seen_before = statement->integer(8) != 0;
        fact.registration_id = statement->integer(9);
        facts.push_back(std::move(fact));
    }
    append_anonymous_facts(werkplaats_id, facts);
    return facts;
}

std::optional<domain::WorldCafe> SqliteQueries::world_cafe(std::int64_t event_id) {
    domain::WorldCafe cafe;
    cafe.event_id = event_id;
    {
        auto statement = db_.prepare(
            "SELECT started_rounds, quality_dutch, quality_english, goal_order FROM world_cafes "
            "WHERE event_id = ?");
        statement->bind(1, event_id);
        if (!statement->step()) return std::nullopt;
        cafe.started_rounds = static_cast<int>(statement->integer(0));
        cafe.quality_dutch = statement->text(1);
        cafe.quality_english = statement->text(2);
        cafe.goal_order = goal_order_from(statement->text(3));
    }
    {
        auto statement =
            db_.prepare("SELECT question FROM world_cafe_rounds WHERE event_id = ? ORDER BY round");
        statement->bind(1, event_id);
        while (statement->step()) cafe.round_questions.push_back(statement->text(0));
    }
    {
        auto statement = db_.prepare(
            "SELECT id, name, capacity, host_registration_id FROM world_cafe_tables WHERE event_id "
            "= ? "
            "ORDER BY position");
        statement->bind(1, event_id);
        while (statement->step()) {
            cafe.tables.push_back({statement->integer(0),
                                   statement->text(1),
                                   static_cast<int>(statement->integer(2)),
                                   statement->optional_integer(3),
                                   {}});
        }
    }
    // The tables' own questions in one query rather than one per table: a phone's poll reads
    // the café too.
    auto questions = db_.prepare(
        "SELECT q.table_id, q.round, q.question FROM world_cafe_table_questions q "
        "JOIN world_cafe_tables t ON t.id = q.table_id WHERE t.event_id = ?");
    questions->bind(1, event_id);
    while (questions->step()) {
        const auto table = std::find_if(cafe.tables.begin(), cafe.tables.end(), [&](const auto& t) {
            return t.id == questions->integer(0);
        });
        const auto round = static_cast<std::size_t>(questions->integer(1));
        if (table == cafe.tables.end() || round < 1 || round > cafe.round_questions.size())
            continue;
        table->own_questions.resize(std::max(table->own_questions.size(), round));
        table->own_questions[round - 1] = questions->text(2);
    }
    return cafe;
}

std::vector<domain::Seat> SqliteQueries::seats(std::int64_t event_id) {
    auto statement = db_.prepare(
        "SELECT s.round, s.registration_id, s.table_id FROM world_cafe_seats s "
        "JOIN world_cafe_tables t ON t.id = s.table_id WHERE s.event_id = ? "
        "ORDER BY s.round, t.position, s.registration_id");
    statement->bind(1, event_id);
    return read_seats(*statement);
}

std::vector<domain::Seat> SqliteQueries::seats_of(std::int64_t registration_id) {
    auto statement = db_.prepare(
        "SELECT round, registration_id, table_id FROM world_cafe_seats WHERE registration_id = ? "
        "ORDER BY round");
    statement->bind(1, registration_id);
    return read_seats(*statement);
}

std::int64_t SqliteQueries::insert_werkplaats(const std::string& slug, const std::string& name) {
    auto statement = db_.prepare("INSERT INTO werkplaatsen (slug, name) VALUES (?, ?)");
    statement->bind(1, slug).bind(2, name).run();
    return db_.last_insert_id();
}

void SqliteQueries::set_werkplaats_host_name(std::int64_t werkplaats_id,
                                             const std::string& host_name) {
    auto statement = db_.prepare("UPDATE werkplaatsen SET host_name = ? WHERE id = ?");
    statement->bind(1, host_name).bind(2, werkplaats_id).run();
}

std::int64_t SqliteQueries::insert_group(std::int64_t werkplaats_id,
                                         const domain::StakeholderGroup& group) {
    auto statement = db_.prepare(
        "INSERT INTO stakeholder_groups (werkplaats_id, slug, name, position, is_resident) "
        "VALUES (?, ?, ?, ?, ?)");
    statement->bind(1, werkplaats_id)
        .bind(2, group.slug)
        .bind(3, group.name)
        .bind(4, group.position)
        .bind(5, group.is_resident)
        .run();
    return db_.last_insert_id();
}

void SqliteQueries::update_group(const domain::StakeholderGroup& group) {
    auto statement = db_.prepare(
        "UPDATE stakeholder_groups SET slug = ?, name = ?, position = ?, is_resident = ? WHERE id "
        "= ?");
    statement->bind(1, group.slug)
        .bind(2, group.name)
        .bind(3, group.position)
        .bind(4, group.is_resident)
        .bind(5, group.id)
        .run();
}

std::int64_t SqliteQueries::insert_partner(const app::Partner& partner) {
    auto statement =
        db_.prepare("INSERT INTO partners (werkplaats_id, name, website) VALUES (?, ?, ?)");
    statement->bind(1, partner.werkplaats_id).bind(2, partner.name).bind(3, partner.website).run();
    return db_.last_insert_id();
}

void SqliteQueries::write_event_children(std::int64_t event_id,
                                         const domain::EventDetails& details) {
    for (const char* table : {"event_partners", "event_speakers", "programme_items"}) {
        auto statement = db_.prepare(std::string("DELETE FROM ") + table + " WHERE event_id = ?");
        statement->bind(1, event_id).run();
    }
    for (const auto partner_id : details.partner_ids) {
        auto statement = db_.prepare(
            "INSERT OR IGNORE INTO event_partners (event_id, partner_id) VALUES (?, ?)");
        statement->bind(1, event_id).bind(2, partner_id).run();
    }
    for (std::size_t i = 0; i < details.speakers.size(); ++i) {
        auto statement = db_.prepare(
            "INSERT INTO event_speakers (event_id, position, name, role) VALUES (?, ?, ?, ?)");
        statement->bind(1, event_id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, details.speakers[i].name)
            .bind(4, details.speakers[i].role)
            .run();
    }
    for (std::size_t i = 0; i < details.programme.size(); ++i) {
        const auto& item = details.programme[i];
        auto statement = db_.prepare(
            "INSERT INTO programme_items (event_id, position, time, title, work_form) VALUES (?, "
            "?, ?, ?, ?)");
        statement->bind(1, event_id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, item.time)
            .bind(4, item.title)
            .bind(5, domain::to_slug(item.work_form))
            .run();
    }
}

std::int64_t SqliteQueries::insert_event(std::int64_t werkplaats_id, const domain::EventDetails& d,
                                         domain::EventStatus status, time::Timestamp now) {
    auto statement = db_.prepare(
        "INSERT INTO events (werkplaats_id, title, theme, event_type, description, starts_at, "
        "ends_at, "
        "location_name, location_address, accessibility, capacity, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, werkplaats_id)
        .bind(2, d.title)
        .bind(3, d.theme)
        .bind(4, domain::to_slug(d.type))
        .bind(5, d.description)
        .bind(6, d.starts_at)
        .bind(7, d.ends_at)
        .bind(8, d.location_name)
        .bind(9, d.location_address)
        .bind(10, d.accessibility)
        .bind(11, d.capacity)
        .bind(12, domain::to_slug(status))
        .bind(13, now)
        .bind(14, now)
        .run();
    const std::int64_t id = db_.last_insert_id();
    write_event_children(id, d);
    return id;
}

void SqliteQueries::update_event_details(std::int64_t event_id, const domain::EventDetails& d,
                                         time::Timestamp now) {
    auto statement = db_.prepare(
        "UPDATE events SET title = ?, theme = ?, event_type = ?, description = ?, starts_at = ?, "
        "ends_at = ?, location_name = ?, location_address = ?, accessibility = ?, capacity = ?, "
        "updated_at = ? WHERE id = ?");
    statement->bind(1, d.title)
        .bind(2, d.theme)
        .bind(3, domain::to_slug(d.type))
        .bind(4, d.description)
        .bind(5, d.starts_at)
        .bind(6, d.ends_at)
        .bind(7, d.location_name)
        .bind(8, d.location_address)
        .bind(9, d.accessibility)
        .bind(10, d.capacity)
        .bind(11, now)
        .bind(12, event_id)
        .run();
    write_event_children(event_id, d);
}

void SqliteQueries::update_event_status(std::int64_t event_id, domain::EventStatus status,
                                        time::Timestamp now) {
    auto statement = db_.prepare("UPDATE events SET status = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, domain::to_slug(status)).bind(2, now).bind(3, event_id).run();
}

std::int64_t SqliteQueries::insert_registration(const domain::Registration& r) {
    auto statement = db_.prepare(
        "INSERT INTO registrations (event_id, name, email, email_normalized, group_id, "
        "organisation, "
        "dietary, accessibility, consent_photos, consent_contact, status, attendance, walk_in, "
        "cancel_token, created_at, status_changed_at, checked_in_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, r.event_id)
        .bind(2, r.form.name)
        .bind(3, r.form.email)
        .bind(4, r.email_normalized)
        .bind(5, r.form.group_id)
        .bind(6, r.form.organisation)
        .bind(7, r.form.dietary)
        .bind(8, r.form.accessibility)
        .bind(9, r.form.consent_photos)
        .bind(10, r.form.consent_contact)
        .bind(11, domain::to_slug(r.status))
        .bind(12, domain::to_slug(r.attendance))
        .bind(13, r.walk_in)
        .bind(14, r.cancel_token)
        .bind(15, r.created_at)
        .bind(16, r.created_at)
        .bind(17, r.checked_in_at)
        .run();
    return db_.last_insert_id();
}

void SqliteQueries::update_registration_status(std::int64_t id, domain::RegistrationStatus status,
                                               time::Timestamp now) {
    auto statement =
        db_.prepare("UPDATE registrations SET status = ?, status_changed_at = ? WHERE id = ?");
    statement->bind(1, domain::to_slug(status)).bind(2, now).bind(3, id).run();
}

void SqliteQueries::update_attendance(std::int64_t id, domain::Attendance attendance,
                                      std::optional<time::Timestamp> checked_in_at) {
    auto statement =
        db_.prepare("UPDATE registrations SET attendance = ?, checked_in_at = ? WHERE id = ?");
    statement->bind(1, domain::to_slug(attendance)).bind(2, checked_in_at).bind(3, id).run();
}

std::vector<domain::Registration> SqliteQueries::waiting_list(std::int64_t event_id) {
    auto statement = db_.prepare("SELECT " + registration_columns +
                                 " FROM registrations WHERE event_id = ? AND status = 'waitlisted' "
                                 "ORDER BY created_at, id");
    statement->bind(1, event_id);
    return read_registrations(*statement);
}

void SqliteQueries::save_world_cafe(domain::WorldCafe& cafe) {
    {
        auto statement = db_.prepare(
            "INSERT INTO world_cafes (event_id, goal_order) VALUES (?, ?) ON CONFLICT (event_id) "
            "DO UPDATE SET started_rounds = 0, quality_dutch = '', quality_english = '', "
            "goal_order = excluded.goal_order");
        statement->bind(1, cafe.event_id).bind(2, goal_order_text(cafe.goal_order)).run();
    }
    for (const char* table : {"world_cafe_seats", "world_cafe_rounds"}) {
        auto statement = db_.prepare(std::string("DELETE FROM ") + table + " WHERE event_id = ?");
        statement->bind(1, cafe.event_id).run();
    }
    {
        auto statement = db_.prepare("DELETE FROM world_cafe_tables WHERE event_id = ?");
        statement->bind(1, cafe.event_id).run();
    }
    for (std::size_t i = 0; i < cafe.round_questions.size(); ++i) {
        auto statement = db_.prepare(
            "INSERT INTO world_cafe_rounds (event_id, round, question) VALUES (?, ?, ?)");
        statement->bind(1, cafe.event_id)
            .bind(2, static_cast<std::int64_t>(i + 1))
            .bind(3, cafe.round_questions[i])
            .run();
    }
    for (std::size_t i = 0; i < cafe.tables.size(); ++i) {
        auto& table = cafe.tables[i];
        auto statement = db_.prepare(
            "INSERT INTO world_cafe_tables (event_id, position, name, capacity, "
            "host_registration_id) "
            "VALUES (?, ?, ?, ?, ?)");
        statement->bind(1, cafe.event_id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, table.name)
            .bind(4, table.capacity)
            .bind(5, table.host_registration_id)
            .run();
        table.id = db_.last_insert_id();
        for (std::size_t round = 0; round < table.own_questions.size(); ++round) {
            if (table.own_questions[round].empty()) continue;
            auto question = db_.prepare(
                "INSERT INTO world_cafe_table_questions (table_id, round, question) VALUES (?, ?, "
                "?)");
            question->bind(1, table.id)
                .bind(2, static_cast<std::int64_t>(round + 1))
                .bind(3, table.own_questions[round])
                .run();
        }
    }
    cafe.started_rounds = 0;
    cafe.quality_dutch.clear();
    cafe.quality_english.clear();
}

void SqliteQueries::replace_seats(std::int64_t event_id, int from_round,
                                  const std::vector<domain::Seat>& seats,
                                  const std::string& quality_dutch,
                                  const std::string& quality_english) {
    {
        auto statement =
            db_.prepare("DELETE FROM world_cafe_seats WHERE event_id = ? AND round >= ?");
        statement->bind(1, event_id).bind(2, from_round).run();
    }
    for (const auto& seat : seats) {
        if (seat.round < from_round) continue;
        auto statement = db_.prepare(
            "INSERT INTO world_cafe_seats (event_id, round, registration_id, table_id) VALUES (?, "
            "?, ?, ?)");
        statement->bind(1, event_id)
            .bind(2, seat.round)
            .bind(3, seat.registration_id)
            .bind(4, seat.table_id)
            .run();
    }
    auto statement = db_.prepare(
        "UPDATE world_cafes SET quality_dutch = ?, quality_english = ? WHERE event_id = ?");
    statement->bind(1, quality_dutch).bind(2, quality_english).bind(3, event_id).run();
}

void SqliteQueries::set_started_rounds(std::int64_t event_id, int started_rounds) {
    auto statement = db_.prepare("UPDATE world_cafes SET started_rounds = ? WHERE event_id = ?");
    statement->bind(1, started_rounds).bind(2, event_id).run();
}

void SqliteQueries::set_stays_seated(std::int64_t registration_id, bool stays) {
    auto statement = db_.prepare("UPDATE registrations SET stays_seated = ? WHERE id = ?");
    statement->bind(1, stays).bind(2, registration_id).run();
}

}  // namespace kc::storage::sqlite
