#include "domain/publication.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::domain {

using validation::Lines;
using validation::Presence;

std::string_view to_slug(PublicationKind kind) {
    switch (kind) {
        case PublicationKind::guide:
            return "guide";
        case PublicationKind::research_article:
            return "research_article";
        case PublicationKind::advisory_report:
            return "advisory_report";
        case PublicationKind::blog:
            return "blog";
        case PublicationKind::column:
            return "column";
        case PublicationKind::case_collection:
            return "case_collection";
        case PublicationKind::report:
            return "report";
        case PublicationKind::magazine:
            return "magazine";
    }
    return {};
}

std::optional<PublicationKind> publication_kind_from_slug(std::string_view slug) {
    for (const auto kind : all_publication_kinds) {
        if (to_slug(kind) == slug) return kind;
    }
    return std::nullopt;
}

std::optional<CalendarDate> parse_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = text::parse_integer(text.substr(0, 4), 1000, 9999);
    const auto month = text::parse_integer(text.substr(5, 2), 1, 12);
    const auto day = text::parse_integer(text.substr(8, 2), 1, 31);
    if (!year || !month || !day) return std::nullopt;
    const time::LocalDateTime local{static_cast<int>(*year), static_cast<int>(*month),
                                    static_cast<int>(*day)};
    if (!time::is_valid(local)) return std::nullopt;
    return CalendarDate{local.year, local.month, local.day};
}

std::string format_calendar_date(const CalendarDate& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

bool is_web_link(std::string_view text) {
    std::string_view rest;
    if (text.starts_with("https://")) {
        rest = text.substr(8);
    } else if (text.starts_with("http://")) {
        rest = text.substr(7);
    } else {
        return false;
    }
    const auto host_end = rest.find_first_of("/?#");
    const auto host = rest.substr(0, host_end);
    if (host.empty() || host.find('@') != std::string_view::npos) return false;
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\';
    });
}

FieldErrors validate(const Publication& publication) {
    FieldErrors errors;
    validation::check_text(errors, "title", publication.title, Presence::required,
                           PublicationLimits::title);
    if (publication.authors.size() > PublicationLimits::authors) {
        errors.push_back({"authors", "library.error.too_many_authors", PublicationLimits::authors});
    } else {
        for (const auto& author : publication.authors) {
            const auto before = errors.size();
            validation::check_text(errors, "authors", author, Presence::required,
                                   PublicationLimits::author);
            if (errors.size() != before) break;
        }
    }
    if (!time::is_valid(time::LocalDateTime{publication.published_on.year,
                                            publication.published_on.month,
                                            publication.published_on.day}) ||
        publication.published_on.year < 1000) {
        errors.push_back({"published_on", "library.error.date"});
    }
    validation::check_text(errors, "summary", publication.summary, Presence::optional,
                           PublicationLimits::summary, Lines::multiple);
    validation::check_text(errors, "body", publication.body, Presence::optional,
                           PublicationLimits::body, Lines::multiple);
    if (!publication.link.empty()) {
        if (publication.link.size() > PublicationLimits::link) {
            errors.push_back({"link", "error.too_long", PublicationLimits::link});
        } else if (!is_web_link(publication.link)) {
            errors.push_back({"link", "library.error.link"});
        }
    }
    if (publication.theme_ids.size() > PublicationLimits::themes) {
        errors.push_back({"themes", "library.error.too_many", PublicationLimits::themes});
    }
    if (publication.event_ids.size() > PublicationLimits::events) {
        errors.push_back({"events", "library.error.too_many", PublicationLimits::events});
    }
    if (!publication.file && publication.link.empty() && text::trim(publication.body).empty()) {
        errors.push_back({"body", "library.error.nothing_to_read"});
    }
    return errors;
}

FileCheck check_pdf(std::string_view bytes) {
    if (bytes.empty()) return FileCheck::empty;
    if (static_cast<std::int64_t>(bytes.size()) > PublicationLimits::file_bytes) {
        return FileCheck::too_large;
    }
    if (!bytes.starts_with("%PDF-")) return FileCheck::not_pdf;
    // Writers may append a line break or a little padding after the last "%%EOF"; one
    // kilobyte is what PDF readers themselves search.
    constexpr std::size_t tail = 1024;
    const auto end = bytes.substr(bytes.size() > tail ? bytes.size() - tail : 0);
    return end.find("%%EOF") == std::string_view::npos ? FileCheck::not_pdf : FileCheck::pdf;
}

std::string safe_file_name(std::string_view original_name) {
    // Only the last path component counts: a browser on Windows may send the whole path.
    const auto slash = original_name.find_last_of("/\\");
    if (slash != std::string_view::npos) original_name.remove_prefix(slash + 1);
    std::string stem = text::slugify(original_name);
    if (stem.ends_with("-pdf")) stem.resize(stem.size() - 4);
    if (stem.size() > PublicationLimits::file_name) stem.resize(PublicationLimits::file_name);
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.empty()) stem = "publicatie";
    return stem + ".pdf";
}

}  // namespace kc::domain
