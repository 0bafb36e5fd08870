#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "reports/svg_chart.hpp"

namespace kc::reports {
namespace {

struct Segment {
    double x = 0;
    double width = 0;
    std::string fill;
};

struct Text {
    double x = 0;
    std::string fill;
    std::string content;
};

// The bar segments: the only rects with a stroke (legend swatches have none).
std::vector<Segment> segments(const std::string& svg) {
    static const std::regex pattern(
        "<rect x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"[0-9.]+\" "
        "fill=\"(#[0-9a-f]{6})\" stroke=");
    std::vector<Segment> found;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
         it != std::sregex_iterator(); ++it) {
        found.push_back({std::stod((*it)[1]), std::stod((*it)[2]), (*it)[3]});
    }
    return found;
}

std::vector<Text> texts(const std::string& svg) {
    static const std::regex pattern(
        "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" fill=\"(#[0-9a-f]{6})\"[^>]*>([^<]*)</text>");
    std::vector<Text> found;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
         it != std::sregex_iterator(); ++it) {
        found.push_back({std::stod((*it)[1]), (*it)[2], (*it)[3]});
    }
    return found;
}

double view_box_width(const std::string& svg) {
    std::smatch match;
    if (!std::regex_search(svg, match, std::regex("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\""))) {
        ADD_FAILURE() << "no viewBox";
        return 0;
    }
    EXPECT_GT(std::stod(match[2]), 0);
    return std::stod(match[1]);
}

// Tags open and close in order and every "&" starts an entity: enough to know that
// no label broke out of its element.
void expect_well_formed(const std::string& svg) {
    static const std::regex tag("<(/?)([a-z]+)[^<>]*?(/?)>");
    std::vector<std::string> open;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator();
         ++it) {
        const std::string name = (*it)[2];
        if ((*it)[1] == "/") {
            ASSERT_FALSE(open.empty()) << "</" << name << "> closes nothing";
            ASSERT_EQ(open.back(), name);
            open.pop_back();
        } else if ((*it)[3] != "/") {
            open.push_back(name);
        }
    }
    EXPECT_TRUE(open.empty());
    EXPECT_EQ(std::regex_replace(svg, std::regex("<[^<>]*>"), "").find('<'), std::string::npos);
    EXPECT_FALSE(std::regex_search(svg, std::regex("&(?!(amp|lt|gt|quot|#39);)")));
}

double relative_luminance(const std::string& hex) {
    double channels[3];
    for (int i = 0; i < 3; ++i) {
        const double c = std::stoi(hex.substr(1 + 2 * i, 2), nullptr, 16) / 255.0;
        channels[i] = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

double contrast(const std::string& a, const std::string& b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The magazine's chart: 136 visitors at five cafés, by group (illustrative split).
BarChart visitors_by_group() {
    BarChart chart;
    chart.title = "136 bezoekers van vijf kenniscafés, per groep";
    chart.description = "Aantal bezoekers per groep.";
    chart.bars = {{"Gemeente", {24}}, {"Uitvoeringspraktijk", {38}},
                  {"Bewoner", {17}},  {"Docent(onderzoeker)", {21}},
                  {"Student", {19}},  {"Sociaal ondernemer", {7}},
                  {"Markt", {5}},     {"Beroepsvereniging", {3}},
                  {"Anders", {2}}};
    return chart;
}

TEST(XmlEscape, EscapesMarkupCharacters) {
    EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f'"),
              "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
    EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");
    EXPECT_EQ(xml_escape("Zoë – café"), "Zoë – café");
}

TEST(XmlEscape, DropsControlCharactersXmlForbids) {
    const std::string with_controls{'a', '\x01', 'b', '\x1F', 'c', '\0', 'd', '\x0B'};
    EXPECT_EQ(xml_escape(with_controls), "abcd");
    EXPECT_EQ(xml_escape("a\tb\nc"), "a\tb\nc");
}

TEST(SvgBarChart, IsAnAccessibleScalableImage) {
    const std::string svg = svg_bar_chart(visitors_by_group());
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    EXPECT_TRUE(svg.ends_with("</svg>"));
    EXPECT_EQ(svg.find(" width=\"", 0), svg.find(" width=\"100%\"")) << "no fixed size";
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("font-family=\"sans-serif\""), std::string::npos);
    std::smatch match;
    ASSERT_TRUE(
        std::regex_search(svg, match, std::regex("aria-labelledby=\"([^ \"]+) ([^ \"]+)\"")));
    EXPECT_NE(svg.find("<title id=\"" + match[1].str() + "\">136 bezoekers"), std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"" + match[2].str() + "\">Aantal bezoekers per groep."),
              std::string::npos);
    expect_well_formed(svg);
}

TEST(SvgBarChart, TellsScreenReadersEveryValue) {
    const std::string svg = svg_bar_chart(visitors_by_group());
    std::smatch match;
    ASSERT_TRUE(std::regex_search(svg, match, std::regex("<desc[^>]*>([^<]*)</desc>")));
    EXPECT_EQ(match[1].str(),
              "Aantal bezoekers per groep. Gemeente: 24. Uitvoeringspraktijk: 38. Bewoner: 17. "
              "Docent(onderzoeker): 21. Student: 19. Sociaal ondernemer: 7. Markt: 5. "
              "Beroepsvereniging: 3. Anders: 2.");
}

TEST(SvgBarChart, DrawsBarsProportionalToTheirValues) {
    const BarChart chart = visitors_by_group();
    const std::string svg = svg_bar_chart(chart);
    const std::vector<Segment> drawn = segments(svg);
    ASSERT_EQ(drawn.size(), chart.bars.size());
    const double per_visitor = drawn[1].width / 38;  // the largest bar
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        EXPECT_NEAR(drawn[i].width, per_visitor * chart.bars[i].values[0], 0.1) << i;
        EXPECT_DOUBLE_EQ(drawn[i].x, drawn[0].x);
    }
    const double width = view_box_width(svg);
    EXPECT_LE(drawn[1].x + drawn[1].width, width);
    for (const Text& text : texts(svg)) EXPECT_LT(text.x, width) << text.content;
}

