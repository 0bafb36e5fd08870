#include "storage/sqlite/lines.hpp"

namespace kc::storage::sqlite {

namespace {
constexpr char line_separator = '\n';
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string joined;
    for (const auto& line : lines) {
        if (!joined.empty()) joined += line_separator;
        joined += line;
    }
    return joined;
}

std::vector<std::string> split_lines(const std::string& joined) {
    std::vector<std::string> lines;
    if (joined.empty()) return lines;
    std::size_t start = 0;
    for (;;) {
        const auto end = joined.find(line_separator, start);
        lines.push_back(joined.substr(start, end - start));
        if (end == std::string::npos) return lines;
        start = end + 1;
    }
}

}  // namespace kc::storage::sqlite
