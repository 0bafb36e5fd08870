#include "live/protocol.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace kc::live {

namespace json = boost::json;

namespace {

constexpr std::size_t max_list = 32;

std::string string_member(const json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (!value || !value->is_string()) return {};
    return std::string(value->get_string());
}

std::optional<std::int64_t> integer_member(const json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (!value) return std::nullopt;
    if (value->is_int64()) return value->get_int64();
    if (value->is_uint64() && value->get_uint64() <= INT64_MAX) {
        return static_cast<std::int64_t>(value->get_uint64());
    }
    return std::nullopt;
}

std::optional<domain::live::AnswerValue> answer_value_of(const json::object& object) {
    domain::live::AnswerValue value;
    bool known = false;
    if (const auto* options = object.if_contains("options")) {
        if (!options->is_array() || options->get_array().size() > max_list) return std::nullopt;
        for (const auto& option : options->get_array()) {
            if (!option.is_int64() || option.get_int64() < 0 || option.get_int64() > 1000) {
                return std::nullopt;
            }
            value.options.push_back(static_cast<int>(option.get_int64()));
        }
        known = true;
    }
    if (const auto number = integer_member(object, "number")) {
        if (*number < -1000000 || *number > 1000000) return std::nullopt;
        value.number = static_cast<int>(*number);
        known = true;
    }
    if (const auto* words = object.if_contains("words")) {
        if (!words->is_array() || words->get_array().size() > max_list) return std::nullopt;
        for (const auto& word : words->get_array()) {
            if (!word.is_string()) return std::nullopt;
            value.words.emplace_back(word.get_string());
        }
        known = true;
    }
    if (const auto* text = object.if_contains("text")) {
        if (!text->is_string()) return std::nullopt;
        value.text = std::string(text->get_string());
        known = true;
    }
    if (const auto upvote = integer_member(object, "upvote")) {
        value.upvote = *upvote;
        known = true;
    }
    if (!known) return std::nullopt;
    return value;
}

}  // namespace

bool is_valid_client_id(std::string_view id) {
    if (id.empty() || id.size() > ProtocolLimits::client_id) return false;
    for (const char character : id) {
        const bool allowed =
            (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
            (character >= '0' && character <= '9') || character == '_' || character == '-';
        if (!allowed) return false;
    }
    return true;
}

std::optional<AnswerMessage> parse_answer(const json::object& object, std::string& problem) {
    AnswerMessage answer;
    answer.client_id = string_member(object, "id");
    if (!is_valid_client_id(answer.client_id)) {
        problem = "Een antwoord heeft een id van 1 tot 64 letters, cijfers, - of _.";
        return std::nullopt;
    }
    const auto question = integer_member(object, "question");
    const auto* value = object.if_contains("value");
    auto parsed_value =
        value && value->is_object() ? answer_value_of(value->get_object()) : std::nullopt;
    if (!question || !parsed_value) {
        problem = "Een antwoord noemt de vraag (question) en het antwoord (value).";
        return std::nullopt;
    }
    answer.question_id = *question;
    answer.value = std::move(*parsed_value);
    return answer;
}

std::optional<ClientMessage> parse_client_message(std::string_view text, std::string& problem) {
    if (text.size() > ProtocolLimits::message_bytes) {
        problem = "Het bericht is te groot.";
        return std::nullopt;
    }
    // A message is small: parsing into a buffer on the stack spares the heap, once per answer.
    unsigned char buffer[4096];
    json::monotonic_resource memory(buffer, sizeof buffer);
    boost::system::error_code error;
    const json::value parsed = json::parse(text, error, &memory);
    if (error || !parsed.is_object()) {
        problem = "Het bericht is geen geldig JSON-object.";
        return std::nullopt;
    }
    const json::object& object = parsed.get_object();
    const std::string type = string_member(object, "type");
    if (type == "answer") {
        if (auto answer = parse_answer(object, problem)) return std::move(*answer);
        return std::nullopt;
    }
    if (type == "join")
        return JoinMessage{string_member(object, "group"), string_member(object, "nickname")};
    if (type == "group") return GroupMessage{string_member(object, "group")};
    if (type == "ping") return PingMessage{};
    problem = "Onbekend soort bericht.";
    return std::nullopt;
}

}  // namespace kc::live
