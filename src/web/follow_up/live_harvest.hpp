#pragma once

#include <optional>
#include <string>

#include "app/store.hpp"
#include "domain/live_question.hpp"
#include "web/i18n.hpp"

// A live session's results taken into a café's harvest: the top words of a word cloud, how a
// statement was answered, the order of a ranking, written out as one harvest text.
namespace kc::web::follow_up {

// A question of one of the event's sessions, with its results replayed from the store the way
// the live engine rebuilds them (moderation included, small groups hidden). Nothing when the
// question is not the event's.
struct StoredResult {
    app::LiveQuestion question;
    domain::live::Results results;
};
std::optional<StoredResult> stored_result(app::Queries& queries, std::int64_t event_id,
                                          std::int64_t question_id);

// The result as a harvest text within domain::HarvestLimits::text: the prompt, how many
// answered, and the result in words (the most named first).
std::string live_result_text(const Catalogue& texts, const app::LiveQuestion& question,
                             const domain::live::Results& results);

}  // namespace kc::web::follow_up
