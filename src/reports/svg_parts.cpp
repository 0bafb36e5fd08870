#include "reports/svg_parts.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"
#include "reports/svg_chart.hpp"

namespace kc::reports::svg {

namespace {

// Sans-serif glyphs average about 0.55 em; a little more keeps estimates on the safe side.
constexpr double average_glyph_width_em = 0.6;

}  // namespace

std::string_view colour_of_series(std::size_t series) {
    return series_colours[series % series_colours.size()];
}

std::string decimal(double value) {
    std::array<char, 48> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                            std::chars_format::fixed, 1);
    std::string text = error == std::errc() ? std::string(buffer.data(), end) : "0";
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    if (text == "-0") text = "0";
    return text;
}

double estimated_text_width(std::string_view text, double font_size) {
    return average_glyph_width_em * font_size * static_cast<double>(text::code_point_count(text));
}

std::vector<std::string> wrapped(std::string_view label, double width, double font_size) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= label.size()) {
        const std::size_t end = std::min(label.find(' ', start), label.size());
        const std::string_view word = label.substr(start, end - start);
        if (!word.empty()) {
            if (!lines.empty() &&
                estimated_text_width(lines.back() + " " + std::string(word), font_size) <= width) {
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

std::string text_element(double x, double y, std::string_view attributes,
                         std::string_view content) {
    return "<text x=\"" + decimal(x) + "\" y=\"" + decimal(y) + "\" " + std::string(attributes) +
           ">" + xml_escape(content) + "</text>";
}

std::string rect_element(double x, double y, double width, double height, std::string_view fill) {
    return "<rect x=\"" + decimal(x) + "\" y=\"" + decimal(y) + "\" width=\"" + decimal(width) +
           "\" height=\"" + decimal(height) + "\" fill=\"" + std::string(fill) + "\"";
}

std::string document(std::string_view id, double view_width, double view_height, double font_size,
                     std::string_view title, std::string_view description, std::string_view body) {
    const std::string safe_id = xml_escape(id);
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + decimal(view_width) + " " +
        decimal(view_height) + "\" role=\"img\" aria-labelledby=\"" + safe_id + "-title " +
        safe_id + "-desc\" font-family=\"sans-serif\" font-size=\"" + decimal(font_size) + "\">";
    svg += "<title id=\"" + safe_id + "-title\">" + xml_escape(title) + "</title>";
    svg += "<desc id=\"" + safe_id + "-desc\">" + xml_escape(description) + "</desc>";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"" + std::string(background_colour) + "\"/>";
    svg += body;
    svg += "</svg>";
    return svg;
}

}  // namespace kc::reports::svg
