#pragma once

#include <string>

#include "reports/export_model.hpp"

namespace kc::reports {

// Dutch Excel reads a semicolon as the separator (the comma is the decimal sign there);
// everything else reads a comma.
enum class Separator { comma, semicolon };

// A registrations export as CSV (RFC 4180): UTF-8 with a byte order mark, so that Excel
// does not read the names as Latin-1; CRLF line ends; a heading line; dates as
// "2026-11-30" and moments as "2026-11-30 16:05" (Amsterdam time), which spreadsheets read
// as dates. A text that a spreadsheet would run as a formula gets a leading apostrophe
// (see text::csv_field). The file grows in one string; rows are not kept.
class CsvExport final : public ExportWriter {
  public:
    CsvExport(ExportLayout layout, Separator separator);

    void add(const RegistrationRow& row) override;
    std::string finish() override;

  private:
    ExportLayout layout_;
    char separator_;
    std::string out_;
};

}  // namespace kc::reports
