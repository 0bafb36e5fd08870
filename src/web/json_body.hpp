#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/field_error.hpp"
#include "core/validation.hpp"

namespace kc::web {

// Limits on a JSON request body. The largest valid body (an event with every text at its
// limit, about 6,800 characters, each written as a 12-byte surrogate-pair escape) is 82 KiB;
// the API's objects are flat, so a few levels of nesting leave room for lists of objects.
struct JsonBodyLimits {
    static constexpr std::size_t bytes = 128 * 1024;
    static constexpr std::size_t depth = 8;
};

// Reads a request body that must be one JSON object sent as application/json. Otherwise
// returns nullopt and puts the reason, a key into the translation catalogue, in
// `problem_key`: "error.json_type" (another Content-Type), "error.json_too_large" (over
// JsonBodyLimits::bytes) or "error.bad_json" (not JSON, not an object, nested deeper than
// JsonBodyLimits::depth, text that is not UTF-8, or a number too large for a double).
std::optional<boost::json::object> parse_json_object(std::string_view content_type,
                                                     std::string_view body,
                                                     std::string& problem_key);

// A member that must be a string when present; null counts as absent. When it is absent but
// required, adds "error.required" for the field to `errors`; when it is of another type,
// "error.not_text". Returns the empty string in both cases.
std::string string_member(const boost::json::object& object, std::string_view name,
                          validation::Presence presence, FieldErrors& errors);

}  // namespace kc::web