TEST(SvgBarChart, WritesEveryLabelAndValueVisibly) {
    const std::string svg = svg_bar_chart(visitors_by_group());
    const std::vector<Text> written = texts(svg);
    for (const char* expected : {"Gemeente", "Docent(onderzoeker)", "Anders", "38", "2"}) {
        EXPECT_TRUE(std::any_of(written.begin(), written.end(), [&](const Text& text) {
            return text.content == expected;
        })) << expected;
    }
}

TEST(SvgBarChart, UsesColoursWithEnoughContrast) {
    BarChart chart;
    chart.series_names = {"Nieuw", "Terugkerend", "Derde", "Vierde"};
    chart.bars = {{"Student", {30, 25, 20, 15}}, {"Bewoner", {0, 1, 2, 3}}};
    const std::string svg = svg_bar_chart(chart);
    std::vector<std::string> fills;
    for (const Segment& segment : segments(svg)) {
        EXPECT_GE(contrast(segment.fill, "#ffffff"), 4.5) << segment.fill;
        if (std::find(fills.begin(), fills.end(), segment.fill) == fills.end()) {
            fills.push_back(segment.fill);
        }
    }
    EXPECT_EQ(fills.size(), 4u) << "every series has its own colour";
    for (const Text& text : texts(svg)) {
        // Text is either dark on the white background or white on a bar segment.
        if (text.fill == "#ffffff") continue;
        EXPECT_GE(contrast(text.fill, "#ffffff"), 4.5) << text.content;
    }
    EXPECT_NE(svg.find("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"),
              std::string::npos);
}

TEST(SvgBarChart, StacksSeriesWithALegendAndTotals) {
    BarChart chart;
    chart.title = "Nieuwe en terugkerende bezoekers";
    chart.series_names = {"Nieuw", "Terugkerend"};
    chart.bars = {{"Student", {30, 10}}, {"Markt", {3, 1}}};
    const std::string svg = svg_bar_chart(chart);
    const std::vector<Segment> drawn = segments(svg);
    ASSERT_EQ(drawn.size(), 4u);
    EXPECT_NEAR(drawn[1].x, drawn[0].x + drawn[0].width, 0.1) << "segments touch";
    EXPECT_NE(drawn[0].fill, drawn[1].fill);
    EXPECT_EQ(drawn[0].fill, drawn[2].fill);
    EXPECT_NEAR(drawn[2].width + drawn[3].width, (drawn[0].width + drawn[1].width) / 10, 0.2);
    const std::vector<Text> written = texts(svg);
    const auto has_text = [&written](const std::string& content) {
        return std::any_of(written.begin(), written.end(),
                           [&](const Text& text) { return text.content == content; });
    };
    EXPECT_TRUE(has_text("Nieuw"));
    EXPECT_TRUE(has_text("Terugkerend"));
    EXPECT_TRUE(has_text("40")) << "the total beside the bar";
    EXPECT_TRUE(has_text("4"));
    EXPECT_NE(svg.find(">30</text>"), std::string::npos) << "a wide segment shows its value";
    EXPECT_NE(svg.find("Student: 40 (Nieuw: 30, Terugkerend: 10)."), std::string::npos);
    expect_well_formed(svg);
}

