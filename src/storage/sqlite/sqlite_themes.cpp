// STAND-IN for the lead's contract.
#include "storage/sqlite/sqlite_queries.hpp"
namespace kc::storage::sqlite {
namespace {
domain::Theme read_theme(Statement& row) {
    domain::Theme theme{};
    theme.id = row.integer(0);
    theme.werkplaats_id = row.integer(1);
    theme.title = row.text(2);
    theme.status = domain::ThemeStatus::adopted;
    theme.source = domain::ThemeSource::organiser;
    return theme;
}
}  // namespace
std::optional<domain::Theme> SqliteQueries::theme(std::int64_t id) {
    auto st = db_.prepare("SELECT id, werkplaats_id, title FROM themes WHERE id = ?");
    st->bind(1, id);
    if (!st->step()) return std::nullopt;
    return read_theme(*st);
}
app::Page<domain::Theme> SqliteQueries::themes(const app::ThemeFilter& f, const app::PageRequest& page) {
    app::Page<domain::Theme> result;
    result.request = page;
    auto st = db_.prepare("SELECT id, werkplaats_id, title FROM themes WHERE werkplaats_id = ? ORDER BY id LIMIT ? OFFSET ?");
    st->bind(1, f.werkplaats_id).bind(2, static_cast<std::int64_t>(page.size)).bind(3, static_cast<std::int64_t>(page.offset()));
    while (st->step()) result.items.push_back(read_theme(*st));
    result.total = result.items.size();
    return result;
}
std::int64_t SqliteQueries::insert_theme(const domain::Theme& theme) {
    auto st = db_.prepare("INSERT INTO themes (werkplaats_id, title, status, source, proposed_at, status_changed_at) VALUES (?, ?, 'adopted', 'organiser', 0, 0)");
    st->bind(1, theme.werkplaats_id).bind(2, theme.title).run();
    return db_.last_insert_id();
}
}  // namespace kc::storage::sqlite
