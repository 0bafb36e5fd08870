#include "web/json_body.hpp"

#include <boost/json/parse.hpp>

namespace kc::web {

namespace json = boost::json;

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
    if (error || !value.is_object()) {
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
