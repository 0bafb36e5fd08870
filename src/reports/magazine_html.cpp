// The magazine as one HTML file: what an organiser mails around or puts on a site, and prints
// from the browser. Its style sheet is inline, so the file stands on its own.
#include "reports/markdown.hpp"
#include "reports/report_html.hpp"
#include "reports/svg_chart.hpp"

namespace kc::reports {

namespace {

constexpr std::string_view style_sheet = R"css(
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1f2328; max-width: 46rem;
       margin: 0 auto; padding: 1rem; line-height: 1.5; }
a { color: #0b5cad; }
.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 2.6rem; margin-bottom: 0.5rem; }
.chapter, .closing, .overview, .foreword, .contents { break-before: page; }
.report-table { border-collapse: collapse; margin: 1rem 0; }
.report-table th, .report-table td { border-bottom: 1px solid #767676; padding: 0.25rem 0.75rem;
       text-align: left; vertical-align: top; }
.report-facts dt { font-weight: bold; }
.report-facts dd { margin: 0 0 0.5rem 0; }
.report-chart svg { max-width: 100%; height: auto; }
.table-scroll, .report-chart-wide { overflow-x: auto; }
.table-scroll th, .table-scroll td { overflow-wrap: normal; }
.report-chart-wide svg { min-width: 34rem; }
.report-quote blockquote { margin: 0; font-style: italic; }
@page { size: A4; margin: 20mm; }
)css";

std::string escaped(const std::string& text) { return xml_escape(text); }

// Across the cafés: one chart of the visitors per café, one of all of them by group.
std::string overview(const Magazine& magazine, const Words& words) {
    std::string html =
        "<section class=\"overview\" aria-labelledby=\"overview\">\n<h2 "
        "id=\"overview\">" +
        escaped(words.text("report.overview")) + "</h2>\n<p>" + escaped(magazine.summary) +
        "</p>\n";
    BarChart per_cafe;
    per_cafe.title = words.text("report.visitors_per_cafe");
    per_cafe.description = words.text("report.attendance_description");
    per_cafe.id = "overview-cafes";
    for (const auto& row : magazine.by_cafe) {
        if (row.count.kind == domain::ShownCount::Kind::exact && row.count.value > 0) {
            per_cafe.bars.push_back({row.label, {static_cast<double>(row.count.value)}});
        }
    }
    if (!per_cafe.bars.empty()) {
        html += "<figure class=\"report-chart\">" + svg_bar_chart(per_cafe) + "</figure>\n";
    }
    html += attendance_html(magazine.by_group, words, words.text("report.visitors_per_group"),
                            "overview-groups");
    return html + "</section>\n";
}

}  // namespace

std::string magazine_html(const Magazine& magazine, const Words& words) {
    std::string html = "<!DOCTYPE html>\n<html lang=\"" + escaped(words.text("report.lang")) +
                       "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                       "content=\"width=device-width, initial-scale=1\">\n<title>" +
                       escaped(magazine.title) + "</title>\n<style>" + std::string(style_sheet) +
                       "</style>\n</head>\n<body>\n<main>\n";
    html += "<header class=\"cover\">\n<h1>" + escaped(magazine.title) + "</h1>\n<p>" +
            escaped(magazine.period) + "</p>\n<p>" + escaped(magazine.summary) +
            "</p>\n</header>\n";
    if (!magazine.foreword.empty()) {
        html += "<section class=\"foreword\" aria-labelledby=\"foreword\">\n<h2 id=\"foreword\">" +
                escaped(words.text("report.foreword")) + "</h2>\n" +
                markdown_html(magazine.foreword, 2) + "</section>\n";
    }
    if (!magazine.chapters.empty()) html += overview(magazine, words);
    html += "<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">" +
            escaped(words.text("report.contents")) + "</h2>\n<ol>\n";
    for (const auto& chapter : magazine.chapters) {
        html += "<li><a href=\"#cafe-" + std::to_string(chapter.event_id) + "\">" +
                escaped(chapter.title) + "</a></li>\n";
    }
    html += "</ol>\n</nav>\n";
    for (const auto& chapter : magazine.chapters) {
        const std::string id = "cafe-" + std::to_string(chapter.event_id);
        html += "<article class=\"chapter\" aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id +
                "\">" + escaped(chapter.title) + "</h2>\n" + report_html(chapter, words, 3, id) +
                "</article>\n";
    }
    html += "<footer class=\"closing\">\n<h2>" + escaped(words.text("report.contact")) +
            "</h2>\n<p>" + escaped(magazine.werkplaats);
    for (const std::string* line :
         {&magazine.organisation, &magazine.address, &magazine.email, &magazine.site_url}) {
        if (!line->empty()) html += "<br>\n" + escaped(*line);
    }
    return html + "</p>\n</footer>\n</main>\n</body>\n</html>\n";
}

}  // namespace kc::reports
