#include "reports/report_html.hpp"

#include "reports/live_svg.hpp"
#include "reports/markdown.hpp"
#include "reports/svg_chart.hpp"

namespace kc::reports {

namespace {

std::string h(int level, const std::string& id, const std::string& text) {
    const std::string tag = "h" + std::to_string(level);
    return "<" + tag + " id=\"" + id + "\">" + xml_escape(text) + "</" + tag + ">\n";
}

// A section headed by a catalogue text; its heading labels it for screen readers.
std::string section(int level, const std::string& id, const std::string& heading,
                    const std::string& body) {
    return "<section class=\"report-section\" aria-labelledby=\"" + id + "\">\n" +
           h(level, id, heading) + body + "</section>\n";
}

std::string list(const std::vector<std::string>& items) {
    std::string html = "<ul>\n";
    for (const auto& item : items) html += "<li>" + xml_escape(item) + "</li>\n";
    return html + "</ul>\n";
}

std::string facts(const Report& report, const Words& words) {
    std::string html = "<dl class=\"report-facts\">\n";
    for (const auto& fact : facts_of(report, words)) {
        html += "<dt>" + xml_escape(fact.label) + "</dt><dd>" + xml_escape(fact.value) + "</dd>\n";
    }
    return html + "</dl>\n";
}

std::string programme(const Report& report, const Words& words) {
    std::string html = "<table class=\"report-table\">\n<thead><tr><th scope=\"col\">" +
                       xml_escape(words.text("report.time")) + "</th><th scope=\"col\">" +
                       xml_escape(words.text("report.item")) + "</th><th scope=\"col\">" +
                       xml_escape(words.text("report.work_form")) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& line : report.programme) {
        html += "<tr><td>" + xml_escape(line.time) + "</td><td>" + xml_escape(line.title) +
                "</td><td>" + xml_escape(line.work_form) + "</td></tr>\n";
    }
    return html + "</tbody>\n</table>\n";
}

}  // namespace

std::string attendance_html(const AttendanceTable& table, const Words& words,
                            const std::string& title, const std::string& id) {
    BarChart chart;
    chart.title = title;
    chart.description = words.text("report.attendance_description");
    chart.id = id + "-chart";
    for (const auto& row : table.groups) {
        if (row.count.kind == domain::ShownCount::Kind::exact && row.count.value > 0) {
            chart.bars.push_back({row.label, {static_cast<double>(row.count.value)}});
        }
    }
    std::string html;
    if (!chart.bars.empty()) {
        html += "<figure class=\"report-chart\">" + svg_bar_chart(chart) + "</figure>\n";
    }
    html += "<table class=\"report-table\">\n<caption>" + xml_escape(title) +
            "</caption>\n<thead><tr><th scope=\"col\">" + xml_escape(words.text("report.group")) +
            "</th><th scope=\"col\">" + xml_escape(words.text("report.present")) +
            "</th></tr></thead>\n<tbody>\n";
    for (const auto& row : table.groups) {
        html += "<tr><th scope=\"row\">" + xml_escape(row.label) + "</th><td>" +
                xml_escape(count_text(row.count, words)) + "</td></tr>\n";
    }
    html += "</tbody>\n<tfoot><tr><th scope=\"row\">" + xml_escape(words.text("report.total")) +
            "</th><td>" + xml_escape(count_text(table.total, words)) +
            "</td></tr></tfoot>\n</table>\n";
    return html;
}

