#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc::reports {

// One row of a bar chart: a label and one value per series, stacked left to right.
// Negative and non-finite values count as zero.
struct Bar {
    std::string label;
    std::vector<double> values;
};

// A horizontal bar chart, optionally stacked (e.g. new and returning visitors).
struct BarChart {
    std::string title;
    std::string description;  // read by screen readers, before the values of the bars
    // Names of the series, shown as a legend when there are two or more.
    std::vector<std::string> series_names;
    std::vector<Bar> bars;
    // Shown instead of the bars when there are none, e.g. "Nog geen bezoekers".
    std::string empty_text;
    // Prefix of the element ids, which must be unique within the page that embeds the
    // chart; when empty it is derived from the chart's content.
    std::string id;
};

// The chart as SVG markup, for inline use in HTML and as image/svg+xml. It scales to
// its container through its viewBox, is labelled by its <title> and <desc> (the desc
// also lists every value, because role="img" hides the drawn text from screen
// readers), and writes a label above and the value beside every bar, in colours with
// at least 4.5:1 contrast against its white background that stay apart for
// colour-blind readers.
std::string svg_bar_chart(const BarChart& chart);

// Text escaped for XML content and attribute values; control characters that XML 1.0
// does not allow are dropped.
std::string xml_escape(std::string_view text);

}  // namespace kc::reports
