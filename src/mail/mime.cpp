#include "mail/mime.hpp"

#include <array>
#include <cstdint>

namespace kc::mail {

namespace {

constexpr std::string_view crlf = "\r\n";
// RFC 5322 recommends lines of at most 78 characters; folding keeps headers within it.
constexpr std::size_t header_line_limit = 78;
// QP and base64 lines may hold 76 characters (RFC 2045); a soft break's "=" is one of them.
constexpr std::size_t body_line_limit = 76;
// An encoded-word may be 75 characters long; "=?UTF-8?B?" and "?=" take 12 of them.
constexpr std::size_t encoded_word_limit = 75;
constexpr std::string_view encoded_word_start = "=?UTF-8?B?";
constexpr std::string_view encoded_word_end = "?=";
// Quoted-printable and base64 never write "=_", so a boundary holding it cannot appear in
// any part's body and needs no check against the content.
constexpr std::string_view mixed_boundary = "=_kc_mixed";
constexpr std::string_view alternative_boundary = "=_kc_alternative";

constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const auto chunk =
            (static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])) << 16) |
            (static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + 1])) << 8) |
            static_cast<unsigned char>(data[i + 2]);
        for (int shift : {18, 12, 6, 0}) out += base64_alphabet[(chunk >> shift) & 0x3F];
    }
    if (i < data.size()) {
        std::uint32_t chunk = static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])) << 16;
        if (i + 1 < data.size()) {
            chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + 1])) << 8;
        }
        out += base64_alphabet[(chunk >> 18) & 0x3F];
        out += base64_alphabet[(chunk >> 12) & 0x3F];
        out += i + 1 < data.size() ? base64_alphabet[(chunk >> 6) & 0x3F] : '=';
        out += '=';
    }
    return out;
}

// Control characters (line breaks among them) become spaces, so no value can end a
// header and start another.
std::string without_controls(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    }
    return out;
}

bool is_plain_ascii(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E) return false;
    }
    // A literal "=?" could be read as the start of an encoded-word.
    return text.find("=?") == std::string_view::npos;
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

std::string fold_ascii(std::string_view text, std::size_t used) {
    std::string out;
    std::size_t line = used;
    std::size_t start = 0;
    bool first_word = true;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string_view word = text.substr(start, end - start);
        if (!first_word) {
            if (line + 1 + word.size() > header_line_limit) {
                out += crlf;
                out += ' ';
                line = 1;
            } else {
                out += ' ';
                ++line;
            }
        }
        out += word;
        line += word.size();
        first_word = false;
        start = end + 1;
    }
    return out;
}

std::string encoded_words(std::string_view text, std::size_t used) {
    std::string out;
    std::size_t position = 0;
    std::size_t line = used;
    while (position < text.size()) {
        const std::size_t room = std::min(header_line_limit - line, encoded_word_limit);
        const std::size_t overhead = encoded_word_start.size() + encoded_word_end.size();
        // At least one whole character of up to four bytes (eight base64 characters).
        const std::size_t base64_room = room > overhead + 8 ? (room - overhead) / 4 * 4 : 8;
        const std::size_t byte_room = base64_room / 4 * 3;
        std::size_t end = position;
        while (end < text.size()) {
            const std::size_t next = end + utf8_length(static_cast<unsigned char>(text[end]));
            if (next - position > byte_room) break;
            end = std::min(next, text.size());
        }
        if (end == position) end = std::min(position + 1, text.size());
        if (position > 0) {
            out += crlf;
            out += ' ';
            line = 1;
        }
        const std::string word = std::string(encoded_word_start) +
                                 base64(text.substr(position, end - position)) +
                                 std::string(encoded_word_end);
        out += word;
        line += word.size();
        position = end;
    }
    return out;
}

// A display name as a quoted-string when it is plain ASCII, else as encoded-words.
std::string display_name(std::string_view name, std::size_t used) {
    const std::string clean = without_controls(name);
    if (!is_plain_ascii(clean)) return encoded_words(clean, used);
    std::string quoted = "\"";
    for (char c : clean) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::size_t last_line_length(std::string_view text) {
    const auto at = text.rfind('\n');
    return at == std::string_view::npos ? text.size() : text.size() - at - 1;
}

std::string address_header(std::string_view field, const Address& address) {
    std::string line = std::string(field) + ": ";
    const std::string bracketed = "<" + address.email + ">";
    if (address.name.empty()) return line + bracketed + std::string(crlf);
    line += display_name(address.name, field.size() + 2);
    // The address goes on a line of its own when the name left no room for it.
    if (last_line_length(line) + 1 + bracketed.size() > header_line_limit) line += crlf;
    return line + " " + bracketed + std::string(crlf);
}

std::string header(std::string_view field, std::string_view value) {
    return std::string(field) + ": " + std::string(value) + std::string(crlf);
}

// A file name as safe ASCII for the Content-Disposition parameter.
std::string safe_filename(std::string_view name) {
    std::string out;
    for (char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        out += keep ? c : '_';
    }
    return out.empty() ? "bijlage" : out;
}

std::string text_part(std::string_view subtype, std::string_view body) {
    return "Content-Type: text/" + std::string(subtype) +
           "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
           quoted_printable(body) + std::string(crlf);
}

std::string alternative(const Message& message) {
    if (message.html.empty()) return text_part("plain", message.text);
    std::string out = "Content-Type: multipart/alternative; boundary=\"" +
                      std::string(alternative_boundary) + "\"\r\n\r\n";
    out += "--" + std::string(alternative_boundary) + std::string(crlf);
    out += text_part("plain", message.text);
    out += "--" + std::string(alternative_boundary) + std::string(crlf);
    out += text_part("html", message.html);
    out += "--" + std::string(alternative_boundary) + "--\r\n";
    return out;
}

std::string attachment_part(const Attachment& attachment) {
    const std::string filename = safe_filename(attachment.filename);
    // The name goes on a folded line of its own, so a long content type stays within the limit.
    return "Content-Type: " + without_controls(attachment.content_type) + ";\r\n name=\"" +
           filename + "\"\r\nContent-Transfer-Encoding: base64\r\n" +
           "Content-Disposition: attachment;\r\n filename=\"" + filename + "\"\r\n\r\n" +
           base64_lines(attachment.content);
}

}  // namespace

