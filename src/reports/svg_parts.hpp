#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

// The pieces the SVG reports share, so that every chart has the same colours, number
// format and accessible frame. Internal to kc_reports.
namespace kc::reports::svg {

// The Okabe-Ito colours blue, vermilion, bluish green and reddish purple, which stay
// apart for every common form of colour blindness, darkened until white text on them
// (and so they on the white background) reaches 4.5:1.
inline constexpr std::array<std::string_view, 4> series_colours = {"#0072b2", "#c04f00", "#007a5a",
                                                                   "#a8588a"};
inline constexpr std::string_view text_colour = "#1f2328";  // 15.8:1 on white
inline constexpr std::string_view axis_colour = "#767676";  // 4.5:1 on white
inline constexpr std::string_view background_colour = "#ffffff";

std::string_view colour_of_series(std::size_t series);

// Integers without decimals and other numbers with one, always with a decimal point,
// whatever the locale of the process.
std::string decimal(double value);

// The width of a text in a sans-serif font, estimated on the safe side.
double estimated_text_width(std::string_view text, double font_size);

// A label broken at spaces into lines that fit the width; a single word that is too
// long keeps a line of its own.
std::vector<std::string> wrapped(std::string_view label, double width, double font_size);

// A text element; `content` is escaped here, `attributes` must already be.
std::string text_element(double x, double y, std::string_view attributes, std::string_view content);

// The start of a rect element, left open so the caller can add attributes or content.
std::string rect_element(double x, double y, double width, double height, std::string_view fill);

// A whole SVG document on a white background, labelled by its <title> and <desc> with ids
// from `id` (which must be unique within the page), scaling to its container.
std::string document(std::string_view id, double view_width, double view_height, double font_size,
                     std::string_view title, std::string_view description, std::string_view body);

}  // namespace kc::reports::svg
