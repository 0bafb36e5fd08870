#include "http/request_target.hpp"

namespace kc::http {

namespace {

int hex_digit_value(char digit) {
    if (digit >= '0' && digit <= '9') return digit - '0';
    if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
    if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<RequestTarget> parse_request_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return std::nullopt;

    const auto query_start = target.find('?');
    const std::string_view encoded_path = target.substr(0, query_start);

    RequestTarget result;
    if (query_start != std::string_view::npos) result.query = target.substr(query_start + 1);

    result.path.reserve(encoded_path.size());
    for (std::size_t index = 0; index < encoded_path.size(); ++index) {
        const char character = encoded_path[index];
        if (character != '%') {
            result.path.push_back(character);
            continue;
        }
        if (index + 2 >= encoded_path.size()) return std::nullopt;
        const int high = hex_digit_value(encoded_path[index + 1]);
        const int low = hex_digit_value(encoded_path[index + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        const char decoded = static_cast<char>(high * 16 + low);
        if (decoded == '\0') return std::nullopt;
        result.path.push_back(decoded);
        index += 2;
    }
    return result;
}

}  // namespace kc::http
