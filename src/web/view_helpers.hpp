#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>

#include "core/field_error.hpp"
#include "core/time.hpp"
#include "web/http_types.hpp"
#include "web/i18n.hpp"

namespace kc::web {

// Sets a text only when it is not empty. Mustache treats any string, even an empty
// one, as true in a {{#section}}, so optional texts must be left out instead.
void set_if_present(kainjow::mustache::data& values, const std::string& key,
                    const std::string& text);

// "donderdag 18 oktober 2018" / "Thursday 18 October 2018", in Amsterdam time.
std::string long_date(time::Timestamp instant, const Catalogue& texts);
// "16:00 – 18:00".
std::string time_range(time::Timestamp starts_at, time::Timestamp ends_at);

// Field errors as template data: {errors: [{field, message}], error_<field>: message}
// so that a form can show a summary at the top and each message at its field. The summary
// names each field by the text `labels`.<field> (a component's own labels, or the shared ones).
void set_field_errors(kainjow::mustache::data& values, const FieldErrors& errors,
                      const Catalogue& texts, std::string_view labels = "field");

// The JSON body of an API error: {"error": code, "message": ..., "fields": {...}}.
std::string error_json(std::string_view code, std::string_view message, const FieldErrors& errors,
                       const Catalogue& texts);
std::string_view status_code_name(int status);

// A JSON answer that no cache keeps.
Response json_text_response(int status, std::string body);

// Escapes a JSON text for embedding in an HTML <script> data block.
std::string json_for_script(std::string_view json);

}  // namespace kc::web
