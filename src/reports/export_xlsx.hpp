#pragma once

#include <memory>
#include <string>

#include "reports/export_model.hpp"

namespace kc::reports {

// A registrations export as an Excel workbook (libxlsxwriter): one sheet, a bold heading row
// that stays in view while scrolling, an autofilter, columns wide enough for their values,
// and dates and moments as real dates (Amsterdam time) that sort and filter as such. Texts
// are written as text cells, never as formulas, so no guard against formulas is needed.
//
// The library (1.1.4 in Debian 12) cannot write to memory, so the workbook goes to a file in
// a folder of its own that only this process can read (mode 0700), which is removed as soon
// as the bytes are read back, also when writing fails. Rows go out as they come
// (constant_memory), so a period of years of cafés does not sit in memory twice.
class XlsxExport final : public ExportWriter {
  public:
    // Throws std::runtime_error when the workbook cannot be started.
    XlsxExport(ExportLayout layout, const std::string& sheet_name);
    ~XlsxExport() override;
    XlsxExport(const XlsxExport&) = delete;
    XlsxExport& operator=(const XlsxExport&) = delete;

    void add(const RegistrationRow& row) override;
    // Throws std::runtime_error when the workbook cannot be written.
    std::string finish() override;

  private:
    struct Book;
    ExportLayout layout_;
    std::unique_ptr<Book> book_;
};

}  // namespace kc::reports
