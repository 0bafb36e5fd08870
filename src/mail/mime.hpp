#pragma once

// Internet messages (RFC 5322 with MIME) built from plain values: a text part and an
// HTML part as multipart/alternative, attachments (a calendar file) around them as
// multipart/mixed. Pure: no I/O, so tests/unit/mail_mime_test.cpp checks it directly and
// parses it back with Python's email package.
//
// What a mail server and a mail program may rely on:
// - every line ends in CRLF and holds at most 78 characters (RFC 5322 allows 998);
// - headers outside ASCII are RFC 2047 encoded-words in UTF-8, folded between words;
// - bodies are quoted-printable (text, HTML) or base64 (attachments), so no line is long
//   and no byte is outside ASCII;
// - no field can add a header of its own: line breaks in names and subjects become spaces,
//   and an address with a line break or anything else outside an address is refused.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace kc::mail {

struct Address {
    std::string name;   // display name, may be empty
    std::string email;  // "someone@example.nl"
};

struct Attachment {
    std::string filename;      // "kenniscafe.ics"
    std::string content_type;  // "text/calendar; method=PUBLISH; charset=UTF-8"
    std::string content;
};

struct Message {
    Address from;
    Address to;
    std::string subject;
    std::string text;  // the plain-text part, always present
    std::string html;  // the HTML part; empty: a text-only mail
    std::vector<Attachment> attachments;
    std::string message_id;  // without angle brackets: "outbox-7@kenniscafe.example.nl"
    time::Timestamp date = 0;
};

// Whether an address can stand in a header and an SMTP envelope as it is: one local part,
// one "@", a domain, only printable ASCII without spaces, brackets, quotes or separators.
bool is_safe_address(std::string_view email);

// The whole message with headers, CRLF line ends. Nullopt when the sender's or the
// recipient's address is not safe (see is_safe_address); everything else is made safe.
std::optional<std::string> build_message(const Message& message);

// The parts, exposed for their own tests.
// An unstructured header value (a subject, a display name) as it goes after "Name: ":
// ASCII as is, anything else as UTF-8 encoded-words; folded so that no line of the header
// (counting `name_length` + 2 on the first) exceeds 78 characters. Line breaks become spaces.
std::string encode_header_text(std::string_view text, std::size_t name_length);
// Quoted-printable (RFC 2045) with CRLF line ends and lines of at most 76 characters.
std::string quoted_printable(std::string_view text);
// Base64 in lines of 76 characters, each ending in CRLF.
std::string base64_lines(std::string_view data);
// "Mon, 30 Nov 2026 17:49:00 +0100": the date in Amsterdam time with its offset.
std::string rfc5322_date(time::Timestamp utc_seconds);

}  // namespace kc::mail
