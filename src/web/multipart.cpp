#include "web/multipart.hpp"

#include "core/text.hpp"

namespace kc::web {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return text::ascii_lower(a) == text::ascii_lower(b);
}

// The value of a `name=value` or `name="value"` parameter of a header such as
// `form-data; name="title"; filename="a.pdf"`, or nullopt when it is absent.
std::optional<std::string> header_parameter(std::string_view header, std::string_view name) {
    std::size_t at = header.find(';');
    while (at != std::string_view::npos) {
        ++at;
        while (at < header.size() && (header[at] == ' ' || header[at] == '\t')) ++at;
        const auto equals = header.find('=', at);
        if (equals == std::string_view::npos) return std::nullopt;
        const auto key = text::trim(header.substr(at, equals - at));
        std::string value;
        std::size_t end = equals + 1;
        if (end < header.size() && header[end] == '"') {
            // Browsers write a quote in a name as %22 and never escape with a backslash, so
            // the value simply runs to the next quote.
            const auto close = header.find('"', end + 1);
            if (close == std::string_view::npos) return std::nullopt;
            value = header.substr(end + 1, close - end - 1);
            end = header.find(';', close);
        } else {
            end = header.find(';', end);
            value = text::trim(header.substr(equals + 1, end == std::string_view::npos
                                                             ? std::string_view::npos
                                                             : end - equals - 1));
        }
        if (equals_ignoring_case(key, name)) return value;
        at = end;
    }
    return std::nullopt;
}

struct PartHeaders {
    std::string disposition;
    std::string content_type;
};

std::optional<PartHeaders> read_part_headers(std::string_view block) {
    PartHeaders headers;
    std::size_t at = 0;
    while (at < block.size()) {
        auto end = block.find("\r\n", at);
        if (end == std::string_view::npos) end = block.size();
        const auto line = block.substr(at, end - at);
        at = end + 2;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const auto name = text::trim(line.substr(0, colon));
        const auto value = text::trim(line.substr(colon + 1));
        if (equals_ignoring_case(name, "content-disposition")) {
            headers.disposition = value;
        } else if (equals_ignoring_case(name, "content-type")) {
            headers.content_type = value;
        }
    }
    return headers;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    if (!equals_ignoring_case(text::trim(content_type.substr(0, semicolon)),
                              "multipart/form-data")) {
        return std::nullopt;
    }
    auto boundary = header_parameter(content_type, "boundary");
    // RFC 2046: one to seventy characters.
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    return boundary;
}

std::optional<MultipartForm> parse_multipart(std::string_view content_type, std::string_view body) {
    const auto boundary = multipart_boundary(content_type);
    if (!boundary) return std::nullopt;
    const std::string delimiter = "--" + *boundary;
    const std::string next_delimiter = "\r\n" + delimiter;

    // Anything before the first delimiter is a preamble, which carries nothing.
    std::size_t at = body.starts_with(delimiter) ? 0 : body.find(next_delimiter);
    if (at == std::string_view::npos) return std::nullopt;
    at += body.starts_with(delimiter) ? delimiter.size() : next_delimiter.size();

    MultipartForm form;
    for (std::size_t parts = 0;; ++parts) {
        if (body.substr(at).starts_with("--")) return form;  // the closing delimiter
        if (parts == MultipartLimits::parts || !body.substr(at).starts_with("\r\n")) {
            return std::nullopt;
        }
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos ||
            headers_end - at > MultipartLimits::header_bytes) {
            return std::nullopt;
        }
        const auto headers = read_part_headers(body.substr(at, headers_end - at));
        if (!headers) return std::nullopt;
        const auto content_start = headers_end + 4;
        const auto content_end = body.find(next_delimiter, content_start);
        if (content_end == std::string_view::npos) return std::nullopt;
        const auto content = body.substr(content_start, content_end - content_start);
        at = content_end + next_delimiter.size();

        const auto disposition_type = text::trim(
            std::string_view(headers->disposition).substr(0, headers->disposition.find(';')));
        if (!equals_ignoring_case(disposition_type, "form-data")) return std::nullopt;
        auto name = header_parameter(headers->disposition, "name");
        if (!name || name->empty()) return std::nullopt;
        if (auto file_name = header_parameter(headers->disposition, "filename")) {
            form.files.push_back({std::move(*name), std::move(*file_name), headers->content_type,
                                  std::string(content)});
        } else {
            form.fields.add(std::move(*name), std::string(content));
        }
    }
}

}  // namespace kc::web
