#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kc::text {

// True when the bytes are well-formed UTF-8 without control characters other than
// tab, newline and carriage return (which `allow_newlines` permits).
bool is_clean_utf8(std::string_view bytes, bool allow_newlines);

// One code point decoded from UTF-8, with the number of bytes it took; a length of 0 means
// the bytes there are not well-formed UTF-8.
struct DecodedCodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};
DecodedCodePoint decode_code_point(std::string_view utf8, std::size_t at);

// Appends the UTF-8 encoding of a code point (which must be a Unicode scalar value).
void append_utf8(std::string& utf8, char32_t code_point);

// The number of Unicode code points in well-formed UTF-8.
std::size_t code_point_count(std::string_view utf8);

// Leading and trailing ASCII whitespace removed.
std::string trim(std::string_view value);

std::string ascii_lower(std::string_view value);

// A lower-case ASCII slug ("Docent(onderzoeker)" -> "docent-onderzoeker"); accented
// Latin letters lose their accents so Dutch names give readable slugs.
std::string slugify(std::string_view value);

// A canonical form of an e-mail address for recognising the same person:
// trimmed and lower-cased. Returns nullopt when it does not look like an address.
std::optional<std::string> normalize_email(std::string_view email);

// A host name as a browser sends it ("Kenniscafe.Example.NL" -> "kenniscafe.example.nl"):
// labels of letters, digits and hyphens, separated by dots, 253 characters at most, no port.
// nullopt for anything else.
std::optional<std::string> normalize_host_name(std::string_view host);

// A field of a CSV file (RFC 4180): quoted when it holds the separator, a quote, a line break
// or an edge space. A text that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, so that a spreadsheet shows it instead of running it as a formula.
// Dutch Excel expects a semicolon as the separator, so the caller may choose it.
std::string csv_field(std::string_view value, char separator = ',');
// The same field appended to `out`, for writers of long files that build no string per field.
void append_csv_field(std::string& out, std::string_view value, char separator = ',');

// Parses a whole decimal integer within [min, max]; nullopt otherwise.
std::optional<long long> parse_integer(std::string_view value, long long min, long long max);

}  // namespace kc::text
