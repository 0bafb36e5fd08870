// JSON request bodies of the API (POST /api/v1/events, POST /api/v1/events/{id}/registrations).
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <string>

#include "fuzz_support.hpp"
#include "web/json_body.hpp"

using kc::fuzz::require;
using kc::validation::Presence;

namespace {

// The members the API reads, and one it never does.
constexpr std::string_view member_names[] = {
    "title",         "theme",           "description",  "location",    "address", "type",
    "starts_at",     "ends_at",         "name",         "email",       "group",   "dietary",
    "accessibility", "consent_contact", "organisation", "not_a_field",
};

void check_members(const boost::json::object& object) {
    for (const std::string_view name : member_names) {
        for (const Presence presence : {Presence::required, Presence::optional}) {
            kc::FieldErrors errors;
            const std::string value = kc::web::string_member(object, name, presence, errors);
            const auto* member = object.if_contains(name);
            const bool is_string = member && member->is_string();
            require(errors.size() <= 1, "at most one error per member");
            require(is_string == (errors.empty() && member && !member->is_null()),
                    "a member that is present gives its text or an error");
            require(!is_string || value == member->get_string(), "a string member is its text");
            require(is_string || value.empty(), "a member that is not a string gives no text");
            require(errors.empty() || errors.front().field == name, "the error names the member");
        }
    }
}

// Equal, except that doubles may differ in the last bits: Boost.JSON 1.81 reads decimal numbers
// only nearly exactly (1802657434310084130737 and its shortest form 1.8026574343100841E21 read
// one unit in the last place apart); the API reads no doubles.
bool nearly_equal(const boost::json::value& a, const boost::json::value& b) {
    if (a.is_double() && b.is_double()) {
        const double x = a.get_double();
        const double y = b.get_double();
        return x == y || std::abs(x - y) <= 1e-15 * std::max(std::abs(x), std::abs(y));
    }
    if (a.kind() != b.kind()) return false;
    if (a.is_array()) {
        const auto& left = a.get_array();
        const auto& right = b.get_array();
        if (left.size() != right.size()) return false;
        for (std::size_t i = 0; i < left.size(); ++i) {
            if (!nearly_equal(left[i], right[i])) return false;
        }
        return true;
    }
    if (a.is_object()) {
        const auto& left = a.get_object();
        const auto& right = b.get_object();
        if (left.size() != right.size()) return false;
        for (const auto& member : left) {
            const auto* other = right.if_contains(member.key());
            if (!other || !nearly_equal(member.value(), *other)) return false;
        }
        return true;
    }
    return a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = kc::fuzz::as_text(data, size);
    std::string problem;

    // The input as Content-Type header.
    const bool json_type = kc::web::parse_json_object(text, "{}", problem).has_value();
    require(json_type == text.starts_with("application/json"),
            "only application/json is read as JSON");

    // The input as body.
    problem.clear();
    const auto object = kc::web::parse_json_object("application/json", text, problem);
    require(object.has_value() == problem.empty(), "a body is read or has a problem, not both");
    if (!object) {
        require(problem == "error.bad_json" || problem == "error.json_too_large",
                "a body that cannot be read says why");
        return 0;
    }
    require(text.size() <= kc::web::JsonBodyLimits::bytes, "no body over the size limit");
    check_members(*object);

    // What was read serialises to JSON that reads back as the same object.
    boost::json::parse_options options;
    options.max_depth = kc::web::JsonBodyLimits::depth;
    boost::system::error_code error;
    const boost::json::value again =
        boost::json::parse(boost::json::serialize(*object), error, {}, options);
    require(!error && nearly_equal(again, *object), "parse(serialize(object)) == object");
    return 0;
}
