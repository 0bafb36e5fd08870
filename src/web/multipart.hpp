#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/form_data.hpp"

namespace kc::web {

// A file sent with a form. The name and type are what the sender's computer claims, to be
// checked by content before anything trusts the bytes.
struct FormFile {
    std::string field;
    std::string file_name;
    std::string content_type;
    std::string bytes;
};

// A multipart/form-data body (RFC 7578): its text fields and its files.
struct MultipartForm {
    FormData fields;
    std::vector<FormFile> files;
};

struct MultipartLimits {
    // A form has a few dozen fields; more parts than this is not a form of this site.
    static constexpr std::size_t parts = 200;
    static constexpr std::size_t header_bytes = 8 * 1024;
};

// The boundary of a "multipart/form-data; boundary=..." Content-Type, or nullopt for
// another type or a missing or malformed boundary.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Parses a multipart/form-data body; nullopt when it is malformed (no closing delimiter,
// a part without a name, too many parts, headers too long). A part with a `filename`
// parameter is a file, even an empty one (a file input left empty sends one).
std::optional<MultipartForm> parse_multipart(std::string_view content_type, std::string_view body);

}  // namespace kc::web
