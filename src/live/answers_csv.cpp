#include "live/answers_csv.hpp"

#include <fmt/format.h>

#include <map>

#include "core/text.hpp"

namespace kc::live {

namespace {

std::string answer_text(const app::LiveQuestion& question, const app::LiveAnswer& answer) {
    const auto& settings = question.settings;
    const auto& value = answer.value;
    std::string text;
    const auto append = [&text](std::string_view part) {
        if (!text.empty()) text += " | ";
        text += part;
    };
    for (const int option : value.options) {
        const bool known =
            option >= 0 && static_cast<std::size_t>(option) < settings.options.size();
        append(known ? settings.options[static_cast<std::size_t>(option)] : std::to_string(option));
    }
    if (value.number) append(std::to_string(*value.number));
    for (const auto& word : value.words) append(word);
    if (!value.text.empty()) append(value.text);
    if (value.upvote) append(fmt::format("stem op vraag {}", *value.upvote));
    return text;
}

}  // namespace

std::string csv_of_answers(app::Queries& queries, const app::LiveSession& session) {
    std::map<std::int64_t, std::pair<int, app::LiveQuestion>> questions;
    int number = 0;
    for (auto& question : queries.live_questions(session.id)) {
        questions.emplace(question.id, std::pair(++number, std::move(question)));
    }
    std::map<std::int64_t, std::string> group_names;
    if (const auto event = queries.event(session.event_id)) {
        for (const auto& group : queries.groups(event->werkplaats_id)) {
            group_names[group.id] = group.name;
        }
    }
    std::string csv =
        "vraag_nr,vraag,soort,deelnemer,groep,antwoord,seconden_na_openen,ontvangen\r\n";
    for (const auto& answer : queries.live_answers(session.id)) {
        const auto question = questions.find(answer.question_id);
        if (question == questions.end()) continue;
        const auto& [position, record] = question->second;
        const auto group = group_names.find(answer.group_id);
        csv += fmt::format("{},{},{},{},{},{},{:.1f},{}\r\n", position,
                           text::csv_field(record.settings.prompt),
                           domain::live::to_slug(record.settings.kind), answer.participant_id,
                           text::csv_field(group == group_names.end() ? "" : group->second),
                           text::csv_field(answer_text(record, answer)),
                           static_cast<double>(answer.elapsed_ms) / 1000.0,
                           time::format_iso8601_amsterdam(answer.received_at));
    }
    return csv;
}

}  // namespace kc::live
