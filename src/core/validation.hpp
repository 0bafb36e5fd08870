#pragma once

#include <cstddef>
#include <string_view>

#include "core/field_error.hpp"

namespace kc::validation {

enum class Presence { required, optional };
enum class Lines { single, multiple };

// Adds an error for `field` when the text is missing though required, is not clean
// UTF-8, or is longer than `max_code_points`. Messages: "error.required",
// "error.invalid_text", "error.too_long" (with the limit).
void check_text(FieldErrors& errors, std::string_view field, std::string_view value,
                Presence presence, std::size_t max_code_points, Lines lines = Lines::single);

}  // namespace kc::validation
