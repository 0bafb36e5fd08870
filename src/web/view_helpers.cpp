#include "web/view_helpers.hpp"

#include <boost/json.hpp>
#include <cstdio>

namespace kc::web {

using kainjow::mustache::data;

void set_if_present(data& values, const std::string& key, const std::string& text) {
    if (!text.empty()) values.set(key, text);
}

std::string long_date(time::Timestamp instant, const Catalogue& texts) {
    const auto local = time::to_amsterdam(instant);
    const int day_of_week = time::weekday(instant, time::amsterdam_offset_seconds(instant));
    return texts.text("date.weekday_" + std::to_string(day_of_week)) + " " +
           std::to_string(local.day) + " " +
           texts.text("date.month_" + std::to_string(local.month)) + " " +
           std::to_string(local.year);
}

std::string time_range(time::Timestamp starts_at, time::Timestamp ends_at) {
    return time::format_time_input(starts_at) + " – " + time::format_time_input(ends_at);
}

void set_field_errors(data& values, const FieldErrors& errors, const Catalogue& texts,
                      std::string_view labels) {
    data list(data::type::list);
    for (const auto& error : errors) {
        const std::string message = texts.text(error.message_key, error.limit);
        std::string field_id = error.field;
        for (char& c : field_id) {
            if (c == '[' || c == ']' || c == '.') c = '_';
        }
        data item(data::type::object);
        item.set("field", field_id);
        item.set("label", texts.text(std::string(labels) + "." +
                                     error.field.substr(0, error.field.find('['))));
        item.set("message", message);
        list.push_back(item);
        values.set("error_" + field_id, message);
    }
    values.set("errors", list);
    values.set("has_errors", !errors.empty());
}

std::string error_json(std::string_view code, std::string_view message, const FieldErrors& errors,
                       const Catalogue& texts) {
    boost::json::object body;
    body["error"] = code;
    body["message"] = message;
    if (!errors.empty()) {
        boost::json::object fields;
        for (const auto& error : errors)
            fields[error.field] = texts.text(error.message_key, error.limit);
        body["fields"] = std::move(fields);
    }
    return boost::json::serialize(body);
}

std::string_view status_code_name(int status) {
    switch (status) {
        case 400:
            return "bad_request";
        case 401:
            return "unauthorized";
        case 403:
            return "forbidden";
        case 404:
            return "not_found";
        case 405:
            return "method_not_allowed";
        case 409:
            return "conflict";
        case 410:
            return "gone";
        case 413:
            return "too_large";
        case 415:
            return "unsupported_media_type";
        case 422:
            return "invalid";
        case 503:
            return "service_unavailable";
        default:
            return "internal_error";
    }
}

Response json_text_response(int status, std::string body) {
    Response response;
    response.status = status;
    response.content_type = "application/json";
    response.body = std::move(body);
    response.add_header("Cache-Control", "no-store");
    return response;
}

std::string json_for_script(std::string_view json) {
    std::string escaped;
    escaped.reserve(json.size());
    for (const char c : json) {
        if (c == '<') {
            escaped += "\\u003c";
        } else if (c == '>') {
            escaped += "\\u003e";
        } else if (c == '&') {
            escaped += "\\u0026";
        } else {
            escaped.push_back(c);
        }
    }
    return escaped;
}

}  // namespace kc::web
