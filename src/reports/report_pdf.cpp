#include "reports/report_pdf.hpp"

#include <algorithm>
#include <cmath>

#include "reports/live_svg.hpp"
#include "reports/markdown.hpp"
#include "reports/pdf_document.hpp"

namespace kc::reports {

namespace {

using namespace pdf;
using domain::live::QuestionKind;

// A4 with 20 mm margins, the usual frame of a printed report; the foot of the page holds
// the page number below the text.
constexpr double margin = 20 * points_per_millimetre;
constexpr double text_width = a4_width - 2 * margin;
constexpr double text_bottom = a4_height - margin - 10;
constexpr double footer_baseline = a4_height - margin / 2;

struct Style {
    double size = 10.5;  // body text in points: comfortable on paper
    bool bold = false;
    bool italic = false;
    double grey = 0;  // 0 black; greys stay at or below 0.45 for 4.5:1 on white
};

constexpr Style body{};
constexpr Style small{8.5, false, false, 0.35};
constexpr Style label_style{10.5, true};
constexpr Style title_style{22, true};
constexpr Style cover_title_style{30, true};
constexpr Style cover_line_style{14};
constexpr Style section_style{15, true};
constexpr Style subsection_style{12, true};
constexpr Style quote_style{10.5, false, true};

// A heading is only set at the foot of a page when this much room is left under it, so it
// never stands alone.
constexpr double heading_keep_room = 70;
constexpr double indent_step = 14;

// The bars: the Okabe-Ito blue of the SVG charts (#0072b2), a label column and room for the
// number after the longest bar.
constexpr double bar_red = 0.0, bar_green = 0.447, bar_blue = 0.698;
constexpr double bar_label_share = 0.38;
constexpr double bar_value_room = 70;
constexpr double bar_height = 11;
constexpr double bar_row_gap = 5;
// A word cloud prints as bars of its most named words; more would not fit one page.
constexpr std::size_t printed_words = 15;

LayoutPtr make_layout(cairo_t* cr, const std::string& markup, const Style& style, double width) {
    LayoutPtr layout(pango_cairo_create_layout(cr));
    const FontPtr font(pango_font_description_from_string(font_family));
    pango_font_description_set_weight(font.get(),
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font.get(),
                                     style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    if (width > 0) pango_layout_set_width(layout.get(), pango_units_from_double(width));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_markup(layout.get(), markup.c_str(), static_cast<int>(markup.size()));
    return layout;
}

double height_of(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return to_points(logical.height);
}

double width_of(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return to_points(logical.width);
}

std::string plain(std::string_view text) { return markup_escaped(text); }

// One row of a bar chart: the value sets the bar's length, the text is printed after it.
struct BarRow {
    std::string label;
    double value = 0;
    std::string value_text;
};

// Sets text, bars and tables down the pages of a document, starting a new page when the
// next line does not fit, and numbering every page it ends.
class Flow {
  public:
    explicit Flow(PdfDocument& document) : document_(document), cr_(document.cr()) {}

    int page() const { return page_; }
    bool at_top() const { return y_ <= margin; }

    // Ends the page with its number at the foot (the cover goes without).
    void end_page(bool numbered = true) {
        if (numbered) {
            const LayoutPtr number = make_layout(cr_, std::to_string(page_), small, -1);
            cairo_set_source_rgb(cr_, small.grey, small.grey, small.grey);
            cairo_move_to(cr_, (a4_width - width_of(number.get())) / 2,
                          footer_baseline - height_of(number.get()));
            pango_cairo_show_layout(cr_, number.get());
        }
        document_.end_page();
        ++page_;
        y_ = margin;
    }

    void start_page() {
        if (!at_top()) end_page();
    }

    void space(double points) {
        if (!at_top()) y_ += points;
    }

    // Moves down to `y` points from the top of the page, unless the text is past it already.
    void skip_to(double y) { y_ = std::max(y_, y); }

    void keep_room(double height) {
        if (y_ + height > text_bottom && !at_top()) end_page();
    }

    // A paragraph of markup, line by line; `marker` ("•", "3.") hangs left of the indent.
    void text(const std::string& markup, const Style& style, double indent = 0,
              const std::string& marker = "") {
        const LayoutPtr layout = make_layout(cr_, markup, style, text_width - indent);
        const LayoutIterPtr line(pango_layout_get_iter(layout.get()));
        double top = y_;
        bool first = true;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(line.get(), nullptr, &logical);
            if (top + to_points(logical.y + logical.height) > text_bottom && !at_top()) {
                end_page();
                top = y_ - to_points(logical.y);
            }
            const double baseline = top + to_points(pango_layout_iter_get_baseline(line.get()));
            set_colour(style);
            if (first && !marker.empty()) {
                const LayoutPtr mark = make_layout(cr_, plain(marker), style, -1);
                cairo_move_to(cr_, margin + indent - width_of(mark.get()) - 4, baseline);
                pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(mark.get(), 0));
            }
            cairo_move_to(cr_, margin + indent + to_points(logical.x), baseline);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(line.get()));
            y_ = top + to_points(logical.y + logical.height);
            first = false;
        } while (pango_layout_iter_next_line(line.get()));
    }

