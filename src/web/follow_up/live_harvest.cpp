#include "web/follow_up/live_harvest.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "domain/harvest.hpp"
#include "live/room.hpp"

namespace kc::web::follow_up {

namespace {

using domain::live::QuestionKind;

// Word clouds and open answers name at most this many; the text must stay readable.
constexpr std::size_t named_at_most = 10;

// Adds `part` when the text stays within the harvest's limit; says whether it did.
bool append_within_limit(std::string& text, const std::string& part) {
    if (text::code_point_count(text) + text::code_point_count(part) > domain::HarvestLimits::text) {
        return false;
    }
    text += part;
    return true;
}

std::string decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    std::string result = buffer;
    for (char& c : result) {
        if (c == '.') c = ',';
    }
    return result;
}

std::vector<std::string> result_parts(const Catalogue& texts,
                                      const domain::live::Results& results) {
    std::vector<std::string> parts;
    switch (results.kind) {
        case QuestionKind::word_cloud:
            for (const auto& word : results.words) {
                if (parts.size() == named_at_most) break;
                parts.push_back(word.text + " (" + std::to_string(word.count) + ")");
            }
            break;
        case QuestionKind::open:
        case QuestionKind::qa:
            for (const auto& entry : results.entries) {
                if (parts.size() == named_at_most) break;
                parts.push_back("“" + entry.text + "”");
            }
            break;
        case QuestionKind::ranking: {
            int place = 0;
            for (const auto& option : results.options) {
                parts.push_back(std::to_string(++place) + ". " + option.label);
            }
            break;
        }
        default:
            for (const auto& option : results.options) {
                parts.push_back(option.label + ": " + std::to_string(option.count));
            }
            if (results.average) {
                parts.push_back(texts.text("follow_up.live_average") + " " +
                                decimal(*results.average));
            }
            break;
    }
    return parts;
}

}  // namespace

std::optional<StoredResult> stored_result(app::Queries& queries, std::int64_t event_id,
                                          std::int64_t question_id) {
    for (const auto& session : queries.live_sessions(event_id)) {
        for (const auto& question : queries.live_questions(session.id)) {
            if (question.id != question_id) continue;
            live::Room room;
            if (!room.load(queries, session.id)) return std::nullopt;
            const auto* replayed = room.find_question(question_id);
            if (!replayed) return std::nullopt;
            domain::live::ResultOptions options;
            options.reveal_correct = true;
            options.small_numbers = room.small_numbers;
            return StoredResult{question, replayed->tally.results(options)};
        }
    }
    return std::nullopt;
}

std::string live_result_text(const Catalogue& texts, const app::LiveQuestion& question,
                             const domain::live::Results& results) {
    std::string text;
    append_within_limit(
        text, texts.text("follow_up.live_prefix") + " " + question.settings.prompt + " (" +
                  texts.text("follow_up.live_respondents", results.respondents) + ").");
    bool first = true;
    for (const auto& part : result_parts(texts, results)) {
        if (!append_within_limit(text, (first ? " " : "; ") + part)) break;
        first = false;
    }
    return text;
}

}  // namespace kc::web::follow_up
