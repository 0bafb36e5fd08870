#pragma once

// What every PDF of the site shares (table and route cards, reports, the magazine): A4 pages
// drawn in memory with cairo, text set by Pango in DejaVu Sans, and the small owners that free
// cairo's, Pango's and GLib's objects.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>

namespace kc::reports::pdf {

constexpr double points_per_millimetre = 72.0 / 25.4;
constexpr double a4_width = 210 * points_per_millimetre;
constexpr double a4_height = 297 * points_per_millimetre;

// DejaVu Sans comes with Debian's fonts-dejavu-core and covers every Latin accent, so
// names like "Zoë" or "Özdemir" print as typed.
constexpr const char* font_family = "DejaVu Sans";

// Frees a C library object when its owner goes out of scope.
template <auto free_function>
struct Freer {
    template <typename T>
    void operator()(T* object) const {
        free_function(object);
    }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, Freer<cairo_surface_destroy>>;
using ContextPtr = std::unique_ptr<cairo_t, Freer<cairo_destroy>>;
using LayoutPtr = std::unique_ptr<PangoLayout, Freer<g_object_unref>>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, Freer<pango_layout_iter_free>>;
using FontPtr = std::unique_ptr<PangoFontDescription, Freer<pango_font_description_free>>;
using AttributesPtr = std::unique_ptr<PangoAttrList, Freer<pango_attr_list_unref>>;
using GlibStringPtr = std::unique_ptr<gchar, Freer<g_free>>;

// Pango rejects invalid UTF-8 with a warning and draws nothing; replacement
// characters at least show where a stored name was damaged.
std::string valid_utf8(std::string_view text);

// Text escaped for Pango markup.
std::string markup_escaped(std::string_view text);

double to_points(int pango_units);

// A PDF of A4 pages drawn in memory, black on white.
class PdfDocument {
  public:
    explicit PdfDocument(const std::string& title);
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    cairo_t* cr() const { return cr_.get(); }

    void end_page() { cairo_show_page(cr_.get()); }

    // A bookmark in the reader's outline to page `page` (from 1), under `parent` (0: at the
    // top); returns its id for children.
    int add_outline(int parent, const std::string& name, int page);

    // The finished document. Cairo writes a page still being drawn, and a first page
    // even when nothing was drawn, so the PDF always has at least one page. Throws
    // std::runtime_error when cairo could not draw or write it.
    std::string finish();

  private:
    std::string bytes_;  // declared first: the surface writes into it until it is finished
    SurfacePtr surface_;
    ContextPtr cr_;
};

}  // namespace kc::reports::pdf