    void heading(const std::string& text, const Style& style, double space_before) {
        space(space_before);
        keep_room(heading_keep_room);
        this->text(plain(text), style);
        y_ += style.size * 0.3;
    }

    // Horizontal bars in vector graphics, the longest as long as the room allows.
    void bars(const std::vector<BarRow>& rows) {
        double largest = 0;
        for (const auto& row : rows) largest = std::max(largest, row.value);
        const double label_width = text_width * bar_label_share;
        const double bar_room = text_width - label_width - bar_value_room;
        for (const auto& row : rows) {
            const LayoutPtr label = make_layout(cr_, plain(row.label), body, label_width - 8);
            const double height = std::max(height_of(label.get()), bar_height);
            keep_room(height + bar_row_gap);
            set_colour(body);
            cairo_move_to(cr_, margin, y_);
            pango_cairo_show_layout(cr_, label.get());
            const double length = largest > 0 ? bar_room * row.value / largest : 0;
            const double bar_top = y_ + 2;
            if (length > 0) {
                cairo_set_source_rgb(cr_, bar_red, bar_green, bar_blue);
                cairo_rectangle(cr_, margin + label_width, bar_top, length, bar_height);
                cairo_fill(cr_);
            }
            const LayoutPtr value = make_layout(cr_, plain(row.value_text), body, -1);
            set_colour(body);
            cairo_move_to(cr_, margin + label_width + length + 4, y_);
            pango_cairo_show_layout(cr_, value.get());
            y_ += height + bar_row_gap;
        }
    }

    // A table with a bold header row and a thin line under every row; `shares` of the text
    // width per column. A row never breaks across pages.
    void table(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows,
               const std::vector<double>& shares) {
        table_row(header, shares, label_style);
        for (const auto& row : rows) table_row(row, shares, body);
    }

    void rule() {
        cairo_set_source_rgb(cr_, 0.45, 0.45, 0.45);
        cairo_set_line_width(cr_, 0.5);
        cairo_move_to(cr_, margin, y_);
        cairo_line_to(cr_, margin + text_width, y_);
        cairo_stroke(cr_);
    }

  private:
    void set_colour(const Style& style) {
        cairo_set_source_rgb(cr_, style.grey, style.grey, style.grey);
    }

    void table_row(const std::vector<std::string>& cells, const std::vector<double>& shares,
                   const Style& style) {
        constexpr double padding = 3;
        std::vector<LayoutPtr> layouts;
        double height = 0;
        for (std::size_t i = 0; i < cells.size() && i < shares.size(); ++i) {
            layouts.push_back(
                make_layout(cr_, plain(cells[i]), style, text_width * shares[i] - 2 * padding));
            height = std::max(height, height_of(layouts.back().get()));
        }
        keep_room(height + 2 * padding);
        double x = margin;
        set_colour(style);
        for (std::size_t i = 0; i < layouts.size(); ++i) {
            cairo_move_to(cr_, x + padding, y_ + padding);
            pango_cairo_show_layout(cr_, layouts[i].get());
            x += text_width * shares[i];
        }
        y_ += height + 2 * padding;
        rule();
    }

