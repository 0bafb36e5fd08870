#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kc::text {

// True when the bytes are well-formed UTF-8 without control characters other than
// tab, newline and carriage return (which `allow_newlines` permits).
bool is_clean_utf8(std::string_view bytes, bool allow_newlines);

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

// Parses a whole decimal integer within [min, max]; nullopt otherwise.
std::optional<long long> parse_integer(std::string_view value, long long min, long long max);

}  // namespace kc::text
