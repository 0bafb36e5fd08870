#include "core/text.hpp"

#include <algorithm>
#include <charconv>

namespace kc::text {

DecodedCodePoint decode_code_point(std::string_view utf8, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
    const unsigned char lead = byte(at);
    std::size_t length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        return {lead, 1};
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    } else {
        return {};
    }
    if (at + length > utf8.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(at + k) & 0xC0) != 0x80) return {};
        value = (value << 6) | (byte(at + k) & 0x3F);
    }
    // Overlong encodings, surrogates and values beyond Unicode are malformed.
    static constexpr char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < minimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return {};
    }
    return {value, length};
}

void append_utf8(std::string& utf8, char32_t code_point) {
    const auto put = [&utf8](char32_t bits) { utf8.push_back(static_cast<char>(bits)); };
    if (code_point < 0x80) {
        put(code_point);
    } else if (code_point < 0x800) {
        put(0xC0 | (code_point >> 6));
        put(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        put(0xE0 | (code_point >> 12));
        put(0x80 | ((code_point >> 6) & 0x3F));
        put(0x80 | (code_point & 0x3F));
    } else {
        put(0xF0 | (code_point >> 18));
        put(0x80 | ((code_point >> 12) & 0x3F));
        put(0x80 | ((code_point >> 6) & 0x3F));
        put(0x80 | (code_point & 0x3F));
    }
}

bool is_clean_utf8(std::string_view bytes, bool allow_newlines) {
    for (std::size_t i = 0; i < bytes.size();) {
        const auto [code_point, length] = decode_code_point(bytes, i);
        if (length == 0) return false;
        const bool is_line_break = code_point == '\n' || code_point == '\r';
        if (code_point == '\t' || (is_line_break && allow_newlines)) {
            // Allowed whitespace.
        } else if (code_point < 0x20 || code_point == 0x7F ||
                   (code_point >= 0x80 && code_point < 0xA0)) {
            return false;
        }
        i += length;
    }
    return true;
}

std::size_t code_point_count(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string trim(std::string_view value) {
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    std::size_t begin = 0;
    std::size_t end = value.size();
    while (begin < end && is_space(value[begin])) ++begin;
    while (end > begin && is_space(value[end - 1])) --end;
    return std::string(value.substr(begin, end - begin));
}

std::string ascii_lower(std::string_view value) {
    std::string lower(value);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

std::string slugify(std::string_view value) {
    std::string slug;
    bool pending_dash = false;
    for (std::size_t i = 0; i < value.size();) {
        const auto [code_point, length] = decode_code_point(value, i);
        i += std::max<std::size_t>(length, 1);
        char ascii = 0;
        if (code_point < 0x80) {
            ascii = static_cast<char>(code_point);
        } else if (code_point >= 0xC0 && code_point <= 0xFF) {
            // Latin-1 letters folded to their base letter (é -> e, ï -> i, ...).
            static constexpr char fold[] =
                "aaaaaaaceeeeiiiidnooooo/ouuuuyts"
                "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
            ascii = fold[code_point - 0xC0];
        }
        if (ascii >= 'A' && ascii <= 'Z') ascii = static_cast<char>(ascii - 'A' + 'a');
        const bool is_alnum = (ascii >= 'a' && ascii <= 'z') || (ascii >= '0' && ascii <= '9');
        if (is_alnum) {
            if (pending_dash && !slug.empty()) slug.push_back('-');
            pending_dash = false;
            slug.push_back(ascii);
        } else {
            pending_dash = true;
        }
    }
    return slug;
}

std::optional<std::string> normalize_email(std::string_view email) {
    std::string normalized = ascii_lower(trim(email));
    const auto at = normalized.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= normalized.size() ||
        normalized.find('@', at + 1) != std::string::npos) {
        return std::nullopt;
    }
    const auto dot = normalized.find('.', at + 2);
    if (dot == std::string::npos || dot + 1 >= normalized.size()) return std::nullopt;
    for (const char c : normalized) {
        if (static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' ||
            c == '"') {
            return std::nullopt;
        }
    }
    return normalized;
}

std::optional<std::string> normalize_host_name(std::string_view host) {
    const std::string lower = ascii_lower(trim(host));
    if (lower.empty() || lower.size() > 253) return std::nullopt;
    std::size_t label_start = 0;
    for (std::size_t i = 0; i <= lower.size(); ++i) {
        if (i == lower.size() || lower[i] == '.') {
            const std::size_t length = i - label_start;
            if (length == 0 || length > 63 || lower[label_start] == '-' || lower[i - 1] == '-') {
                return std::nullopt;
            }
            label_start = i + 1;
        } else if (!std::isalnum(static_cast<unsigned char>(lower[i])) && lower[i] != '-') {
            return std::nullopt;
        }
    }
    return lower;
}

std::optional<long long> parse_integer(std::string_view value, long long min, long long max) {
    long long parsed = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, parsed);
    if (value.empty() || ec != std::errc{} || ptr != end || parsed < min || parsed > max) {
        return std::nullopt;
    }
    return parsed;
}

std::string csv_field(std::string_view value, char separator) {
    std::string field;
    append_csv_field(field, value, separator);
    return field;
}

void append_csv_field(std::string& out, std::string_view value, char separator) {
    const bool guarded = !value.empty() &&
                         std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    const char specials[] = {separator, '"', '\r', '\n', '\0'};
    // The guard's apostrophe comes first, so a leading space is then inside the text.
    const bool needs_quotes =
        value.find_first_of(specials) != std::string_view::npos ||
        (!value.empty() && ((!guarded && value.front() == ' ') || value.back() == ' '));
    if (needs_quotes) out += '"';
    if (guarded) out += '\'';
    for (const char character : value) {
        if (character == '"' && needs_quotes) out += '"';
        out += character;
    }
    if (needs_quotes) out += '"';
}

}  // namespace kc::text
