#include "reports/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "core/text.hpp"

namespace kc::reports {

namespace {

// The Okabe-Ito colours blue, vermilion, bluish green and reddish purple, which stay
// apart for every common form of colour blindness, darkened until white text on them
// (and so they on the white background) reaches 4.5:1.
constexpr std::array<std::string_view, 4> series_colours = {"#0072b2", "#c04f00", "#007a5a",
                                                            "#a8588a"};
constexpr std::string_view text_colour = "#1f2328";  // 15.8:1 on white
constexpr std::string_view axis_colour = "#767676";  // 4.5:1 on white
constexpr std::string_view background_colour = "#ffffff";

// A narrow viewBox with the label above each bar keeps the text readable when the
// chart shrinks to the width of a phone: 16 units still come out at about 13 px.
constexpr double view_width = 400;
constexpr double margin = 8;
constexpr double content_width = view_width - 2 * margin;
constexpr double font_size = 16;
constexpr double line_height = 20;
constexpr double bar_height = 22;
constexpr double row_gap = 12;
constexpr double value_gap = 6;
constexpr double segment_text_padding = 12;
constexpr double swatch_size = 14;
constexpr double legend_item_gap = 18;
// Sans-serif glyphs average about 0.55 em; a little more keeps estimates on the safe side.
constexpr double average_glyph_width = 0.6 * font_size;

// Writes integers without decimals and other numbers with one, always with a decimal
// point, whatever the locale of the process.
std::string decimal(double value) {
    std::array<char, 48> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                            std::chars_format::fixed, 1);
    std::string text = error == std::errc() ? std::string(buffer.data(), end) : "0";
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    if (text == "-0") text = "0";
    return text;
}

std::string text_fill() { return "fill=\"" + std::string(text_colour) + "\""; }

double estimated_text_width(std::string_view text) {
    return average_glyph_width * static_cast<double>(text::code_point_count(text));
}

double countable(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

double total_of(const Bar& bar) {
    return std::accumulate(bar.values.begin(), bar.values.end(), 0.0,
                           [](double sum, double value) { return sum + countable(value); });
}

std::string_view colour_of_series(std::size_t series) {
    return series_colours[series % series_colours.size()];
}

// Breaks a label at spaces into lines that fit the width; a single word that is too
// long keeps a line of its own.
std::vector<std::string> wrapped(std::string_view label, double width) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= label.size()) {
        const std::size_t end = std::min(label.find(' ', start), label.size());
        const std::string_view word = label.substr(start, end - start);
        if (!word.empty()) {
            if (!lines.empty() &&
                estimated_text_width(lines.back() + " " + std::string(word)) <= width) {
                lines.back() += " " + std::string(word);
            } else {
                lines.emplace_back(word);
            }
        }
        start = end + 1;
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

// A stable id prefix from the chart's texts, so two different charts on one page do
// not share ids (FNV-1a).
std::string derived_id(const BarChart& chart) {
    std::uint32_t hash = 2166136261u;
    const auto mix = [&hash](std::string_view text) {
        for (const char c : text) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 16777619u;
        }
        hash ^= 0xFFu;  // Separates "ab" + "c" from "a" + "bc".
        hash *= 16777619u;
    };
    mix(chart.title);
    mix(chart.description);
    for (const Bar& bar : chart.bars) mix(bar.label);
    std::array<char, 8> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), hash, 16);
    return "kc-chart-" + std::string(digits.data(), result.ptr);
}

// What a screen reader hears: the description, then every bar with its total and,
// for stacked bars, its parts.
std::string accessible_description(const BarChart& chart) {
    std::string text = chart.description;
    const auto add_sentence = [&text](const std::string& sentence) {
        if (!text.empty()) text += ' ';
        text += sentence;
    };
    if (chart.bars.empty()) add_sentence(chart.empty_text);
    const bool stacked = chart.series_names.size() > 1;
    for (const Bar& bar : chart.bars) {
        std::string sentence = bar.label + ": " + decimal(total_of(bar));
        if (stacked) {
            std::string parts;
            for (std::size_t s = 0; s < bar.values.size() && s < chart.series_names.size(); ++s) {
                if (!parts.empty()) parts += ", ";
                parts += chart.series_names[s] + ": " + decimal(countable(bar.values[s]));
            }
            sentence += " (" + parts + ")";
        }
        add_sentence(sentence + ".");
    }
    return text;
}

std::string text_element(double x, double y, std::string_view attributes,
                         std::string_view content) {
    return "<text x=\"" + decimal(x) + "\" y=\"" + decimal(y) + "\" " + std::string(attributes) +
           ">" + xml_escape(content) + "</text>";
}

// The start of a rect element, left open so the caller can add attributes or content.
std::string rect_element(double x, double y, double width, double height, std::string_view fill) {
    return "<rect x=\"" + decimal(x) + "\" y=\"" + decimal(y) + "\" width=\"" + decimal(width) +
           "\" height=\"" + decimal(height) + "\" fill=\"" + std::string(fill) + "\"";
}

