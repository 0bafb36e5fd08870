#include "reports/export_xlsx.hpp"

#include <stdlib.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace kc::reports {

namespace {

lxw_datetime excel_moment(time::Timestamp at) {
    const auto local = time::to_amsterdam(at);
    return {local.year, local.month, local.day, local.hour, local.minute, 0};
}

}  // namespace

struct XlsxExport::Book {
    std::filesystem::path folder;
    std::string file;
    lxw_workbook* workbook = nullptr;
    lxw_worksheet* sheet = nullptr;
    lxw_format* heading = nullptr;
    lxw_format* date = nullptr;
    lxw_format* moment = nullptr;
    lxw_row_t next_row = 1;

    explicit Book(const std::string& sheet_name) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "kc-export-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("xlsx: no private temp folder");
        folder = pattern;
        file = (folder / "export.xlsx").string();
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        options.tmpdir = const_cast<char*>(pattern.c_str());
        workbook = workbook_new_opt(file.c_str(), &options);
        sheet = workbook ? workbook_add_worksheet(workbook, sheet_name.c_str()) : nullptr;
        if (!sheet) {
            close_and_remove();
            throw std::runtime_error("xlsx: cannot start the workbook");
        }
        heading = workbook_add_format(workbook);
        format_set_bold(heading);
        date = workbook_add_format(workbook);
        format_set_num_format(date, "dd-mm-yyyy");
        moment = workbook_add_format(workbook);
        format_set_num_format(moment, "dd-mm-yyyy hh:mm");
    }

    ~Book() { close_and_remove(); }

    // Closes the workbook (writing the file) once, and says whether that worked.
    lxw_error close() {
        if (!workbook) return LXW_NO_ERROR;
        const lxw_error result = workbook_close(workbook);
        workbook = nullptr;
        return result;
    }

    void close_and_remove() {
        close();
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
};

XlsxExport::XlsxExport(ExportLayout layout, const std::string& sheet_name)
    : layout_(std::move(layout)), book_(std::make_unique<Book>(sheet_name)) {
    const auto& columns = layout_.columns;
    for (lxw_col_t i = 0; i < columns.size(); ++i) {
        worksheet_set_column(book_->sheet, i, i, column_width(columns[i]), nullptr);
        worksheet_write_string(book_->sheet, 0, i,
                               std::string(heading(columns[i], layout_.labels)).c_str(),
                               book_->heading);
    }
    worksheet_freeze_panes(book_->sheet, 1, 0);
}

XlsxExport::~XlsxExport() = default;

void XlsxExport::add(const RegistrationRow& row) {
    const lxw_row_t at = book_->next_row++;
    std::string text;
    for (lxw_col_t i = 0; i < layout_.columns.size(); ++i) {
        const ExportCell value = cell(row, layout_.columns[i], layout_.labels);
        switch (value.kind) {
            case ExportCell::Kind::text:
                text.assign(value.text);
                worksheet_write_string(book_->sheet, at, i, text.c_str(), nullptr);
                break;
            case ExportCell::Kind::date:
            case ExportCell::Kind::date_time: {
                lxw_datetime moment = excel_moment(value.at);
                worksheet_write_datetime(
                    book_->sheet, at, i, &moment,
                    value.kind == ExportCell::Kind::date ? book_->date : book_->moment);
                break;
            }
            case ExportCell::Kind::empty:
                break;
        }
    }
    ++rows_;
}

std::string XlsxExport::finish() {
    if (!layout_.columns.empty()) {
        worksheet_autofilter(book_->sheet, 0, 0, book_->next_row - 1,
                             static_cast<lxw_col_t>(layout_.columns.size() - 1));
    }
    if (const lxw_error result = book_->close(); result != LXW_NO_ERROR) {
        book_.reset();
        throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(result));
    }
    std::error_code failed;
    const auto size = std::filesystem::file_size(book_->file, failed);
    std::ifstream in(book_->file, std::ios::binary);
    std::string bytes(failed ? 0 : size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    const bool complete = !failed && in && in.gcount() == static_cast<std::streamsize>(size);
    book_.reset();
    if (!complete) throw std::runtime_error("xlsx: cannot read the workbook back");
    return bytes;
}

}  // namespace kc::reports
