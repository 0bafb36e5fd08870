#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::http {

// The origin-form request target of an HTTP request ("/events/3?view=list") taken apart.
struct RequestTarget {
    std::string path;   // percent-decoded, e.g. "/events/caf\xc3\xa9"
    std::string query;  // raw, without the '?'
};

// Splits and decodes a request target. Returns nullopt when the target is not in origin
// form, contains an invalid percent escape, or decodes to a NUL byte, so that handlers can
// rely on a clean path.
std::optional<RequestTarget> parse_request_target(std::string_view target);

}  // namespace kc::http
