#include "reports/cards_pdf.hpp"

#include <algorithm>
#include <iterator>
#include <memory>
#include <string_view>

#include "reports/pdf_document.hpp"
#include "reports/qr_code.hpp"

namespace kc::reports {

namespace {

using namespace pdf;

// Text that does not fit where it must shrinks in steps of this factor.
constexpr double shrink_step = 0.9;

struct TextStyle {
    double size = 12;  // in points
    bool bold = false;
};

// Table cards stand on a table and must be read from across it: the table's name is
// as large as fits, the names and questions as large as still fits 30 names per round.
constexpr double page_margin = 18 * points_per_millimetre;
constexpr TextStyle event_title_style{11};
constexpr TextStyle table_label_style{24};
constexpr TextStyle table_name_style{72, true};
constexpr double smallest_table_name = 36;
constexpr int table_name_lines = 3;
constexpr TextStyle continued_table_style{24, true};
constexpr TextStyle host_label_style{14};
constexpr TextStyle host_name_style{24, true};
constexpr TextStyle round_heading_style{18, true};
constexpr TextStyle question_style{16};
constexpr TextStyle names_style{14};
constexpr TextStyle nothing_to_print_style{24, true};
// A round's heading is only set at the foot of a page when its first lines fit too.
constexpr double round_keep_room = 80;
constexpr double rule_width = 0.75;

// Route cards: A6, four to an A4 page. Everything on a card shrinks together until it
// fits, but never below this fraction of its normal size.
constexpr double route_card_width = a4_width / 2;
constexpr double route_card_height = a4_height / 2;
constexpr double route_card_padding = 9 * points_per_millimetre;
constexpr TextStyle person_style{26, true};
constexpr double smallest_person_name = 16;
constexpr int person_name_lines = 3;
constexpr TextStyle route_title_style{10};
constexpr TextStyle step_style{18};
constexpr double smallest_route_scale = 0.3;
// The QR code to the personal page: large enough for an old phone's camera at arm's length.
constexpr double route_qr_side = 30 * points_per_millimetre;
constexpr double route_qr_gap = 4 * points_per_millimetre;
constexpr TextStyle scan_hint_style{10};
// Cut lines are light grey and dashed, so they guide the scissors without competing
// with the text.
constexpr double cut_line_grey = 0.65;
constexpr double cut_line_width = 0.5;
constexpr double cut_line_dash[] = {4, 3};

// Separates names on a table card; inside a name, spaces become no-break spaces so a
// line never ends in the middle of someone's name.
constexpr std::string_view name_separator = ", ";
constexpr std::string_view no_break_space = "\u00A0";

// One block of text in one style. The part from `bold_from` (a byte offset) on is
// bold, as the table in "Ronde 1: Tafel Oranje".
struct Paragraph {
    std::string text;
    TextStyle style;
    double space_before = 0;
    std::size_t bold_from = std::string::npos;
    // A single line ending in "…" instead of wrapping, for headings that repeat.
    bool single_line = false;
};

Paragraph paragraph(std::string_view text, TextStyle style, double space_before = 0) {
    return {valid_utf8(text), style, space_before};
}

// Text wrapped at `width` points: between words where possible, inside a word only
// when the word alone is wider than the line, so nothing ever runs off the paper.
LayoutPtr make_layout(cairo_t* cr, const Paragraph& block, double width, double scale = 1) {
    LayoutPtr layout(pango_cairo_create_layout(cr));
    const FontPtr font(pango_font_description_from_string(font_family));
    pango_font_description_set_weight(font.get(),
                                      block.style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font.get(), block.style.size * scale * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), pango_units_from_double(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    if (block.single_line) pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_text(layout.get(), block.text.data(), static_cast<int>(block.text.size()));
    if (block.bold_from < block.text.size()) {
        const AttributesPtr attributes(pango_attr_list_new());
        PangoAttribute* bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
        bold->start_index = static_cast<guint>(block.bold_from);
        bold->end_index = static_cast<guint>(block.text.size());
        pango_attr_list_insert(attributes.get(), bold);
        pango_layout_set_attributes(layout.get(), attributes.get());
    }
    return layout;
}

double layout_height(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return to_points(logical.height);
}

// The style made small enough for `text` to take at most `max_lines` lines of `width`
// points, with its widest word on one line, but no smaller than `smallest_size`: a
// name set large should wrap between words, not inside one, and leave room for the
// rest of the card.
TextStyle fit_heading(cairo_t* cr, const std::string& text, TextStyle style, double width,
                      double smallest_size, int max_lines) {
    double widest = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) {
            const LayoutPtr word = make_layout(cr, {text.substr(start, end - start), style}, -1);
            PangoRectangle logical;
            pango_layout_get_extents(word.get(), nullptr, &logical);
            widest = std::max(widest, to_points(logical.width));
        }
        start = end + 1;
    }
    if (widest > width) style.size = std::max(smallest_size, style.size * width / widest);
    while (style.size > smallest_size &&
           pango_layout_get_line_count(make_layout(cr, {text, style}, width).get()) > max_lines) {
        style.size = std::max(smallest_size, style.size * shrink_step);
    }
    return style;
}

// Sets paragraphs one below the other between the page margins, line by line, and
// continues on a new page, under a repeated heading, when the next line does not fit.
class PageFlow {
  public:
    explicit PageFlow(PdfDocument& document) : document_(document), cr_(document.cr()) {}