// Writes the legend, wrapping onto more lines when the names do not fit, and returns
// its height.
double add_legend(std::string& svg, const std::vector<std::string>& names) {
    double x = margin;
    double y = margin;
    for (std::size_t s = 0; s < names.size(); ++s) {
        const double item_width = swatch_size + 6 + estimated_text_width(names[s]);
        if (x > margin && x + item_width > view_width - margin) {
            x = margin;
            y += line_height + 4;
        }
        svg += rect_element(x, y + 2, swatch_size, swatch_size, colour_of_series(s)) + "/>";
        svg += text_element(x + swatch_size + 6, y + font_size, text_fill(), names[s]);
        x += item_width + legend_item_gap;
    }
    return y + line_height + 4 - margin;
}

// How values map to lengths, shared by all bars of a chart.
struct Scale {
    bool stacked = false;
    double largest = 0;   // the largest bar total, drawn over the whole bar area
    double bar_area = 0;  // the width left for bars beside the widest value label
};

// Writes one bar: its label (wrapped) above it, its segments, the value of each segment
// inside it when stacked and there is room, and its total beside it. Returns where
// the next bar starts.
double add_bar(std::string& svg, const Bar& bar, const std::vector<std::string>& series_names,
               const Scale& scale, double y) {
    for (const std::string& line : wrapped(bar.label, content_width)) {
        svg += text_element(margin, y + font_size, text_fill(), line);
        y += line_height;
    }
    const double bar_top = y + 2;
    const double baseline = bar_top + bar_height / 2 + font_size * 0.35;
    // A tick at the start gives a bar of zero, which draws nothing, a visible place.
    svg += "<line x1=\"" + decimal(margin) + "\" y1=\"" + decimal(bar_top - 2) + "\" x2=\"" +
           decimal(margin) + "\" y2=\"" + decimal(bar_top + bar_height + 2) + "\" stroke=\"" +
           std::string(axis_colour) + "\"/>";
    double x = margin;
    for (std::size_t s = 0; s < bar.values.size(); ++s) {
        const double value = countable(bar.values[s]);
        const double length = scale.largest > 0 ? scale.bar_area * value / scale.largest : 0;
        if (length <= 0) continue;
        const std::string part = decimal(value);
        std::string tooltip = bar.label;
        if (s < series_names.size()) tooltip += ", " + series_names[s];
        tooltip += ": " + part;
        // A white edge sets stacked segments apart even where their colours are close.
        svg += rect_element(x, bar_top, length, bar_height, colour_of_series(s)) + " stroke=\"" +
               std::string(background_colour) + "\" stroke-width=\"2\"><title>" +
               xml_escape(tooltip) + "</title></rect>";
        if (scale.stacked && estimated_text_width(part) + segment_text_padding <= length) {
            svg += text_element(
                x + length / 2, baseline,
                "fill=\"" + std::string(background_colour) + "\" text-anchor=\"middle\"", part);
        }
        x += length;
    }
    svg += text_element(x + value_gap, baseline, text_fill(), decimal(total_of(bar)));
    return bar_top + bar_height + row_gap;
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&#39;";
                break;
            case '\t':
            case '\n':
            case '\r':
                escaped.push_back(c);
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20) escaped.push_back(c);
        }
    }
    return escaped;
}

std::string svg_bar_chart(const BarChart& chart) {
    Scale scale{.stacked = chart.series_names.size() > 1};
    double widest_value = estimated_text_width("0");
    for (const Bar& bar : chart.bars) {
        scale.largest = std::max(scale.largest, total_of(bar));
        widest_value = std::max(widest_value, estimated_text_width(decimal(total_of(bar))));
    }
    scale.bar_area = content_width - value_gap - widest_value;

    std::string body;
    double y = margin;
    if (scale.stacked) y += add_legend(body, chart.series_names) + row_gap / 2;
    if (chart.bars.empty()) {
        body += text_element(margin, y + font_size, text_fill(), chart.empty_text);
        y += line_height + row_gap;
    }
    for (const Bar& bar : chart.bars) y = add_bar(body, bar, chart.series_names, scale, y);
    const double height = y - row_gap + margin;

    const std::string id = xml_escape(chart.id.empty() ? derived_id(chart) : chart.id);
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + decimal(view_width) + " " +
        decimal(height) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id +
        "-desc\" font-family=\"sans-serif\" font-size=\"" + decimal(font_size) + "\">";
    svg += "<title id=\"" + id + "-title\">" + xml_escape(chart.title) + "</title>";
    svg += "<desc id=\"" + id + "-desc\">" + xml_escape(accessible_description(chart)) + "</desc>";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"" + std::string(background_colour) + "\"/>";
    svg += body;
    svg += "</svg>";
    return svg;
}

}  // namespace kc::reports
