#pragma once

#include <string>

#include "core/field_error.hpp"

namespace kc::test_support {

// Whether a validation refused `field` with the message `key`: the unit tests of every
// domain part check their FieldErrors this way.
inline bool has_error(const FieldErrors& errors, const std::string& field, const std::string& key) {
    for (const auto& error : errors) {
        if (error.field == field && error.message_key == key) return true;
    }
    return false;
}

}  // namespace kc::test_support