TEST(SvgBarChart, EscapesEveryText) {
    BarChart chart;
    chart.title = "Bezoekers <script>alert(1)</script>";
    chart.description = "A & B";
    chart.series_names = {"\"nieuw\"", "<terug>"};
    chart.bars = {{"Gemeente & co", {2, 1}}, {"</text><text>", {1, 0}}};
    chart.id = "grafiek\"<";
    const std::string svg = svg_bar_chart(chart);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<terug>"), std::string::npos);
    EXPECT_NE(svg.find("Gemeente &amp; co"), std::string::npos);
    EXPECT_NE(svg.find("&lt;/text&gt;&lt;text&gt;"), std::string::npos);
    EXPECT_NE(svg.find("&quot;nieuw&quot;"), std::string::npos);
    expect_well_formed(svg);
}

TEST(SvgBarChart, WrapsLongLabelsWithinTheWidth) {
    BarChart chart;
    const std::string title =
        "Verbondenheid en veerkracht in de wijk: wat werkt er echt voor bewoners en professionals?";
    chart.bars = {{title, {12}}};
    const std::string svg = svg_bar_chart(chart);
    std::string joined;
    int lines = 0;
    for (const Text& text : texts(svg)) {
        if (text.content == "12") continue;
        joined += (joined.empty() ? "" : " ") + text.content;
        ++lines;
    }
    EXPECT_GE(lines, 2);
    EXPECT_EQ(joined, title);
}

TEST(SvgBarChart, RendersAnEmptyChartWithItsMessage) {
    BarChart chart;
    chart.title = "Bezoekers";
    chart.empty_text = "Nog geen bezoekers";
    const std::string svg = svg_bar_chart(chart);
    EXPECT_TRUE(segments(svg).empty());
    EXPECT_NE(svg.find(">Nog geen bezoekers</text>"), std::string::npos);
    EXPECT_GT(view_box_width(svg), 0);
    EXPECT_EQ(svg.find("nan"), std::string::npos);
    expect_well_formed(svg);
    expect_well_formed(svg_bar_chart(BarChart{}));
}

TEST(SvgBarChart, DrawsZeroNegativeAndNonFiniteValuesAsZero) {
    BarChart chart;
    chart.bars = {{"Markt", {0}}, {"Anders", {-3}}, {"Fout", {std::nan("")}}, {"Leeg", {}}};
    const std::string svg = svg_bar_chart(chart);
    EXPECT_TRUE(segments(svg).empty());
    for (const char* bad : {"nan", "inf", "-"}) {
        EXPECT_EQ(std::regex_replace(svg, std::regex("<[^>]*>"), "").find(bad), std::string::npos)
            << bad;
    }
    int zeros = 0;
    for (const Text& text : texts(svg)) zeros += text.content == "0" ? 1 : 0;
    EXPECT_EQ(zeros, 4);
}

TEST(SvgBarChart, GivesDifferentChartsDifferentIds) {
    BarChart first = visitors_by_group();
    BarChart second = visitors_by_group();
    second.title = "Bezoekers van het kenniscafé van 6 december";
    const auto labelled_by = [](const std::string& svg) {
        std::smatch match;
        std::regex_search(svg, match, std::regex("aria-labelledby=\"([^\"]*)\""));
        return match[1].str();
    };
    EXPECT_NE(labelled_by(svg_bar_chart(first)), labelled_by(svg_bar_chart(second)));
    EXPECT_EQ(labelled_by(svg_bar_chart(first)), labelled_by(svg_bar_chart(first)));
    first.id = "bezoekers-per-groep";
    EXPECT_EQ(labelled_by(svg_bar_chart(first)),
              "bezoekers-per-groep-title bezoekers-per-groep-desc");
}

}  // namespace
}  // namespace kc::reports