namespace {

// The numbers of a result by group beside its chart, for readers who want them exactly and
// for screen readers.
std::string live_table(const LiveSection& section, const Words& words) {
    const LiveGroupTable table = live_group_table(section, words);
    if (table.rows.empty()) return {};
    // On a narrow phone the table scrolls sideways inside its own region, which keyboard
    // users reach with Tab, rather than breaking words in narrow columns.
    const std::string prompt = xml_escape(section.result.question.settings.prompt);
    std::string html = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" +
                       prompt + "\">\n<table class=\"report-table\">\n<caption>" + prompt +
                       "</caption>\n<thead><tr><th scope=\"col\">" +
                       xml_escape(words.text("report.answer")) + "</th>";
    for (const auto& group : table.groups) {
        html += "<th scope=\"col\">" + xml_escape(group) + "</th>";
    }
    html += "<th scope=\"col\">" + xml_escape(words.text("report.total")) +
            "</th></tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        html += "<tr><th scope=\"row\">" + xml_escape(row.label) + "</th>";
        for (const auto& count : row.counts) html += "<td>" + xml_escape(count) + "</td>";
        html += "<td>" + xml_escape(row.total) + "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n</div>\n";
    if (!table.note.empty()) html += "<p class=\"hint\">" + xml_escape(table.note) + "</p>\n";
    return html;
}

std::string live(const Report& report, const Words& words, const std::string& id) {
    std::string html;
    int number = 0;
    for (const auto& section : report.live) {
        const auto& result = section.result;
        LiveSvgOptions options;
        options.id = id + "-q" + std::to_string(++number);
        // A chart by group has a row per group under every answer: on a phone it keeps a
        // legible size and scrolls sideways, like the table under it.
        const bool by_group = !result.group_names.empty();
        html += std::string(by_group
                                ? "<figure class=\"report-chart report-chart-wide\" tabindex=\"0\">"
                                : "<figure class=\"report-chart\">") +
                svg_live_results(result.results, result.question.settings, result.group_names,
                                 options) +
                "<figcaption>" + xml_escape(result.question.settings.prompt) +
                "</figcaption></figure>\n" + live_table(section, words);
    }
    return html;
}

std::string harvest(const Report& report, int level, const std::string& id) {
    std::string html;
    int number = 0;
    for (const auto& part : report.harvest) {
        html += h(level, id + "-k" + std::to_string(++number), part.kind) + list(part.items);
    }
    return html;
}

std::string actions(const Report& report, const Words& words) {
    std::string html = "<table class=\"report-table\">\n<thead><tr><th scope=\"col\">" +
                       xml_escape(words.text("report.action")) + "</th><th scope=\"col\">" +
                       xml_escape(words.text("report.owner")) + "</th><th scope=\"col\">" +
                       xml_escape(words.text("report.due")) + "</th><th scope=\"col\">" +
                       xml_escape(words.text("report.status")) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& action : report.actions) {
        html += "<tr><td>" + xml_escape(action.description) + "</td><td>" +
                xml_escape(action.owner) + "</td><td>" + xml_escape(action.due_on) + "</td><td>" +
                xml_escape(action.status) + "</td></tr>\n";
    }
    return html + "</tbody>\n</table>\n";
}

std::string experiences(const Report& report) {
    std::string html;
    for (const auto& experience : report.experiences) {
        html += "<figure class=\"report-quote\"><blockquote><p>" + xml_escape(experience.quote) +
                "</p></blockquote><figcaption>" + xml_escape(experience.signature) +
                "</figcaption></figure>\n";
    }
    return html;
}

std::string publications(const Report& report) {
    std::string html = "<ul>\n";
    for (const auto& publication : report.publications) {
        const std::string title = xml_escape(publication.title);
        html += "<li>";
        html += publication.link.empty() ? "<cite>" + title + "</cite>"
                                         : "<a href=\"" + xml_escape(publication.link) +
                                               "\"><cite>" + title + "</cite></a>";
        html += " (" + xml_escape(publication.kind) + ", " + std::to_string(publication.year);
        if (!publication.authors.empty()) html += ", " + xml_escape(publication.authors);
        html += ")</li>\n";
    }
    return html + "</ul>\n";
}

}  // namespace

std::string report_html(const Report& report, const Words& words, int heading_level,
                        const std::string& id_prefix) {
    const int level = heading_level;
    const auto id = [&](const char* part) { return id_prefix + "-" + part; };
    std::string html = facts(report, words);
    if (!report.programme.empty()) {
        html += section(level, id("programme"), words.text("report.programme"),
                        programme(report, words));
    }
    if (!report.introduction.empty()) {
        html += section(level, id("introduction"), words.text("report.introduction"),
                        markdown_html(report.introduction, level));
    }
    if (!report.account.empty()) {
        html += section(level, id("account"), words.text("report.account"),
                        markdown_html(report.account, level));
    }
    if (report.attendance) {
        const std::string title = words.text("report.attendance");
        html += section(level, id("attendance"), title,
                        attendance_html(*report.attendance, words, title, id("attendance")));
    }
    if (!report.live.empty()) {
        html +=
            section(level, id("live"), words.text("report.live"), live(report, words, id("live")));
    }
    if (!report.harvest.empty()) {
        html += section(level, id("harvest"), words.text("report.harvest"),
                        harvest(report, level + 1, id("harvest")));
    }
    if (!report.actions.empty()) {
        html += section(level, id("actions"), words.text("report.actions"), actions(report, words));
    }
    if (!report.experiences.empty()) {
        html += section(level, id("experiences"), words.text("report.experiences"),
                        experiences(report));
    }
    if (!report.publications.empty()) {
        html += section(level, id("publications"), words.text("report.publications"),
                        publications(report));
    }
    return html;
}

}  // namespace kc::reports
