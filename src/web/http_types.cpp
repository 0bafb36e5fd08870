#include "web/http_types.hpp"

namespace kc::web {

std::optional<std::string_view> Request::header(std::string_view name) const {
    // A request has a handful of headers, so a linear scan beats building an index.
    for (const auto& [header_name, value] : headers) {
        if (header_name == name) return std::string_view(value);
    }
    return std::nullopt;
}

}  // namespace kc::web
