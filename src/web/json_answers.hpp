#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/field_error.hpp"
#include "web/http_types.hpp"
#include "web/visit.hpp"

// Answers of the JSON API, shared by every component that has API routes.
namespace kc::web {

// A JSON answer that no cache keeps.
Response json_response(int status, const boost::json::value& body);

// {"error": code, "message": ..., "fields": {...}} in the visitor's language.
Response json_error(const Visit& visit, int status, std::string_view code,
                    const std::string& message_key, const FieldErrors& errors = {});

// The request body as one JSON object (see parse_json_object), or nullopt with the reason.
std::optional<boost::json::object> read_json_body(const Visit& visit, std::string& problem_key);

// The answer to a body that is not a JSON object the API can read: 415, 413 or 400.
Response body_refusal(const Visit& visit, const std::string& problem_key);

}  // namespace kc::web
