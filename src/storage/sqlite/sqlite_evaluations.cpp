// The evaluation and experience ports (src/app/evaluation_store.hpp) on SQLite. Schema:
// migrations/sqlite/0013_evaluation.sql.
#include <functional>

#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

const std::string evaluation_columns =
    "id, event_id, registration_id, rating, takeaway, next_theme, come_again, remark, "
    "group_id, submitted_at";

domain::Evaluation read_evaluation(Statement& row) {
    domain::Evaluation evaluation;
    evaluation.id = row.integer(0);
    evaluation.event_id = row.integer(1);
    evaluation.registration_id = row.optional_integer(2);
    evaluation.answer.rating = static_cast<int>(row.integer(3));
    evaluation.answer.takeaway = row.text(4);
    evaluation.answer.next_theme = row.text(5);
    evaluation.answer.come_again =
        domain::come_again_from_slug(row.text(6)).value_or(domain::ComeAgain::unanswered);
    evaluation.answer.remark = row.text(7);
    evaluation.answer.group_id = row.optional_integer(8).value_or(0);
    evaluation.submitted_at = row.integer(9);
    return evaluation;
}

const std::string experience_columns =
    "id, event_id, registration_id, quote, attribution, name, role, status, "
    "consent_text_version, consent_channel, consent_given_at, consent_withdrawn_at, "
    "submitted_at, status_changed_at";

domain::Experience read_experience(Statement& row) {
    domain::Experience experience;
    experience.id = row.integer(0);
    experience.event_id = row.integer(1);
    experience.registration_id = row.optional_integer(2);
    experience.quote = row.text(3);
    experience.attribution =
        domain::attribution_from_slug(row.text(4)).value_or(domain::Attribution::anonymous);
    experience.name = row.text(5);
    experience.role = row.text(6);
    // An unreadable status is treated as the most private one.
    experience.status =
        domain::experience_status_from_slug(row.text(7)).value_or(domain::ExperienceStatus::hidden);
    experience.consent.text_version = row.text(8);
    experience.consent.channel = row.text(9);
    experience.consent.given_at = row.integer(10);
    experience.consent.withdrawn_at = row.optional_integer(11);
    experience.submitted_at = row.integer(12);
    experience.status_changed_at = row.integer(13);
    return experience;
}

std::optional<std::int64_t> zero_as_null(std::int64_t id) {
    return id == 0 ? std::nullopt : std::optional(id);
}

std::size_t count_of(Connection& db, const std::string& sql,
                     const std::function<void(Statement&)>& bind) {
    auto statement = db.prepare(sql);
    bind(*statement);
    return statement->step() ? static_cast<std::size_t>(statement->integer(0)) : 0;
}

}  // namespace