    PdfDocument& document_;
    cairo_t* cr_;
    int page_ = 1;
    double y_ = margin;
};

void markdown(Flow& flow, const std::string& text) {
    for (const auto& block : markdown_blocks(text)) {
        switch (block.kind) {
            case MarkdownBlock::Kind::heading:
                flow.space(8);
                flow.keep_room(heading_keep_room);
                flow.text(block.markup, block.level <= 1 ? subsection_style : label_style);
                break;
            case MarkdownBlock::Kind::item:
                flow.space(2);
                flow.text(block.markup, body, indent_step * block.level, block.marker);
                break;
            case MarkdownBlock::Kind::quote:
                flow.space(6);
                flow.text(block.markup, quote_style, indent_step * block.level);
                break;
            case MarkdownBlock::Kind::code:
                flow.space(6);
                flow.text("<tt>" + block.markup + "</tt>", body, indent_step);
                break;
            case MarkdownBlock::Kind::rule:
                flow.space(6);
                flow.rule();
                flow.space(6);
                break;
            case MarkdownBlock::Kind::paragraph:
                flow.space(6);
                flow.text(block.markup, body);
                break;
        }
    }
}

std::vector<BarRow> attendance_bars(const AttendanceTable& table) {
    std::vector<BarRow> rows;
    for (const auto& row : table.groups) {
        if (row.count.kind == domain::ShownCount::Kind::exact && row.count.value > 0) {
            rows.push_back(
                {row.label, static_cast<double>(row.count.value), std::to_string(row.count.value)});
        }
    }
    return rows;
}

void attendance(Flow& flow, const AttendanceTable& table, const Words& words) {
    flow.bars(attendance_bars(table));
    flow.space(6);
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : table.groups) rows.push_back({row.label, count_text(row.count, words)});
    rows.push_back({words.text("report.total"), count_text(table.total, words)});
    flow.table({words.text("report.group"), words.text("report.present")}, rows, {0.6, 0.4});
}

// "2,5" in Dutch, "2.5" in English.
std::string one_decimal(double value, const Words& words) {
    const long tenths = std::lround(value * 10);
    return std::to_string(tenths / 10) + words.text("evaluation.decimal_mark") +
           std::to_string(tenths % 10);
}

std::vector<BarRow> live_bars(const app::LiveResult& live, const Words& words) {
    const auto& results = live.results;
    std::vector<BarRow> rows;
    if (results.kind == QuestionKind::word_cloud) {
        for (const auto& word : results.words) {
            if (rows.size() == printed_words) break;
            rows.push_back(
                {word.text, static_cast<double>(word.count), std::to_string(word.count)});
        }
        return rows;
    }
    const LiveSvgTexts texts;
    for (std::size_t i = 0; i < results.options.size(); ++i) {
        const auto& option = results.options[i];
        const std::string label = live_option_label(option, i, live.question.settings, texts);
        if (results.kind == QuestionKind::ranking) {
            rows.push_back({label, option.score, one_decimal(option.score, words)});
        } else if (!option.groups.by_group.empty()) {
            // By group the total is shown as the table under the bars shows it: an exact small
            // total beside hidden group counts would tell what the hidden ones are.
            const auto& total = option.groups.total;
            const bool exact = total.kind == domain::ShownCount::Kind::exact;
            rows.push_back(
                {label, exact ? static_cast<double>(total.value) : 0.0, count_text(total, words)});
        } else {
            rows.push_back(
                {label, static_cast<double>(option.count), std::to_string(option.count)});
        }
    }
    return rows;
}

