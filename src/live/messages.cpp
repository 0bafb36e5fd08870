#include "live/messages.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "app/live.hpp"
#include "reports/live_svg.hpp"

namespace kc::live {

namespace json = boost::json;

namespace {

json::value shown_count_json(const domain::ShownCount& count) {
    switch (count.kind) {
        case domain::ShownCount::Kind::exact:
            return count.value;
        case domain::ShownCount::Kind::fewer_than:
            return json::object{{"fewer_than", count.value}};
        case domain::ShownCount::Kind::withheld:
            return nullptr;
    }
    return nullptr;
}

json::object group_counts_json(const domain::live::GroupCounts& counts) {
    json::array groups;
    for (const auto& count : counts.by_group) groups.push_back(shown_count_json(count));
    return {{"groups", std::move(groups)}, {"total", shown_count_json(counts.total)}};
}

json::object session_json(const Room& room) {
    return {
        {"id", room.session.id},
        {"title", room.session.title},
        {"code", room.session.join_code},
        {"state", app::to_slug(room.session.state)},
    };
}

json::object question_json(const QuestionView& view, bool reveal_correct) {
    const auto& settings = view.question.settings;
    json::object question{
        {"id", view.question.id},
        {"number", view.number},
        {"count", view.count},
        {"kind", domain::live::to_slug(settings.kind)},
        {"prompt", settings.prompt},
        {"state", app::to_slug(view.question.state)},
        {"results_shown", view.question.results_shown},
    };
    json::array options;
    for (const auto& option : settings.options) options.emplace_back(option);
    switch (settings.kind) {
        case domain::live::QuestionKind::choice:
            question["options"] = std::move(options);
            question["multiple"] = settings.multiple;
            break;
        case domain::live::QuestionKind::ranking:
            question["options"] = std::move(options);
            break;
        case domain::live::QuestionKind::quiz:
            question["options"] = std::move(options);
            question["time_limit_ms"] = settings.time_limit_seconds * 1000;
            if (view.remaining_ms) question["remaining_ms"] = *view.remaining_ms;
            if (reveal_correct) question["correct"] = settings.correct_option;
            break;
        case domain::live::QuestionKind::scale:
            question["scale"] = json::object{{"min", settings.scale_min},
                                             {"max", settings.scale_max},
                                             {"min_label", settings.scale_min_label},
                                             {"max_label", settings.scale_max_label}};
            break;
        case domain::live::QuestionKind::word_cloud:
            question["words"] = settings.words_per_participant;
            break;
        case domain::live::QuestionKind::statement:
        case domain::live::QuestionKind::open:
        case domain::live::QuestionKind::qa:
            break;
    }
    return question;
}

json::object answer_json(const domain::live::AnswerValue& value) {
    json::object answer;
    if (!value.options.empty()) {
        json::array options;
        for (const int option : value.options) options.push_back(option);
        answer["options"] = std::move(options);
    }
    if (value.number) answer["number"] = *value.number;
    if (!value.words.empty()) {
        json::array words;
        for (const auto& word : value.words) words.emplace_back(word);
        answer["words"] = std::move(words);
    }
    if (!value.text.empty()) answer["text"] = value.text;
    if (value.upvote) answer["upvote"] = *value.upvote;
    return answer;
}

json::object results_json(const Room& room, const Room::Question& question,
                          const domain::live::Results& results, bool with_groups) {
    json::object object{{"question", question.record.id}, {"respondents", results.respondents}};
    if (results.average) object["average"] = *results.average;
    json::array options;
    for (const auto& option : results.options) {
        json::object row{{"label", option.label}, {"count", option.count}};
        if (results.kind == domain::live::QuestionKind::ranking) row["score"] = option.score;
        if (option.correct) row["correct"] = true;
        if (with_groups) row["by_group"] = group_counts_json(option.groups);
        options.push_back(std::move(row));
    }
    if (!options.empty()) object["options"] = std::move(options);
    json::array words;
    for (const auto& word : results.words) {
        json::object row{{"text", word.text}, {"count", word.count}};
        if (with_groups) row["by_group"] = group_counts_json(word.groups);
        words.push_back(std::move(row));
    }
    if (!words.empty()) object["words"] = std::move(words);
    json::array entries;
    for (const auto& entry : results.entries) {
        json::object row{{"id", entry.id},
                         {"text", entry.text},
                         {"votes", static_cast<std::int64_t>(entry.voters.size())}};
        if (entry.status == domain::live::Entry::Status::pending) row["pending"] = true;
        entries.push_back(std::move(row));
    }
    if (!entries.empty()) object["entries"] = std::move(entries);
    if (results.pending_entries > 0) object["pending"] = results.pending_entries;
    if (with_groups) {
        json::array names;
        for (const auto& name : room.group_names()) names.emplace_back(name);
        object["groups"] = std::move(names);
        object["respondents_by_group"] = group_counts_json(results.respondents_by_group);
    }
    object["svg"] = results_svg(room, question, results);
    return object;
}

std::string status_text(AnswerStatus status) {
    switch (status) {
        case AnswerStatus::accepted:
        case AnswerStatus::duplicate:
            return "Je antwoord is opgeslagen.";
        case AnswerStatus::filtered:
            return "Je antwoord is opgeslagen, maar dit woord tonen we niet op het scherm.";
        case AnswerStatus::invalid:
            return "Dit antwoord past niet bij de vraag. Kijk de vraag nog eens na.";
        case AnswerStatus::closed:
            return "Deze vraag is gesloten. Wacht op de volgende vraag.";
        case AnswerStatus::already_final:
            return "Bij een quiz telt je eerste antwoord.";
        case AnswerStatus::too_late:
            return "De tijd voor deze quizvraag is om.";
        case AnswerStatus::unknown_question:
            return "Deze vraag bestaat niet (meer).";
        case AnswerStatus::not_stored:
            return "Je antwoord is niet opgeslagen. Je telefoon probeert het zo opnieuw.";
    }
    return {};
}

// The status text as a JSON string, escaped once for all acknowledgements.
const std::string& status_text_json(AnswerStatus status) {
    static const auto texts = [] {
        std::array<std::string, static_cast<std::size_t>(AnswerStatus::not_stored) + 1> all;
        for (std::size_t index = 0; index < all.size(); ++index) {
            all[index] =
                json::serialize(json::string(status_text(static_cast<AnswerStatus>(index))));
        }
        return all;
    }();
    return texts[static_cast<std::size_t>(status)];
}

}  // namespace

std::optional<QuestionView> current_question_view(const Room& room, std::int64_t now_ms) {
    const auto* question = room.current_question();
    if (!question) return std::nullopt;
    QuestionView view;
    view.question = question->record;
    view.number = room.position_of(question->record.id);
    view.count = static_cast<int>(room.questions.size());
    const auto& settings = question->record.settings;
    if (settings.kind == domain::live::QuestionKind::quiz &&
        question->record.state == app::LiveQuestionState::open && question->record.opened_at_ms) {
        const std::int64_t limit = settings.time_limit_seconds * std::int64_t{1000};
        view.remaining_ms =
            std::max<std::int64_t>(0, *question->record.opened_at_ms + limit - now_ms);
    }
    return view;
}

std::string question_message(const Room& room, std::int64_t now_ms) {
    json::object message{{"type", "question"}, {"session", session_json(room)}};
    const auto view = current_question_view(room, now_ms);
    message["question"] = view ? json::value(question_json(
                                     *view, view->question.state == app::LiveQuestionState::closed))
                               : json::value(nullptr);
    return json::serialize(message);
}

std::string results_message(const Room& room) {
    const auto* question = room.current_question();
    json::object message{{"type", "results"}};
    if (!question || !question->record.results_shown) {
        message["question"] = question ? json::value(question->record.id) : json::value(nullptr);
        message["shown"] = false;
        return json::serialize(message);
    }
    auto options = room.result_options(false);
    options.by_group = false;
    options.reveal_correct = question->record.state == app::LiveQuestionState::closed;
    const auto results = question->tally.results(options);
    json::object body = results_json(room, *question, results, false);
    for (auto& [key, value] : body) message[key] = std::move(value);
    message["shown"] = true;
    return json::serialize(message);
}

std::string you_message(const Room& room, std::int64_t participant_id) {
    json::object message{{"type", "you"}, {"participant", participant_id}};
    const auto participant = room.participants.find(participant_id);
    if (participant != room.participants.end()) {
        message["group"] = participant->second.group_id == 0
                               ? json::value(nullptr)
                               : json::value(participant->second.group_id);
        message["nickname"] = participant->second.nickname;
    }
    message["score"] = room.score_of(participant_id);
    if (const auto* question = room.current_question()) {
        message["question"] = question->record.id;
        const auto answer = question->tally.answer_of(participant_id);
        message["answer"] = answer ? json::value(answer_json(*answer)) : json::value(nullptr);
        if (question->record.settings.kind == domain::live::QuestionKind::quiz) {
            message["points"] = question->tally.points_of(participant_id);
        }
    }
    return json::serialize(message);
}

std::string hello_message(const Room& room) {
    json::array groups;
    for (const auto& group : room.groups) {
        groups.push_back(json::object{{"slug", group.slug}, {"name", group.name}});
    }
    return json::serialize(
        json::object{{"type", "hello"}, {"session", session_json(room)}, {"groups", groups}});
}

std::string welcome_message(const Ticket& ticket) {
    return json::serialize(json::object{
        {"type", "welcome"}, {"participant", ticket.participant_id}, {"token", ticket.token}});
}

std::string presenter_message(const Room& room, std::int64_t now_ms) {
    json::object session = session_json(room);
    session["display_code"] = app::display_join_code(room.session.join_code);
    json::object message{{"type", "presenter"},
                         {"session", std::move(session)},
                         {"participants", static_cast<std::int64_t>(room.participants.size())},
                         {"by_group", room.by_group}};
    json::array questions;
    for (const auto& question : room.questions) {
        questions.push_back(
            json::object{{"id", question.record.id},
                         {"prompt", question.record.settings.prompt},
                         {"kind", domain::live::to_slug(question.record.settings.kind)},
                         {"state", app::to_slug(question.record.state)},
                         {"answers", question.answers}});
    }
    message["questions"] = std::move(questions);
    const auto view = current_question_view(room, now_ms);
    const auto* question = room.current_question();
    if (!view || !question) {
        message["question"] = nullptr;
        return json::serialize(message);
    }
    const bool closed = question->record.state == app::LiveQuestionState::closed;
    json::object current = question_json(*view, closed);
    current["answers"] = question->answers;
    message["question"] = std::move(current);
    auto options = room.result_options(true);
    options.reveal_correct = closed;
    message["results"] =
        results_json(room, *question, question->tally.results(options), room.by_group);
    if (question->record.settings.kind == domain::live::QuestionKind::quiz) {
        json::array leaders;
        for (const auto& row : room.leaderboard()) {
            leaders.push_back(json::object{{"name", row.name}, {"points", row.points}});
        }
        message["leaderboard"] = std::move(leaders);
    }
    return json::serialize(message);
}

// Acknowledgements are the most frequent message, one per answer, so they are written
// directly: the id is checked to be letters, digits, - and _ only, and the texts are ours.
std::string ack_message(std::string_view client_id, AnswerStatus status) {
    std::string message = R"({"type":"ack","id":")";
    message += client_id;
    message += R"(","status":")";
    message += to_slug(status);
    message += R"(","message":)";
    message += status_text_json(status);
    message += '}';
    return message;
}

std::string rejected_message(std::string_view client_id, AnswerStatus status) {
    return json::serialize(json::object{{"type", "rejected"},
                                        {"id", client_id},
                                        {"reason", to_slug(status)},
                                        {"message", status_text(status)}});
}

std::string error_message(std::string_view problem) {
    return json::serialize(json::object{{"type", "error"}, {"message", problem}});
}

std::string pong_message() { return R"({"type":"pong"})"; }

std::string results_svg(const Room& room, const Room::Question& question,
                        const domain::live::Results& results) {
    reports::LiveSvgOptions options;
    options.id = "q" + std::to_string(question.record.id);
    return reports::svg_live_results(results, question.record.settings, room.group_names(),
                                     options);
}

}  // namespace kc::live
