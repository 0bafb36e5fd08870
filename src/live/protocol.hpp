#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/live_question.hpp"

// The messages a phone sends over its channel (docs/live.md), parsed from JSON. Everything
// the server sends is built in engine.cpp, once per broadcast.
namespace kc::live {

struct JoinMessage {
    std::string group;  // a group's slug, or empty
    std::string nickname;
};
struct GroupMessage {
    std::string group;
};
struct AnswerMessage {
    std::string client_id;  // 1 to 64 characters of A-Z a-z 0-9 _ -
    std::int64_t question_id = 0;
    domain::live::AnswerValue value;
};
struct PingMessage {};

using ClientMessage = std::variant<JoinMessage, GroupMessage, AnswerMessage, PingMessage>;

struct ProtocolLimits {
    static constexpr std::size_t message_bytes = 8 * 1024;
    static constexpr std::size_t client_id = 64;
};

// The message, or nullopt when it is not valid JSON, too large, or not one of the above;
// `problem` then says why, in Dutch, for the error message to the phone.
std::optional<ClientMessage> parse_client_message(std::string_view text, std::string& problem);

// An answer from its JSON object ({"id", "question", "value"}, the "type" aside): the
// channel's "answer" message and the body of the JSON fallback route alike.
std::optional<AnswerMessage> parse_answer(const boost::json::object& object, std::string& problem);

bool is_valid_client_id(std::string_view id);

}  // namespace kc::live