// The numbers of a result by group under its bars, as the web page shows them.
void live_group_counts(Flow& flow, const LiveSection& section, const Words& words) {
    const LiveGroupTable table = live_group_table(section, words);
    if (table.rows.empty()) return;
    std::vector<std::string> header{words.text("report.answer")};
    header.insert(header.end(), table.groups.begin(), table.groups.end());
    header.push_back(words.text("report.total"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : table.rows) {
        std::vector<std::string> cells{row.label};
        cells.insert(cells.end(), row.counts.begin(), row.counts.end());
        cells.push_back(row.total);
        rows.push_back(std::move(cells));
    }
    // The answer gets a third of the width, the counts share the rest.
    const double label_share = 1.0 / 3;
    std::vector<double> widths{label_share};
    widths.resize(header.size(), (1 - label_share) / static_cast<double>(header.size() - 1));
    flow.space(6);
    flow.table(header, rows, widths);
    if (!table.note.empty()) {
        flow.space(3);
        flow.text(plain(table.note), small);
    }
}

// The body of one report, under its title: every part that has data, in the report's order.
void report_body(Flow& flow, const Report& report, const Words& words) {
    for (const auto& fact : facts_of(report, words)) {
        flow.space(3);
        flow.text("<b>" + plain(fact.label) + ":</b> " + plain(fact.value), body);
    }
    if (!report.programme.empty()) {
        flow.heading(words.text("report.programme"), section_style, 16);
        std::vector<std::vector<std::string>> rows;
        for (const auto& line : report.programme)
            rows.push_back({line.time, line.title, line.work_form});
        flow.table(
            {words.text("report.time"), words.text("report.item"), words.text("report.work_form")},
            rows, {0.15, 0.55, 0.3});
    }
    if (!report.introduction.empty()) {
        flow.heading(words.text("report.introduction"), section_style, 16);
        markdown(flow, report.introduction);
    }
    if (!report.account.empty()) {
        flow.heading(words.text("report.account"), section_style, 16);
        markdown(flow, report.account);
    }
    if (report.attendance) {
        flow.heading(words.text("report.attendance"), section_style, 16);
        attendance(flow, *report.attendance, words);
    }
    if (!report.live.empty()) {
        flow.heading(words.text("report.live"), section_style, 16);
        for (const auto& section : report.live) {
            const auto& live = section.result;
            flow.heading(live.question.settings.prompt, label_style, 8);
            flow.text(plain(words.text("report.respondents", live.results.respondents)), small);
            flow.space(4);
            flow.bars(live_bars(live, words));
            live_group_counts(flow, section, words);
        }
    }
    if (!report.harvest.empty()) {
        flow.heading(words.text("report.harvest"), section_style, 16);
        for (const auto& part : report.harvest) {
            flow.heading(part.kind, subsection_style, 8);
            for (const auto& item : part.items) {
                flow.space(2);
                flow.text(plain(item), body, indent_step, "•");
            }
        }
    }
    if (!report.actions.empty()) {
        flow.heading(words.text("report.actions"), section_style, 16);
        std::vector<std::vector<std::string>> rows;
        for (const auto& action : report.actions) {
            rows.push_back({action.description, action.owner, action.due_on, action.status});
        }
        flow.table({words.text("report.action"), words.text("report.owner"),
                    words.text("report.due"), words.text("report.status")},
                   rows, {0.42, 0.24, 0.18, 0.16});
    }
    if (!report.experiences.empty()) {
        flow.heading(words.text("report.experiences"), section_style, 16);
        for (const auto& experience : report.experiences) {
            flow.space(8);
            flow.text("“" + plain(experience.quote) + "”", quote_style, indent_step);
            flow.text("— " + plain(experience.signature), small, indent_step);
        }
    }
    if (!report.publications.empty()) {
        flow.heading(words.text("report.publications"), section_style, 16);
        for (const auto& publication : report.publications) {
            std::string line = "<i>" + plain(publication.title) + "</i> (" +
                               plain(publication.kind) + ", " + std::to_string(publication.year);
            if (!publication.authors.empty()) line += ", " + plain(publication.authors);
            line += ")";
            if (!publication.link.empty()) line += " " + plain(publication.link);
            flow.space(2);
            flow.text(line, body, indent_step, "•");
        }
    }
}

// The title a third down the page, where a reader's eye lands on a cover.
void cover(Flow& flow, const Magazine& magazine) {
    flow.skip_to(a4_height / 3);
    flow.text(plain(magazine.title), cover_title_style);
    flow.space(18);
    flow.text(plain(magazine.period), cover_line_style);
    flow.space(6);
    flow.text(plain(magazine.summary), cover_line_style);
    flow.end_page(false);
}

void overview(Flow& flow, const Magazine& magazine, const Words& words) {
    flow.start_page();
    flow.heading(words.text("report.overview"), title_style, 0);
    flow.text(plain(magazine.summary), body);
    std::vector<BarRow> per_cafe;
    for (const auto& row : magazine.by_cafe) {
        per_cafe.push_back({row.label,
                            row.count.kind == domain::ShownCount::Kind::exact
                                ? static_cast<double>(row.count.value)
                                : 0.0,
                            count_text(row.count, words)});
    }
    flow.heading(words.text("report.visitors_per_cafe"), section_style, 16);
    flow.bars(per_cafe);
    flow.heading(words.text("report.visitors_per_group"), section_style, 16);
    attendance(flow, magazine.by_group, words);
}

// The contents: a line per chapter with its page number at the right margin. Numbers are
// set apart from the titles, so the lines wrap the same whatever the numbers are and both
// passes of magazine_pdf lay out the same pages.
void contents(Flow& flow, const Magazine& magazine, const std::vector<int>& pages,
              const Words& words) {
    flow.start_page();
    flow.heading(words.text("report.contents"), title_style, 0);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < magazine.chapters.size(); ++i) {
        rows.push_back({magazine.chapters[i].title, magazine.chapters[i].date,
                        i < pages.size() ? std::to_string(pages[i]) : ""});
    }
    flow.table(
        {words.text("report.cafe_heading"), words.text("report.when"), words.text("report.page")},
        rows, {0.5, 0.34, 0.16});
}