std::vector<domain::EvaluationTally> SqliteQueries::evaluation_tallies(std::int64_t event_id) {
    auto statement = db_.prepare(
        "SELECT COALESCE(group_id, 0), rating, come_again, COUNT(*) FROM evaluations "
        "WHERE event_id = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    statement->bind(1, event_id);
    std::vector<domain::EvaluationTally> tallies;
    while (statement->step()) {
        tallies.push_back({statement->integer(0), static_cast<int>(statement->integer(1)),
                           domain::come_again_from_slug(statement->text(2))
                               .value_or(domain::ComeAgain::unanswered),
                           static_cast<int>(statement->integer(3))});
    }
    return tallies;
}

app::Page<domain::Evaluation> SqliteQueries::evaluations_with_text(std::int64_t event_id,
                                                                   const app::PageRequest& page) {
    const std::string with_text =
        "event_id = ? AND (takeaway <> '' OR next_theme <> '' OR remark <> '')";
    app::Page<domain::Evaluation> result;
    result.request = page;
    result.total = count_of(db_, "SELECT COUNT(*) FROM evaluations WHERE " + with_text,
                            [&](Statement& s) { s.bind(1, event_id); });
    auto statement = db_.prepare("SELECT " + evaluation_columns + " FROM evaluations WHERE " +
                                 with_text + " ORDER BY id DESC LIMIT ? OFFSET ?");
    statement->bind(1, event_id)
        .bind(2, static_cast<std::int64_t>(page.size))
        .bind(3, static_cast<std::int64_t>(page.offset()));
    while (statement->step()) result.items.push_back(read_evaluation(*statement));
    return result;
}

bool SqliteQueries::has_evaluation_from(std::int64_t registration_id) {
    auto statement = db_.prepare("SELECT 1 FROM evaluations WHERE registration_id = ?");
    statement->bind(1, registration_id);
    return statement->step();
}

std::optional<domain::Experience> SqliteQueries::experience(std::int64_t id) {
    auto statement = db_.prepare("SELECT " + experience_columns + " FROM experiences WHERE id = ?");
    statement->bind(1, id);
    if (!statement->step()) return std::nullopt;
    return read_experience(*statement);
}

std::optional<domain::Experience> SqliteQueries::experience_by_token_hash(
    const std::string& token_hash) {
    auto statement =
        db_.prepare("SELECT " + experience_columns + " FROM experiences WHERE token_hash = ?");
    statement->bind(1, token_hash);
    if (!statement->step()) return std::nullopt;
    return read_experience(*statement);
}

app::Page<domain::Experience> SqliteQueries::experiences(const app::ExperienceFilter& filter,
                                                         const app::PageRequest& page) {
    // A NULL status parameter matches every status.
    const std::string where =
        " FROM experiences WHERE event_id = ?1 AND (?2 IS NULL OR status = ?2)";
    const std::optional<std::string> status =
        filter.status ? std::optional(std::string(domain::to_slug(*filter.status))) : std::nullopt;
    app::Page<domain::Experience> result;
    result.request = page;
    result.total = count_of(db_, "SELECT COUNT(*)" + where,
                            [&](Statement& s) { s.bind(1, filter.event_id).bind(2, status); });
    auto statement = db_.prepare("SELECT " + experience_columns + where +
                                 " ORDER BY id DESC LIMIT ?3 OFFSET ?4");
    statement->bind(1, filter.event_id)
        .bind(2, status)
        .bind(3, static_cast<std::int64_t>(page.size))
        .bind(4, static_cast<std::int64_t>(page.offset()));
    while (statement->step()) result.items.push_back(read_experience(*statement));
    return result;
}

std::vector<domain::Experience> SqliteQueries::experiences_of_registrations(
    const std::vector<std::int64_t>& registration_ids) {
    std::vector<domain::Experience> found;
    for (const auto id : registration_ids) {
        auto statement = db_.prepare("SELECT " + experience_columns +
                                     " FROM experiences WHERE registration_id = ? ORDER BY id");
        statement->bind(1, id);
        while (statement->step()) found.push_back(read_experience(*statement));
    }
    return found;
}

std::int64_t SqliteQueries::insert_evaluation(const domain::Evaluation& evaluation) {
    const auto& answer = evaluation.answer;
    auto statement = db_.prepare(
        "INSERT INTO evaluations (event_id, registration_id, rating, takeaway, next_theme, "
        "come_again, remark, group_id, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, evaluation.event_id)
        .bind(2, evaluation.registration_id)
        .bind(3, answer.rating)
        .bind(4, answer.takeaway)
        .bind(5, answer.next_theme)
        .bind(6, domain::to_slug(answer.come_again))
        .bind(7, answer.remark)
        .bind(8, zero_as_null(answer.group_id))
        .bind(9, evaluation.submitted_at);
    statement->run();
    return db_.last_insert_id();
}

std::int64_t SqliteQueries::insert_experience(const domain::Experience& experience,
                                              const std::string& token_hash) {
    auto statement = db_.prepare(
        "INSERT INTO experiences (event_id, registration_id, quote, attribution, name, role, "
        "status, consent_text_version, consent_channel, consent_given_at, consent_withdrawn_at, "
        "token_hash, submitted_at, status_changed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, experience.event_id)
        .bind(2, experience.registration_id)
        .bind(3, experience.quote)
        .bind(4, domain::to_slug(experience.attribution))
        .bind(5, experience.name)
        .bind(6, experience.role)
        .bind(7, domain::to_slug(experience.status))
        .bind(8, experience.consent.text_version)
        .bind(9, experience.consent.channel)
        .bind(10, experience.consent.given_at)
        .bind(11, experience.consent.withdrawn_at)
        .bind(12, token_hash)
        .bind(13, experience.submitted_at)
        .bind(14, experience.status_changed_at);
    statement->run();
    return db_.last_insert_id();
}

void SqliteQueries::update_experience(const domain::Experience& experience) {
    auto statement = db_.prepare(
        "UPDATE experiences SET quote = ?, attribution = ?, name = ?, role = ?, status = ?, "
        "consent_withdrawn_at = ?, status_changed_at = ? WHERE id = ?");
    statement->bind(1, experience.quote)
        .bind(2, domain::to_slug(experience.attribution))
        .bind(3, experience.name)
        .bind(4, experience.role)
        .bind(5, domain::to_slug(experience.status))
        .bind(6, experience.consent.withdrawn_at)
        .bind(7, experience.status_changed_at)
        .bind(8, experience.id);
    statement->run();
}

int SqliteQueries::delete_unpublished_experiences(std::int64_t event_id) {
    // Overwrite what is deleted rather than leaving it in free pages of the file.
    db_.execute("PRAGMA secure_delete = ON");
    auto statement =
        db_.prepare("DELETE FROM experiences WHERE event_id = ? AND status <> 'published'");
    statement->bind(1, event_id).run();
    return db_.changes();
}

}  // namespace kc::storage::sqlite
