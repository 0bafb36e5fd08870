#include "web/router.hpp"

#include "core/text.hpp"

namespace kc::web {

std::string PathParams::get(std::string_view name) const {
    for (const auto& [key, value] : values_) {
        if (key == name) return value;
    }
    return {};
}

std::int64_t PathParams::id(std::string_view name) const {
    return text::parse_integer(get(name), 1, INT64_MAX).value_or(0);
}

bool match_path_pattern(std::string_view pattern, std::string_view path, PathParams& params) {
    std::size_t p = 0;
    std::size_t s = 0;
    while (p < pattern.size()) {
        if (pattern[p] == '{') {
            const auto close = pattern.find('}', p);
            const std::string_view name = pattern.substr(p + 1, close - p - 1);
            // The parameter runs to the next '/' or to the pattern's fixed suffix.
            const std::string_view rest = pattern.substr(close + 1);
            const auto next_slash = rest.find('/');
            const std::string_view suffix = rest.substr(0, next_slash);
            std::size_t end = path.find('/', s);
            if (end == std::string_view::npos) end = path.size();
            if (suffix.size() > end - s) return false;
            if (!suffix.empty()) {
                if (path.substr(end - suffix.size(), suffix.size()) != suffix) return false;
                end -= suffix.size();
            }
            if (end == s) return false;
            params.add(std::string(name), std::string(path.substr(s, end - s)));
            s = end + suffix.size();
            p = close + 1 + suffix.size();
        } else {
            if (s >= path.size() || path[s] != pattern[p]) return false;
            ++p;
            ++s;
        }
    }
    return s == path.size();
}

}  // namespace kc::web
