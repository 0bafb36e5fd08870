#pragma once

#include <string>
#include <vector>

namespace kc {

// A rejected input field. The message is a key into the translation catalogue
// (i18n/*.json), so the web layer can show it in the user's language; `limit`
// carries a number the message may mention, such as a maximum length.
struct FieldError {
    std::string field;
    std::string message_key;
    long long limit = 0;

    bool operator==(const FieldError&) const = default;
};

using FieldErrors = std::vector<FieldError>;

}  // namespace kc
