// The report port (src/app/report_store.hpp) on SQLite. Schema:
// migrations/sqlite/0017_reports.sql.
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

std::optional<app::ReportTexts> SqliteQueries::report_texts(std::int64_t event_id) {
    auto statement = db_.prepare(
        "SELECT event_id, introduction, account, published_at, updated_at FROM event_reports "
        "WHERE event_id = ?");
    statement->bind(1, event_id);
    if (!statement->step()) return std::nullopt;
    app::ReportTexts texts;
    texts.event_id = statement->integer(0);
    texts.introduction = statement->text(1);
    texts.account = statement->text(2);
    texts.published_at = statement->optional_integer(3);
    texts.updated_at = statement->integer(4);
    return texts;
}

void SqliteQueries::save_report_texts(const app::ReportTexts& texts) {
    auto statement = db_.prepare(
        "INSERT INTO event_reports (event_id, introduction, account, published_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (event_id) DO UPDATE SET "
        "introduction = ?2, account = ?3, published_at = ?4, updated_at = ?5");
    statement->bind(1, texts.event_id)
        .bind(2, texts.introduction)
        .bind(3, texts.account)
        .bind(4, texts.published_at)
        .bind(5, texts.updated_at);
    statement->run();
}

}  // namespace kc::storage::sqlite
