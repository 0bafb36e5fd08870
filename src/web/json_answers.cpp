#include "web/json_answers.hpp"

#include <boost/json/serialize.hpp>

#include "web/json_body.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

Response json_response(int status, const boost::json::value& body) {
    return json_text_response(status, boost::json::serialize(body));
}

Response json_error(const Visit& visit, int status, std::string_view code,
                    const std::string& message_key, const FieldErrors& errors) {
    return json_text_response(status,
                              error_json(code, visit.text(message_key), errors, *visit.texts));
}

Response body_refusal(const Visit& visit, const std::string& problem_key) {
    const int status = problem_key == "error.json_type"        ? 415
                       : problem_key == "error.json_too_large" ? 413
                                                               : 400;
    return json_error(visit, status, status_code_name(status), problem_key);
}

std::optional<boost::json::object> read_json_body(const Visit& visit, std::string& problem_key) {
    return parse_json_object(visit.request.header("content-type").value_or(""), visit.request.body,
                             problem_key);
}

}  // namespace kc::web
