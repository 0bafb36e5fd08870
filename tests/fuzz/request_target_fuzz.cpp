// The request target of every HTTP request ("/events/3?view=list"), straight from the client.
#include <string>

#include "fuzz_support.hpp"
#include "http/request_target.hpp"
#include "web/form_data.hpp"

using kc::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view target = kc::fuzz::as_text(data, size);
    const auto parsed = kc::http::parse_request_target(target);
    if (!parsed) return 0;

    require(target.front() == '/', "only targets in origin form are accepted");
    require(!parsed->path.empty() && parsed->path.front() == '/', "the path starts with '/'");
    require(parsed->path.find('\0') == std::string::npos, "the path holds no NUL byte");
    const auto query_start = target.find('?');
    require(parsed->query ==
                (query_start == std::string_view::npos ? "" : target.substr(query_start + 1)),
            "the query is the raw text after the first '?'");

    // Encoding the decoded path gives a target that decodes to the same path.
    const std::string encoded = "/" + kc::web::percent_encode(parsed->path.substr(1));
    const auto again = kc::http::parse_request_target(encoded);
    require(again && again->path == parsed->path && again->query.empty(),
            "an encoded path reads back unchanged");
    return 0;
}
