#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "live/engine.hpp"
#include "live/room.hpp"

// The JSON the server sends (docs/live.md), built from a room under its lock. Broadcast
// messages are built once and shared by every outlet.
namespace kc::live {

std::optional<QuestionView> current_question_view(const Room& room, std::int64_t now_ms);

// Shared by all phones of a session: the session and the question on the screen.
std::string question_message(const Room& room, std::int64_t now_ms);
// Shared by all phones while results are shown.
std::string results_message(const Room& room);
// One phone: who they are and what they answered to the current question.
std::string you_message(const Room& room, std::int64_t participant_id);
// A phone that has not joined yet: the session and the groups to choose from.
std::string hello_message(const Room& room);
std::string welcome_message(const Ticket& ticket);
// Presenter screens: everything, including answers waiting for approval.
std::string presenter_message(const Room& room, std::int64_t now_ms);

std::string ack_message(std::string_view client_id, AnswerStatus status);
std::string rejected_message(std::string_view client_id, AnswerStatus status);
std::string error_message(std::string_view problem);
std::string pong_message();

// The results of a question as SVG, the same picture on the beamer, the phone and in the
// report. Empty for open questions and Q&A, which are lists.
std::string results_svg(const Room& room, const Room::Question& question,
                        const domain::live::Results& results);

}  // namespace kc::live