    // Starts a page; later pages of the same card start with `continuation_heading`.
    void start_card() {
        continuation_heading_.clear();
        y_ = page_margin;
        content_top_ = y_;
    }

    void end_card() { document_.end_page(); }

    void set_continuation_heading(std::vector<Paragraph> heading) {
        continuation_heading_ = std::move(heading);
    }

    void add(const Paragraph& block) {
        const LayoutPtr layout = make_layout(cr_, block, text_width);
        if (y_ > content_top_) y_ += block.space_before;
        double layout_top = y_;
        const LayoutIterPtr line(pango_layout_get_iter(layout.get()));
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(line.get(), nullptr, &logical);
            if (layout_top + to_points(logical.y + logical.height) > page_bottom &&
                y_ > content_top_) {
                next_page();
                layout_top = y_ - to_points(logical.y);
            }
            cairo_move_to(cr_, page_margin + to_points(logical.x),
                          layout_top + to_points(pango_layout_iter_get_baseline(line.get())));
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(line.get()));
            y_ = layout_top + to_points(logical.y + logical.height);
        } while (pango_layout_iter_next_line(line.get()));
    }

    // Starts a new page unless `height` points still fit below the text so far.
    void keep_room(double height) {
        if (y_ + height > page_bottom && y_ > content_top_) next_page();
    }

    // A thin line across the text, between rounds.
    void rule(double space_before) {
        if (y_ > content_top_) y_ += space_before;
        cairo_set_line_width(cr_, rule_width);
        cairo_move_to(cr_, page_margin, y_);
        cairo_line_to(cr_, page_margin + text_width, y_);
        cairo_stroke(cr_);
        y_ += rule_width;
    }

  private:
    static constexpr double text_width = a4_width - 2 * page_margin;
    static constexpr double page_bottom = a4_height - page_margin;

    // The heading is set in single lines, so it always fits and the new page always
    // has room for the text that did not fit on the last one.
    void next_page() {
        document_.end_page();
        y_ = page_margin;
        content_top_ = y_;
        for (const Paragraph& heading : continuation_heading_) add(heading);
        content_top_ = y_;
    }

    PdfDocument& document_;
    cairo_t* cr_;
    std::vector<Paragraph> continuation_heading_;
    double y_ = page_margin;
    double content_top_ = page_margin;
};

// The one page of a document without cards, so that it still opens and says why it
// is empty.
std::string nothing_to_print_pdf(const std::string& event_title, const CardTexts& texts) {
    PdfDocument document(event_title);
    PageFlow flow(document);
    flow.start_card();
    flow.add(paragraph(event_title, event_title_style));
    flow.add(paragraph(texts.nothing_to_print, nothing_to_print_style, 12));
    flow.end_card();
    return document.finish();
}

// The names of one round as one line of text that wraps between names only.
std::string joined_names(const std::vector<std::string>& names) {
    std::string joined;
    for (const std::string& name : names) {
        if (!joined.empty()) joined += name_separator;
        const std::string valid = valid_utf8(name);
        std::size_t start = 0;
        for (std::size_t space = valid.find(' '); space != std::string::npos;
             space = valid.find(' ', start)) {
            joined.append(valid, start, space - start);
            joined += no_break_space;
            start = space + 1;
        }
        joined.append(valid, start);
    }
    return joined;
}

std::string round_title(const CardTexts& texts, int round) {
    return texts.round + " " + std::to_string(round);
}

void draw_table_card(PageFlow& flow, cairo_t* cr, const std::string& event_title,
                     const TableCard& card, const CardTexts& texts) {
    constexpr double text_width = a4_width - 2 * page_margin;
    flow.start_card();
    flow.add(paragraph(event_title, event_title_style));
    flow.add(paragraph(texts.table, table_label_style, 18));
    const std::string table_name = valid_utf8(card.table_name);
    flow.add({table_name, fit_heading(cr, table_name, table_name_style, text_width,
                                      smallest_table_name, table_name_lines)});
    Paragraph continued_title = paragraph(event_title, event_title_style);
    continued_title.single_line = true;
    Paragraph continued_table =
        paragraph(texts.table + " " + card.table_name, continued_table_style, 6);
    continued_table.single_line = true;
    flow.set_continuation_heading({continued_title, continued_table});
    if (!card.host.empty()) {
        flow.add(paragraph(texts.host, host_label_style, 18));
        flow.add(paragraph(card.host, host_name_style, 2));
    }
    for (const TableRound& round : card.rounds) {
        flow.keep_room(round_keep_room);
        flow.rule(18);
        flow.add(paragraph(round_title(texts, round.number), round_heading_style, 8));
        if (!round.question.empty()) flow.add(paragraph(round.question, question_style, 4));
        flow.add({joined_names(round.names), names_style, 6});
    }
    flow.end_card();
}

