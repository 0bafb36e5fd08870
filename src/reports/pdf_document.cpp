#include "reports/pdf_document.hpp"

#include <cairo-pdf.h>

#include <stdexcept>

namespace kc::reports::pdf {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string valid_utf8(std::string_view text) {
    const GlibStringPtr valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
    return valid.get();
}

std::string markup_escaped(std::string_view text) {
    const std::string valid = valid_utf8(text);
    const GlibStringPtr escaped(
        g_markup_escape_text(valid.data(), static_cast<gssize>(valid.size())));
    return escaped.get();
}

double to_points(int pango_units) { return pango_units_to_double(pango_units); }

PdfDocument::PdfDocument(const std::string& title)
    : surface_(cairo_pdf_surface_create_for_stream(append_to_string, &bytes_, a4_width, a4_height)),
      cr_(cairo_create(surface_.get())) {
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE,
                                   valid_utf8(title).c_str());
    cairo_set_source_rgb(cr_.get(), 0, 0, 0);
}

int PdfDocument::add_outline(int parent, const std::string& name, int page) {
    const std::string link = "page=" + std::to_string(page);
    return cairo_pdf_surface_add_outline(surface_.get(), parent, valid_utf8(name).c_str(),
                                         link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

std::string PdfDocument::finish() {
    const cairo_status_t drawing = cairo_status(cr_.get());
    cr_.reset();
    cairo_surface_finish(surface_.get());
    const cairo_status_t writing = cairo_surface_status(surface_.get());
    const cairo_status_t status = drawing != CAIRO_STATUS_SUCCESS ? drawing : writing;
    if (status != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("cannot write the PDF: ") +
                                 cairo_status_to_string(status));
    }
    return std::move(bytes_);
}

}  // namespace kc::reports::pdf
