#include "reports/live_svg.hpp"

#include <algorithm>
#include <utility>

#include "reports/svg_chart.hpp"
#include "reports/svg_parts.hpp"

namespace kc::reports {

namespace {

using domain::ShownCount;
using domain::live::OptionResult;
using domain::live::QuestionKind;
using domain::live::QuestionSettings;
using domain::live::Results;

// The word cloud fills a 16:9 beamer; its font sizes come from layout_word_cloud.
constexpr double cloud_width = 800;
constexpr double cloud_height = 450;

// The grouped chart is read from the back of a room: 800 units wide with 22-unit text
// comes out at about 50 px on a 1920-pixel beamer.
constexpr double group_view_width = 800;
constexpr double group_margin = 16;
constexpr double group_font_size = 22;
constexpr double group_line_height = 28;
constexpr double group_bar_height = 24;
constexpr double group_row_gap = 6;
constexpr double group_option_gap = 22;
constexpr double group_value_gap = 8;
// Group names take at most this share of the width; the bars get the rest.
constexpr double group_name_share = 0.35;

std::string text_fill() { return "fill=\"" + std::string(svg::text_colour) + "\""; }

std::string shown_text(const ShownCount& count, const LiveSvgTexts& texts) {
    switch (count.kind) {
        case ShownCount::Kind::exact:
            return std::to_string(count.value);
        case ShownCount::Kind::fewer_than:
            return texts.fewer_than + " " + std::to_string(count.value);
        case ShownCount::Kind::withheld:
            return texts.withheld;
    }
    return {};
}

}  // namespace

std::string live_option_label(const OptionResult& option, std::size_t index,
                              const QuestionSettings& question, const LiveSvgTexts& texts) {
    std::string label = option.label;
    if (question.kind == QuestionKind::statement && index < texts.statement_levels.size()) {
        label = texts.statement_levels[index];
    }
    if (question.kind == QuestionKind::scale) {
        const bool first = index == 0;
        const bool last = std::cmp_equal(index, question.scale_max - question.scale_min);
        if (first && !question.scale_min_label.empty()) {
            label += " (" + question.scale_min_label + ")";
        }
        if (last && !question.scale_max_label.empty()) {
            label += " (" + question.scale_max_label + ")";
        }
    }
    if (option.correct) label += " " + texts.correct;
    return label;
}

namespace {

double value_of(const OptionResult& option, QuestionKind kind) {
    return kind == QuestionKind::ranking ? option.score : option.count;
}

std::string summary(const Results& results, const LiveSvgTexts& texts) {
    std::string text = std::to_string(results.respondents) + " " + texts.respondents + ".";
    if (results.average) text += " " + texts.average + ": " + svg::decimal(*results.average) + ".";
    return text;
}

std::string bars(const Results& results, const QuestionSettings& question,
                 const LiveSvgOptions& options) {
    BarChart chart{
        .title = question.prompt, .description = summary(results, options.texts), .id = options.id};
    for (std::size_t i = 0; i < results.options.size(); ++i) {
        const OptionResult& option = results.options[i];
        chart.bars.push_back({live_option_label(option, i, question, options.texts),
                              {value_of(option, question.kind)}});
    }
    return svg_bar_chart(chart);
}

std::string word_cloud(const Results& results, const QuestionSettings& question,
                       const LiveSvgOptions& options) {
    std::string description = summary(results, options.texts);
    for (const auto& word : results.words) {
        description += " " + word.text + ": " + std::to_string(word.count) + ".";
    }
    std::string body;
    const auto placed = domain::live::layout_word_cloud(results.words, cloud_width, cloud_height);
    if (placed.empty()) {
        body += svg::text_element(cloud_width / 2, cloud_height / 2,
                                  text_fill() + " text-anchor=\"middle\" font-size=\"32\"",
                                  options.texts.no_words);
    }
    // The darkest colour first: the most mentioned word is the easiest to read.
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const auto& word = placed[i];
        const std::string_view colour =
            i % 5 == 0 ? svg::text_colour : svg::colour_of_series(i % 5 - 1);
        body += svg::text_element(
            word.x, word.y,
            "fill=\"" + std::string(colour) + "\" text-anchor=\"middle\" font-size=\"" +
                svg::decimal(word.font_size) + "\" textLength=\"" + svg::decimal(word.width) +
                "\" lengthAdjust=\"spacingAndGlyphs\"",
            word.text);
    }
    return svg::document(options.id, cloud_width, cloud_height, group_font_size, question.prompt,
                         description, body);
}

// Per option its label, then a bar per group and one for the total, each with its count
// written beside it; a count that may not be shown gets no bar, only its words.
std::string grouped_bars(const Results& results, const QuestionSettings& question,
                         const std::vector<std::string>& group_names,
                         const LiveSvgOptions& options) {
    const LiveSvgTexts& texts = options.texts;
    const double content_width = group_view_width - 2 * group_margin;
    double name_width = svg::estimated_text_width(texts.total, group_font_size);
    for (const std::string& name : group_names) {
        name_width = std::max(name_width, svg::estimated_text_width(name, group_font_size));
    }
    name_width = std::min(name_width, content_width * group_name_share);
    const double bar_left = group_margin + name_width + group_value_gap;
    const double widest_value =
        svg::estimated_text_width(texts.fewer_than + " 50", group_font_size);
    const double bar_area =
        group_view_width - group_margin - bar_left - group_value_gap - widest_value;
    int largest = 1;
    for (const OptionResult& option : results.options) {
        for (const ShownCount& count : option.groups.by_group) {
            if (count.kind == ShownCount::Kind::exact) largest = std::max(largest, count.value);
        }
        if (option.groups.total.kind == ShownCount::Kind::exact) {
            largest = std::max(largest, option.groups.total.value);
        }
    }

    std::string description = summary(results, texts);
    std::string body;
    double y = group_margin;
    const auto add_row = [&](const std::string& name, const ShownCount& count,
                             std::string_view colour) {
        const double baseline = y + group_bar_height / 2 + group_font_size * 0.35;
        body += svg::text_element(group_margin, baseline, text_fill(), name);
        double end = bar_left;
        if (count.kind == ShownCount::Kind::exact && count.value > 0) {
            const double length = bar_area * count.value / largest;
            body += svg::rect_element(bar_left, y, length, group_bar_height, colour) + "/>";
            end += length;
        }
        body += svg::text_element(end + group_value_gap, baseline, text_fill(),
                                  shown_text(count, texts));
        y += group_bar_height + group_row_gap;
    };
    for (std::size_t i = 0; i < results.options.size(); ++i) {
        const OptionResult& option = results.options[i];
        const std::string label = live_option_label(option, i, question, texts);
        for (const std::string& line : svg::wrapped(label, content_width, group_font_size)) {
            body += svg::text_element(group_margin, y + group_font_size,
                                      text_fill() + " font-weight=\"bold\"", line);
            y += group_line_height;
        }
        y += group_row_gap;
        description += " " + label + ":";
        for (std::size_t g = 0; g < option.groups.by_group.size(); ++g) {
            const std::string name = g < group_names.size() ? group_names[g] : std::string();
            add_row(name, option.groups.by_group[g], svg::colour_of_series(g));
            description += " " + name + " " + shown_text(option.groups.by_group[g], texts) + ",";
        }
        add_row(texts.total, option.groups.total, svg::text_colour);
        description += " " + texts.total + " " + shown_text(option.groups.total, texts) + ".";
        y += group_option_gap - group_row_gap;
    }
    const double height = y - group_option_gap + group_margin;
    return svg::document(options.id, group_view_width, std::max(height, 2 * group_margin),
                         group_font_size, question.prompt, description, body);
}

bool asked_by_group(const Results& results) {
    return std::any_of(results.options.begin(), results.options.end(),
                       [](const OptionResult& option) { return !option.groups.by_group.empty(); });
}

}  // namespace

std::string svg_live_results(const Results& results, const QuestionSettings& question,
                             const std::vector<std::string>& group_names,
                             const LiveSvgOptions& options) {
    switch (question.kind) {
        case QuestionKind::open:
        case QuestionKind::qa:
            return {};
        case QuestionKind::word_cloud:
            return word_cloud(results, question, options);
        case QuestionKind::choice:
        case QuestionKind::quiz:
        case QuestionKind::statement:
        case QuestionKind::scale:
        case QuestionKind::ranking:
            break;
    }
    if (asked_by_group(results)) return grouped_bars(results, question, group_names, options);
    return bars(results, question, options);
}

}  // namespace kc::reports
