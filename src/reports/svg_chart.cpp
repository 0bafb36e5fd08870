#include "reports/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "reports/svg_parts.hpp"

namespace kc::reports {

namespace {

using svg::axis_colour;
using svg::background_colour;
using svg::colour_of_series;
using svg::decimal;
using svg::rect_element;
using svg::text_colour;
using svg::text_element;

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

std::string text_fill() { return "fill=\"" + std::string(text_colour) + "\""; }

double estimated_text_width(std::string_view text) {
    return svg::estimated_text_width(text, font_size);
}

double countable(double value) { return std::isfinite(value) && value > 0 ? value : 0; }

double total_of(const Bar& bar) {
    return std::accumulate(bar.values.begin(), bar.values.end(), 0.0,
                           [](double sum, double value) { return sum + countable(value); });
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
    for (const std::string& line : svg::wrapped(bar.label, content_width, font_size)) {
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

    const std::string id = chart.id.empty() ? derived_id(chart) : chart.id;
    return svg::document(id, view_width, height, font_size, chart.title,
                         accessible_description(chart), body);
}

}  // namespace kc::reports
