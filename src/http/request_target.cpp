#include "http/request_target.hpp"

#include "web/form_data.hpp"

namespace kc::http {

std::optional<RequestTarget> parse_request_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return std::nullopt;

    const auto query_start = target.find('?');
    RequestTarget result;
    if (query_start != std::string_view::npos) result.query = target.substr(query_start + 1);

    // In a path '+' is a plus sign, not a space; a NUL byte is never a valid path.
    auto path = web::percent_decode(target.substr(0, query_start), false);
    if (!path || path->find('\0') != std::string::npos) return std::nullopt;
    result.path = std::move(*path);
    return result;
}

}  // namespace kc::http
