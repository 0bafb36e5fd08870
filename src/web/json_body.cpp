#include "web/json_body.hpp"

#include <boost/json/parse.hpp>
#include <cmath>

namespace kc::web {

namespace json = boost::json;

namespace {

// Boost.JSON reads a number beyond the range of a double (1e400) as infinity, which has no
// JSON form: serialised again it becomes "Infinity", which no JSON parser reads back.
bool has_only_finite_numbers(const json::value& value) {
    switch (value.kind()) {
        case json::kind::double_:
            return std::isfinite(value.get_double());
        case json::kind::array:
            for (const json::value& element : value.get_array()) {
                if (!has_only_finite_numbers(element)) return false;
            }
            return true;
        case json::kind::object:
            for (const auto& member : value.get_object()) {
                if (!has_only_finite_numbers(member.value())) return false;
            }
            return true;
        default:
            return true;
    }
}

}  // namespace

std::optional<json::object> parse_json_object(std::string_view content_type, std::string_view body,
                                              std::string& problem_key) {
    if (!content_type.starts_with("application/json")) {
        problem_key = "error.json_type";
        return std::nullopt;
    }
    if (body.size() > JsonBodyLimits::bytes) {
        problem_key = "error.json_too_large";
        return std::nullopt;
    }
    json::parse_options options;
    options.max_depth = JsonBodyLimits::depth;
    boost::system::error_code error;
    json::value value = json::parse(body, error, {}, options);
    if (error || !value.is_object() || !has_only_finite_numbers(value)) {
        problem_key = "error.bad_json";
        return std::nullopt;
    }
    return std::move(value.get_object());
}

std::string string_member(const json::object& object, std::string_view name,
                          validation::Presence presence, FieldErrors& errors) {
    const json::value* value = object.if_contains(name);
    if (!value || value->is_null()) {
        if (presence == validation::Presence::required) {
            errors.push_back({std::string(name), "error.required"});
        }
        return {};
    }
    if (!value->is_string()) {
        errors.push_back({std::string(name), "error.not_text"});
        return {};
    }
    return std::string(value->get_string());
}

}  // namespace kc::web
