#include "reports/export_csv.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace kc::reports {

namespace {

void append_moment(std::string& out, const ExportCell& cell) {
    const auto local = time::to_amsterdam(cell.at);
    char buffer[24];
    if (cell.kind == ExportCell::Kind::date) {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", local.year, local.month, local.day);
    } else {
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", local.year, local.month,
                      local.day, local.hour, local.minute);
    }
    out += buffer;
}

}  // namespace

CsvExport::CsvExport(ExportLayout layout, Separator separator)
    : layout_(std::move(layout)), separator_(separator == Separator::semicolon ? ';' : ',') {
    out_ = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < layout_.columns.size(); ++i) {
        if (i > 0) out_ += separator_;
        text::append_csv_field(out_, heading(layout_.columns[i], layout_.labels), separator_);
    }
    out_ += "\r\n";
}

void CsvExport::add(const RegistrationRow& row) {
    for (std::size_t i = 0; i < layout_.columns.size(); ++i) {
        if (i > 0) out_ += separator_;
        const ExportCell value = cell(row, layout_.columns[i], layout_.labels);
        if (value.kind == ExportCell::Kind::text) {
            text::append_csv_field(out_, value.text, separator_);
        } else if (value.kind != ExportCell::Kind::empty) {
            append_moment(out_, value);
        }
    }
    out_ += "\r\n";
    ++rows_;
}

std::string CsvExport::finish() { return std::move(out_); }

}  // namespace kc::reports
