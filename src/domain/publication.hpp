#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"

namespace kc::domain {

// The kinds of publication the Werkplaats's magazine names.
enum class PublicationKind {
    guide,
    research_article,
    advisory_report,
    blog,
    column,
    case_collection,
    report,
    magazine
};

inline constexpr PublicationKind all_publication_kinds[] = {
    PublicationKind::guide,  PublicationKind::research_article, PublicationKind::advisory_report,
    PublicationKind::blog,   PublicationKind::column,           PublicationKind::case_collection,
    PublicationKind::report, PublicationKind::magazine};

std::string_view to_slug(PublicationKind kind);
std::optional<PublicationKind> publication_kind_from_slug(std::string_view slug);

// A calendar day without a time of day: a publication appears on a date, not at an instant.
struct CalendarDate {
    int year = 1970;
    int month = 1;
    int day = 1;

    auto operator<=>(const CalendarDate&) const = default;
};

// Parses "YYYY-MM-DD" of a real calendar day; nullopt for anything else.
std::optional<CalendarDate> parse_calendar_date(std::string_view text);
// "2019-03-07".
std::string format_calendar_date(const CalendarDate& date);

// An uploaded file, checked by content. The bytes themselves are stored apart
// (`publication_files`), so listing publications never reads them.
struct PublicationFile {
    std::string media_type;  // "application/pdf"
    std::int64_t size = 0;
    // The name the uploader's computer gave it, only ever shown and offered as a download
    // name after `safe_file_name`; never used as a path.
    std::string original_name;
    std::string sha256;  // lower-case hex
};

struct Publication {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    std::string title;
    PublicationKind kind = PublicationKind::report;
    std::vector<std::string> authors;
    CalendarDate published_on;
    std::string summary;
    std::string body;
    std::string link;  // an http(s) URL, or empty
    std::optional<PublicationFile> file;
    std::vector<std::int64_t> theme_ids;
    std::vector<std::int64_t> event_ids;
    std::vector<std::int64_t> werkteam_ids;
    time::Timestamp created_at = 0;
    time::Timestamp updated_at = 0;
    // A deleted publication stays as a tombstone so that harvesters learn it is gone; its
    // texts and file are erased.
    std::optional<time::Timestamp> deleted_at;
};

struct PublicationLimits {
    static constexpr std::size_t title = 200;
    static constexpr std::size_t author = 100;
    static constexpr std::size_t authors = 20;
    static constexpr std::size_t summary = 2'000;
    static constexpr std::size_t body = 100'000;
    static constexpr std::size_t link = 2'000;
    static constexpr std::size_t themes = 20;
    static constexpr std::size_t events = 50;
    static constexpr std::size_t file_name = 200;
    // An upload larger than this is refused; the request body limit of the server allows it
    // plus the form around it.
    static constexpr std::int64_t file_bytes = 20 * 1024 * 1024;
};

// Checks what an organiser or the API fills in: a title, a known date, authors within
// limits, an http(s) link, and something to read — a file, a link or a body.
FieldErrors validate(const Publication& publication);

// Whether the text is an absolute http or https URL with a host, without spaces or control
// characters.
bool is_web_link(std::string_view text);

// What an upload turned out to be.
enum class FileCheck { pdf, not_pdf, too_large, empty };

// Checks uploaded bytes by content, never by name: a PDF starts with "%PDF-" and has its
// "%%EOF" marker within the last kilobyte.
FileCheck check_pdf(std::string_view bytes);

// A download name that is safe in a Content-Disposition header and on any file system:
// letters, digits, '-', '_' and '.', ending in ".pdf"; "publicatie.pdf" when nothing of
// the original is left.
std::string safe_file_name(std::string_view original_name);

}  // namespace kc::domain