void closing(Flow& flow, const Magazine& magazine, const Words& words) {
    flow.start_page();
    flow.heading(words.text("report.contact"), title_style, 0);
    for (const std::string* line : {&magazine.werkplaats, &magazine.organisation, &magazine.address,
                                    &magazine.email, &magazine.site_url}) {
        if (line->empty()) continue;
        flow.space(4);
        flow.text(plain(*line), body);
    }
    flow.end_page();
}

// One pass over the whole magazine; returns the page each chapter starts on. The measuring
// pass (no `progress`) leaves the contents' numbers and the outline out.
std::vector<int> set_magazine(PdfDocument& document, const Magazine& magazine, const Words& words,
                              const std::vector<int>& chapter_pages,
                              const MagazineProgress* progress) {
    Flow flow(document);
    cover(flow, magazine);
    if (!magazine.foreword.empty()) {
        flow.heading(words.text("report.foreword"), title_style, 0);
        markdown(flow, magazine.foreword);
    }
    if (!magazine.chapters.empty()) overview(flow, magazine, words);
    flow.start_page();
    if (progress) document.add_outline(0, words.text("report.contents"), flow.page());
    contents(flow, magazine, chapter_pages, words);
    std::vector<int> pages;
    for (std::size_t i = 0; i < magazine.chapters.size(); ++i) {
        const Report& chapter = magazine.chapters[i];
        flow.start_page();
        pages.push_back(flow.page());
        if (progress) document.add_outline(0, chapter.title, flow.page());
        flow.heading(chapter.title, title_style, 0);
        report_body(flow, chapter, words);
        if (progress && *progress) (*progress)(i + 1, magazine.chapters.size(), chapter.title);
    }
    closing(flow, magazine, words);
    return pages;
}

}  // namespace

std::string report_pdf(const Report& report, const Words& words) {
    PdfDocument document(report.title);
    Flow flow(document);
    flow.heading(report.title, title_style, 0);
    report_body(flow, report, words);
    flow.end_page();
    return document.finish();
}

std::string magazine_pdf(const Magazine& magazine, const Words& words,
                         const MagazineProgress& progress) {
    std::vector<int> pages;
    {
        // The first pass only counts pages; its document is thrown away.
        PdfDocument measure(magazine.title);
        pages = set_magazine(measure, magazine, words, {}, nullptr);
        measure.finish();
    }
    PdfDocument document(magazine.title);
    set_magazine(document, magazine, words, pages, &progress);
    return document.finish();
}

}  // namespace kc::reports
