#include "core/validation.hpp"

#include <string>

#include "core/text.hpp"

namespace kc::validation {

void check_text(FieldErrors& errors, std::string_view field, std::string_view value,
                Presence presence, std::size_t max_code_points, Lines lines) {
    if (!text::is_clean_utf8(value, lines == Lines::multiple)) {
        errors.push_back({std::string(field), "error.invalid_text"});
    } else if (presence == Presence::required && text::trim(value).empty()) {
        errors.push_back({std::string(field), "error.required"});
    } else if (text::code_point_count(value) > max_code_points) {
        errors.push_back(
            {std::string(field), "error.too_long", static_cast<long long>(max_code_points)});
    }
}

}  // namespace kc::validation