void draw_cut_lines(cairo_t* cr) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, cut_line_grey, cut_line_grey, cut_line_grey);
    cairo_set_line_width(cr, cut_line_width);
    cairo_set_dash(cr, cut_line_dash, static_cast<int>(std::size(cut_line_dash)), 0);
    cairo_move_to(cr, route_card_width, 0);
    cairo_line_to(cr, route_card_width, a4_height);
    cairo_move_to(cr, 0, route_card_height);
    cairo_line_to(cr, a4_width, route_card_height);
    cairo_stroke(cr);
    cairo_restore(cr);
}

double stacked_height(cairo_t* cr, const std::vector<Paragraph>& blocks, double width,
                      double scale) {
    double height = 0;
    for (const Paragraph& block : blocks) {
        height +=
            block.space_before * scale + layout_height(make_layout(cr, block, width, scale).get());
    }
    return height;
}

// Draws `code` with its quiet zone as a `side` by `side` square at (left, top).
void draw_qr(cairo_t* cr, const QrCode& code, double left, double top, double side) {
    const double module = side / (code.size + 2 * qr_quiet_zone);
    cairo_save(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, left, top, side, side);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (!code.is_dark(x, y)) continue;
            cairo_rectangle(cr, left + (x + qr_quiet_zone) * module,
                            top + (y + qr_quiet_zone) * module, module, module);
        }
    }
    cairo_fill(cr);
    cairo_restore(cr);
}

// Draws the card whose top left corner is at (left, top). Its text shrinks until it
// fits; text that would still not fit at the smallest size is clipped at the card's
// edge rather than drawn onto the next card.
void draw_route_card(cairo_t* cr, double left, double top, const std::string& event_title,
                     const RouteCard& card, const CardTexts& texts) {
    constexpr double width = route_card_width - 2 * route_card_padding;
    const bool has_qr = !card.link.empty();
    const double height =
        route_card_height - 2 * route_card_padding - (has_qr ? route_qr_side + route_qr_gap : 0);
    const std::string person = valid_utf8(card.person);
    std::vector<Paragraph> blocks = {
        {person,
         fit_heading(cr, person, person_style, width, smallest_person_name, person_name_lines)},
        paragraph(event_title, route_title_style, 4),
    };
    double space_before_step = 16;
    for (const RouteStep& step : card.steps) {
        Paragraph line =
            paragraph(round_title(texts, step.round) + ": ", step_style, space_before_step);
        line.bold_from = line.text.size();
        line.text += valid_utf8(texts.table + " " + step.table_name);
        blocks.push_back(std::move(line));
        space_before_step = 6;
    }
    double scale = 1;
    while (scale > smallest_route_scale && stacked_height(cr, blocks, width, scale) > height) {
        scale *= shrink_step;
    }
    cairo_save(cr);
    cairo_rectangle(cr, left + route_card_padding, top + route_card_padding, width, height);
    cairo_clip(cr);
    double y = top + route_card_padding;
    for (const Paragraph& block : blocks) {
        const LayoutPtr layout = make_layout(cr, block, width, scale);
        y += block.space_before * scale;
        cairo_move_to(cr, left + route_card_padding, y);
        pango_cairo_show_layout(cr, layout.get());
        y += layout_height(layout.get());
    }
    cairo_restore(cr);
    if (has_qr) {
        const double qr_left = left + route_card_padding + width - route_qr_side;
        const double qr_top = top + route_card_height - route_card_padding - route_qr_side;
        draw_qr(cr, encode_qr(card.link), qr_left, qr_top, route_qr_side);
        const Paragraph hint = paragraph(texts.scan_hint, scan_hint_style, 0);
        const LayoutPtr layout = make_layout(cr, hint, width - route_qr_side - route_qr_gap, 1);
        cairo_move_to(cr, left + route_card_padding,
                      qr_top + route_qr_side - layout_height(layout.get()));
        pango_cairo_show_layout(cr, layout.get());
    }
}

}  // namespace

std::string table_cards_pdf(const std::string& event_title, const std::vector<TableCard>& cards,
                            const CardTexts& texts) {
    if (cards.empty()) return nothing_to_print_pdf(event_title, texts);
    PdfDocument document(event_title);
    PageFlow flow(document);
    for (const TableCard& card : cards)
        draw_table_card(flow, document.cr(), event_title, card, texts);
    return document.finish();
}

std::string route_cards_pdf(const std::string& event_title, const std::vector<RouteCard>& cards,
                            const CardTexts& texts) {
    if (cards.empty()) return nothing_to_print_pdf(event_title, texts);
    constexpr std::size_t cards_per_page = 4;
    PdfDocument document(event_title);
    cairo_t* cr = document.cr();
    for (std::size_t index = 0; index < cards.size(); ++index) {
        const std::size_t place = index % cards_per_page;
        if (place == 0) draw_cut_lines(cr);
        draw_route_card(cr, static_cast<double>(place % 2) * route_card_width,
                        static_cast<double>(place / 2) * route_card_height, event_title,
                        cards[index], texts);
        if (place == cards_per_page - 1 || index + 1 == cards.size()) document.end_page();
    }
    return document.finish();
}

}  // namespace kc::reports
