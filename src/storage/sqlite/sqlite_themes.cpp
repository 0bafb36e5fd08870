// The theme-agenda ports (src/app/theme_store.hpp) on SQLite. Schema:
// migrations/sqlite/0010_themes.sql.
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

const std::string theme_columns =
    "id, werkplaats_id, title, description, place, status, source, decline_reason, event_id, "
    "proposed_at, status_changed_at, supporters";

domain::Theme read_theme(Statement& row) {
    domain::Theme theme;
    theme.id = row.integer(0);
    theme.werkplaats_id = row.integer(1);
    theme.title = row.text(2);
    theme.description = row.text(3);
    theme.place = row.text(4);
    theme.status =
        domain::theme_status_from_slug(row.text(5)).value_or(domain::ThemeStatus::proposed);
    theme.source =
        domain::theme_source_from_slug(row.text(6)).value_or(domain::ThemeSource::public_form);
    theme.decline_reason = row.text(7);
    theme.event_id = row.optional_integer(8);
    theme.proposed_at = row.integer(9);
    theme.status_changed_at = row.integer(10);
    theme.supporters = row.integer(11);
    return theme;
}

// The filter's conditions, with the parameters ?1 (Werkplaats), ?2 (status) and ?3 (event).
const std::string theme_conditions =
    " FROM themes WHERE werkplaats_id = ?1 AND (?2 IS NULL OR status = ?2) "
    "AND (?3 IS NULL OR event_id = ?3)";

void bind_theme_filter(Statement& statement, const app::ThemeFilter& filter) {
    statement.bind(1, filter.werkplaats_id);
    if (filter.status) {
        statement.bind(2, domain::to_slug(*filter.status));
    } else {
        statement.bind(2, std::nullopt);
    }
    statement.bind(3, filter.event_id);
}

}  // namespace

std::optional<domain::Theme> SqliteQueries::theme(std::int64_t id) {
    auto statement = db_.prepare("SELECT " + theme_columns + " FROM themes WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_theme(*statement);
}

app::Page<domain::Theme> SqliteQueries::themes(const app::ThemeFilter& filter,
                                               const app::PageRequest& page) {
    app::Page<domain::Theme> result;
    result.request = page;
    auto count = db_.prepare("SELECT count(*)" + theme_conditions);
    bind_theme_filter(*count, filter);
    count->step();
    result.total = static_cast<std::size_t>(count->integer(0));
    auto statement = db_.prepare("SELECT " + theme_columns + theme_conditions +
                                 " ORDER BY supporters DESC, id DESC LIMIT ?4 OFFSET ?5");
    bind_theme_filter(*statement, filter);
    statement->bind(4, static_cast<std::int64_t>(page.size));
    statement->bind(5, static_cast<std::int64_t>(page.offset()));
    while (statement->step()) result.items.push_back(read_theme(*statement));
    return result;
}

std::int64_t SqliteQueries::insert_theme(const domain::Theme& theme) {
    db_.prepare(
           "INSERT INTO themes (werkplaats_id, title, description, place, status, source, "
           "decline_reason, event_id, proposed_at, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
           "?, ?, ?)")
        ->bind(1, theme.werkplaats_id)
        .bind(2, theme.title)
        .bind(3, theme.description)
        .bind(4, theme.place)
        .bind(5, domain::to_slug(theme.status))
        .bind(6, domain::to_slug(theme.source))
        .bind(7, theme.decline_reason)
        .bind(8, theme.event_id)
        .bind(9, theme.proposed_at)
        .bind(10, theme.status_changed_at)
        .run();
    return db_.last_insert_id();
}

void SqliteQueries::update_theme(const domain::Theme& theme) {
    db_.prepare(
           "UPDATE themes SET title = ?, description = ?, place = ?, status = ?, source = ?, "
           "decline_reason = ?, event_id = ?, status_changed_at = ? WHERE id = ?")
        ->bind(1, theme.title)
        .bind(2, theme.description)
        .bind(3, theme.place)
        .bind(4, domain::to_slug(theme.status))
        .bind(5, domain::to_slug(theme.source))
        .bind(6, theme.decline_reason)
        .bind(7, theme.event_id)
        .bind(8, theme.status_changed_at)
        .bind(9, theme.id)
        .run();
}

bool SqliteQueries::add_theme_support(std::int64_t theme_id, const std::string& supporter_key,
                                      time::Timestamp at) {
    db_.prepare(
           "INSERT INTO theme_supports (theme_id, supporter_key, supported_at) VALUES (?, ?, ?) "
           "ON CONFLICT DO NOTHING")
        ->bind(1, theme_id)
        .bind(2, supporter_key)
        .bind(3, at)
        .run();
    if (db_.changes() == 0) return false;
    db_.prepare("UPDATE themes SET supporters = supporters + 1 WHERE id = ?")
        ->bind(1, theme_id)
        .run();
    return true;
}

void SqliteQueries::set_event_theme(std::int64_t event_id, std::optional<std::int64_t> theme_id) {
    db_.prepare("UPDATE events SET theme_id = ? WHERE id = ?")
        ->bind(1, theme_id)
        .bind(2, event_id)
        .run();
}

}  // namespace kc::storage::sqlite