bool is_safe_address(std::string_view email) {
    if (email.empty() || email.size() > 254) return false;
    const auto at = email.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= email.size()) return false;
    if (email.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = email.substr(at + 1);
    if (domain.front() == '.' || domain.back() == '.') return false;
    for (char c : email) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F) return false;
        if (std::string_view("<>()[]\\,;:\"").find(c) != std::string_view::npos) return false;
    }
    return true;
}

std::string encode_header_text(std::string_view text, std::size_t name_length) {
    const std::string clean = without_controls(text);
    const std::size_t used = name_length + 2;
    return is_plain_ascii(clean) ? fold_ascii(clean, used) : encoded_words(clean, used);
}

std::string quoted_printable(std::string_view text) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        std::size_t length = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line[i]);
            const bool at_end = i + 1 == line.size();
            // Spaces before a line end would be lost on the way; a dot first on a line
            // means something to SMTP; both are written as escapes.
            const bool literal =
                (byte >= 33 && byte <= 126 && byte != '=' && !(byte == '.' && length == 0)) ||
                ((byte == ' ' || byte == '\t') && !at_end);
            std::string token;
            if (literal) {
                token = static_cast<char>(byte);
            } else {
                token = {'=', hex[byte >> 4], hex[byte & 0x0F]};
            }
            if (length + token.size() > body_line_limit - 1) {
                out += "=\r\n";
                length = 0;
                if (token == ".") token = "=2E";
            }
            out += token;
            length += token.size();
        }
        if (end >= text.size()) break;
        out += crlf;
        // One line break: CRLF, or a lone CR or LF.
        start =
            end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
    return out;
}

std::string base64_lines(std::string_view data) {
    const std::string encoded = base64(data);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += body_line_limit) {
        out += encoded.substr(i, body_line_limit);
        out += crlf;
    }
    return out;
}

std::string rfc5322_date(time::Timestamp utc_seconds) {
    static constexpr std::array<std::string_view, 7> days = {"Sun", "Mon", "Tue", "Wed",
                                                             "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto local = time::to_amsterdam(utc_seconds);
    const int offset = time::amsterdam_offset_seconds(utc_seconds);
    const std::int64_t day_number = time::days_from_civil(local.year, local.month, local.day);
    // 1 January 1970 was a Thursday.
    const auto weekday = static_cast<std::size_t>(((day_number % 7) + 11) % 7);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                  std::string(days[weekday]).c_str(), local.day,
                  std::string(months[static_cast<std::size_t>(local.month - 1)]).c_str(),
                  local.year, local.hour, local.minute, local.second, offset < 0 ? '-' : '+',
                  std::abs(offset) / 3600, std::abs(offset) % 3600 / 60);
    return buffer;
}

std::optional<std::string> build_message(const Message& message) {
    if (!is_safe_address(message.from.email) || !is_safe_address(message.to.email)) {
        return std::nullopt;
    }
    std::string out;
    out += address_header("From", message.from);
    out += address_header("To", message.to);
    out += "Subject: " + encode_header_text(message.subject, 7) + std::string(crlf);
    out += header("Date", rfc5322_date(message.date));
    out += header("Message-ID", "<" + without_controls(message.message_id) + ">");
    out += header("MIME-Version", "1.0");
    // Tells mail programs and servers that no person typed this, so no holiday replies.
    out += header("Auto-Submitted", "auto-generated");
    if (message.attachments.empty()) return out + alternative(message);
    out +=
        "Content-Type: multipart/mixed; boundary=\"" + std::string(mixed_boundary) + "\"\r\n\r\n";
    out += "--" + std::string(mixed_boundary) + std::string(crlf);
    out += alternative(message);
    for (const auto& attachment : message.attachments) {
        out += "--" + std::string(mixed_boundary) + std::string(crlf);
        out += attachment_part(attachment);
    }
    out += "--" + std::string(mixed_boundary) + "--\r\n";
    return out;
}

}  // namespace kc::mail
