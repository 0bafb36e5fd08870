#include "app/demo_live.hpp"

#include <array>
#include <map>
#include <stdexcept>

#include "app/live.hpp"
#include "app/security.hpp"

namespace kc::app {

namespace {

using domain::live::AnswerValue;
using domain::live::QuestionKind;

// Group order of domain::default_stakeholder_groups(): municipality, practice, residents,
// teachers, students, social entrepreneurs, market, professional bodies, other.
constexpr std::size_t group_count = 9;

// What the visitors of each group answer, in turn: the first visitor of a group gives its
// first answer, the next one the second, and so on round. A statement's answer is its level
// (1 = strongly disagree … 5 = strongly agree); a word cloud's is its words, comma-separated.
struct DemoQuestion {
    QuestionKind kind;
    const char* prompt;
    std::array<std::vector<const char*>, group_count> answers;
};

struct DemoSession {
    const char* cafe;
    const char* title;
    std::vector<DemoQuestion> questions;
};

std::vector<DemoSession> demo_sessions() {
    return {
        {"Samenwerking mbo en hbo in de (wijk)praktijk",
         "Stellingen",
         {{QuestionKind::statement,
           "Stages zouden vaker samen moeten: een mbo- en een hbo-student in één wijk.",
           {{{"4", "3"},
             {"4", "4", "5", "3", "4", "2"},
             {"5"},
             {"4", "3", "4", "2", "4", "5", "3", "4"},
             {"5", "5", "4", "5", "5", "4", "5", "3"},
             {"4"},
             {"3"},
             {"3"},
             {"4"}}}},
          {QuestionKind::statement,
           "In een wijkteam is duidelijk wie wat doet.",
           {{{"4", "4"},
             {"2", "2", "1", "3", "2", "2"},
             {"2"},
             {"3", "2", "3", "3", "2", "4", "3", "2"},
             {"3", "4", "3", "3", "2", "3", "4", "3"},
             {"2"},
             {"3"},
             {"2"},
             {"3"}}}}}},
        {"Voorkomen huisuitzettingen",
         "Woordwolk en stelling",
         {{QuestionKind::word_cloud,
           "Waar denk je aan bij een huisuitzetting?",
           {{{"schulden,kosten", "preventie,schulden", "Schulden,vroeg signaleren", "maatwerk",
              "kosten,kinderen"},
             {"schaamte,kinderen", "stress", "schulden,schaamte", "kinderen,opvang", "Schaamte",
              "stress,schulden"},
             {"angst,schaamte", "brieven,angst", "kinderen"},
             {"armoede", "schulden,armoede", "stress"},
             {"dakloos,schulden", "kinderen", "stress,angst"},
             {"schulden"},
             {"huurachterstand"},
             {},
             {}}}},
          {QuestionKind::statement,
           "Bij twee maanden huurachterstand hoort een huisbezoek, geen brief.",
           {{{"4", "3", "4", "2", "4"},
             {"5", "4", "5", "5", "4", "4"},
             {"5", "5", "4"},
             {"4", "4", "5"},
             {"5", "4", "5"},
             {"4"},
             {"2"},
             {},
             {}}}}}},
    };
}

AnswerValue answer_value(QuestionKind kind, std::string_view text) {
    AnswerValue value;
    if (kind == QuestionKind::statement) {
        value.number = text.front() - '0';
        return value;
    }
    while (!text.empty()) {
        const auto comma = text.find(',');
        value.words.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return value;
}

// The ended session of one café: its questions closed with their results shown, and one
// participant per visitor who was present, answering every question.
void load_session(Transaction& tx, const EventScope& scope, const domain::Event& event,
                  const DemoSession& demo, const std::vector<domain::StakeholderGroup>& groups,
                  time::Timestamp now) {
    const auto created = create_live_session(tx, scope, demo.title, now);
    if (created.status != LiveStatus::done) {
        throw std::logic_error(std::string("demo live session refused: ") + demo.cafe);
    }
    for (const auto& question : demo.questions) {
        domain::live::QuestionSettings settings;
        settings.kind = question.kind;
        settings.prompt = question.prompt;
        if (save_live_question(tx, scope, created.id, std::nullopt, settings).status !=
            LiveStatus::done) {
            throw std::logic_error(std::string("demo live question refused: ") + question.prompt);
        }
    }
    const std::int64_t opened_ms = event.details.starts_at * 1000;
    auto questions = tx.live_questions(created.id);
    for (auto& question : questions) {
        question.state = LiveQuestionState::closed;
        question.opened_at_ms = opened_ms;
        question.results_shown = true;
        tx.update_live_question(question);
    }
    auto session = *tx.live_session(created.id);
    session.state = LiveSessionState::ended;
    tx.update_live_session(session, now);

    std::map<std::int64_t, std::size_t> position_of_group;
    for (std::size_t position = 0; position < groups.size(); ++position) {
        position_of_group[groups[position].id] = position;
    }
    std::vector<LiveParticipant> participants;
    std::vector<LiveAnswer> answers;
    std::int64_t participant_id = tx.max_live_participant_id();
    std::int64_t answer_id = tx.max_live_answer_id();
    std::array<std::size_t, group_count> seen{};
    for (const auto& registration : tx.registrations(event.id)) {
        if (registration.attendance != domain::Attendance::checked_in) continue;
        const auto found = position_of_group.find(registration.form.group_id);
        if (found == position_of_group.end() || found->second >= group_count) continue;
        const std::size_t group = found->second;
        const std::size_t turn = seen[group]++;
        LiveParticipant participant;
        participant.id = ++participant_id;
        participant.session_id = created.id;
        participant.token_hash = security::token_digest(security::random_token());
        participant.group_id = registration.form.group_id;
        participant.registration_id = registration.id;
        participant.joined_at = event.details.starts_at;
        participants.push_back(participant);
        for (std::size_t q = 0; q < questions.size() && q < demo.questions.size(); ++q) {
            const auto& given = demo.questions[q].answers[group];
            if (given.empty()) continue;
            LiveAnswer answer;
            answer.id = ++answer_id;
            answer.question_id = questions[q].id;
            answer.participant_id = participant.id;
            answer.group_id = participant.group_id;
            answer.client_id = "demo-" + std::to_string(questions[q].id);
            answer.value = answer_value(questions[q].settings.kind, given[turn % given.size()]);
            answer.elapsed_ms = 4000 + static_cast<std::int64_t>(answers.size() % 20) * 900;
            answer.received_at = event.details.starts_at;
            answers.push_back(std::move(answer));
        }
    }
    tx.insert_live_participants(participants);
    tx.insert_live_answers(answers);
}

}  // namespace

void load_demo_live_results(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now) {
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    const auto events = tx.events(filter);
    const auto groups = tx.groups(werkplaats_id);
    for (const auto& demo : demo_sessions()) {
        for (const auto& event : events) {
            if (event.details.title != demo.cafe) continue;
            load_session(tx, {werkplaats_id, event.id}, event, demo, groups, now);
        }
    }
}

}  // namespace kc::app
