#pragma once

#include <string_view>

namespace kc::bench {

// The value of a string member such as "type" or "id" in one of the flat messages of
// docs/live.md, found by text instead of a JSON parser: the load generator and the baseline
// handle a message per answer, and these values hold no escaped quotes by the protocol.
inline std::string_view string_member(std::string_view message, std::string_view name) {
    const auto key = message.find(name);
    if (key == std::string_view::npos || key == 0 || message[key - 1] != '"') return {};
    const std::string_view separator = "\":\"";
    const auto begin = key + name.size() + separator.size();
    if (message.substr(key + name.size(), separator.size()) != separator) return {};
    const auto end = message.find('"', begin);
    return end == std::string_view::npos ? std::string_view{} : message.substr(begin, end - begin);
}

}  // namespace kc::bench
