#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/time.hpp"

namespace kc::app {

// What the organiser writes for a café's report: an introduction to its theme and an account
// of the meeting, both Markdown, and whether the public may read the report.
struct ReportTexts {
    std::int64_t event_id = 0;
    std::string introduction;
    std::string account;
    std::optional<time::Timestamp> published_at;
    time::Timestamp updated_at = 0;

    bool is_published() const { return published_at.has_value(); }
};

// The report reads; `Queries` extends this (src/storage/sqlite/sqlite_reports.cpp).
class ReportQueries {
  public:
    virtual ~ReportQueries() = default;

    // Nothing when the organiser never saved texts for the café.
    virtual std::optional<ReportTexts> report_texts(std::int64_t event_id) = 0;
};

// The writes; `Transaction` extends this.
class ReportWrites {
  public:
    virtual ~ReportWrites() = default;

    // Creates or replaces the café's texts and publication moment.
    virtual void save_report_texts(const ReportTexts& texts) = 0;
};

}  // namespace kc::app
