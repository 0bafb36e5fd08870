#include "web/live/live_views.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

using domain::live::QuestionKind;
using kainjow::mustache::data;

namespace {

constexpr int statement_levels = 5;

bool contains(const std::vector<int>& values, int value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        std::string line = text::trim(text.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (!line.empty()) lines.push_back(std::move(line));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

int number_field(const FormData& form, const char* name, int fallback, int min, int max) {
    return static_cast<int>(
        text::parse_integer(text::trim(form.get(name)), min, max).value_or(fallback));
}

}  // namespace

std::string statement_label(const VisitPtr& visit, int level) {
    return visit->text("live.statement_" + std::to_string(level));
}

data question_data(const VisitPtr& visit, const live::QuestionView& view,
                   const std::optional<domain::live::AnswerValue>& answer) {
    const auto& settings = view.question.settings;
    data values(data::type::object);
    values.set("question_id", std::to_string(view.question.id));
    values.set("prompt", settings.prompt);
    values.set("number", std::to_string(view.number));
    values.set("count", std::to_string(view.count));
    values.set("kind", std::string(domain::live::to_slug(settings.kind)));
    values.set("kind_name",
               visit->text("live.kind." + std::string(domain::live::to_slug(settings.kind))));
    values.set("accepting", view.question.state == app::LiveQuestionState::open);
    values.set("is_closed", view.question.state == app::LiveQuestionState::closed);
    values.set("is_waiting", view.question.state == app::LiveQuestionState::waiting);
    values.set("answered", answer.has_value());
    // What static/live_phone.js compares with a "question" message to notice a change.
    values.set("state_key", std::string(app::to_slug(view.question.state)));
    if (view.remaining_ms) {
        values.set("remaining_seconds", std::to_string((*view.remaining_ms + 999) / 1000));
    }
    values.set("kind_" + std::string(domain::live::to_slug(settings.kind)), true);

    const auto picked = answer ? answer->options : std::vector<int>{};
    data options(data::type::list);
    for (std::size_t index = 0; index < settings.options.size(); ++index) {
        data option(data::type::object);
        option.set("index", std::to_string(index));
        option.set("position", std::to_string(index + 1));
        option.set("label", settings.options[index]);
        option.set("checked", contains(picked, static_cast<int>(index)));
        const bool correct = settings.kind == QuestionKind::quiz &&
                             view.question.state == app::LiveQuestionState::closed &&
                             settings.correct_option == static_cast<int>(index);
        option.set("correct", correct);
        options.push_back(option);
    }
    values.set("options", options);
    values.set("input_type", settings.kind == QuestionKind::choice && settings.multiple
                                 ? std::string("checkbox")
                                 : std::string("radio"));
    if (settings.kind == QuestionKind::ranking) {
        // Every place 1..n gets a select per option; the phone's earlier order is kept.
        data rows(data::type::list);
        const std::size_t count = settings.options.size();
        for (std::size_t index = 0; index < count; ++index) {
            data row(data::type::object);
            row.set("index", std::to_string(index));
            row.set("label", settings.options[index]);
            const auto place = std::find(picked.begin(), picked.end(), static_cast<int>(index));
            const std::size_t chosen = place == picked.end()
                                           ? index + 1
                                           : static_cast<std::size_t>(place - picked.begin()) + 1;
            data places(data::type::list);
            for (std::size_t position = 1; position <= count; ++position) {
                data item(data::type::object);
                item.set("value", std::to_string(position));
                item.set("selected", position == chosen);
                places.push_back(item);
            }
            row.set("places", places);
            rows.push_back(row);
        }
        values.set("ranking_rows", rows);
    }
    const int chosen_number = answer && answer->number ? *answer->number : INT32_MIN;
    if (settings.kind == QuestionKind::statement) {
        data levels(data::type::list);
        for (int level = 1; level <= statement_levels; ++level) {
            data item(data::type::object);
            item.set("value", std::to_string(level));
            item.set("label", statement_label(visit, level));
            item.set("checked", level == chosen_number);
            levels.push_back(item);
        }
        values.set("levels", levels);
    }
    if (settings.kind == QuestionKind::scale) {
        data steps(data::type::list);
        for (int value = settings.scale_min; value <= settings.scale_max; ++value) {
            data item(data::type::object);
            item.set("value", std::to_string(value));
            item.set("checked", value == chosen_number);
            steps.push_back(item);
        }
        values.set("steps", steps);
        values.set("scale_min", std::to_string(settings.scale_min));
        values.set("scale_max", std::to_string(settings.scale_max));
        set_if_present(values, "scale_min_label", settings.scale_min_label);
        set_if_present(values, "scale_max_label", settings.scale_max_label);
    }
    if (settings.kind == QuestionKind::word_cloud) {
        data words(data::type::list);
        for (int index = 0; index < settings.words_per_participant; ++index) {
            data item(data::type::object);
            item.set("index", std::to_string(index + 1));
            const bool has = answer && static_cast<std::size_t>(index) < answer->words.size();
            item.set("value", has ? answer->words[static_cast<std::size_t>(index)] : std::string());
            words.push_back(item);
        }
        values.set("word_inputs", words);
    }
    return values;
}

data entries_data(const domain::live::Results& results) {
    data entries(data::type::list);
    for (const auto& entry : results.entries) {
        data item(data::type::object);
        item.set("id", std::to_string(entry.id));
        item.set("text", entry.text);
        item.set("votes", std::to_string(entry.voters.size()));
        item.set("pending", entry.status == domain::live::Entry::Status::pending);
        entries.push_back(item);
    }
    return entries;
}

domain::live::QuestionSettings question_from_form(const FormData& form) {
    domain::live::QuestionSettings settings;
    settings.kind =
        domain::live::question_kind_from_slug(form.get("kind")).value_or(QuestionKind::choice);
    settings.prompt = text::trim(form.get("prompt"));
    settings.options = lines_of(form.get("options"));
    settings.multiple = form.get("multiple") == "ja";
    settings.scale_min = number_field(form, "scale_min", 1, -1000, 1000);
    settings.scale_max = number_field(form, "scale_max", 10, -1000, 1000);
    settings.scale_min_label = text::trim(form.get("scale_min_label"));
    settings.scale_max_label = text::trim(form.get("scale_max_label"));
    // The form counts options from 1, as people do.
    settings.correct_option = number_field(form, "correct_option", 0, 0, 100) - 1;
    settings.time_limit_seconds = number_field(form, "time_limit_seconds", 20, 0, 10000);
    settings.words_per_participant = number_field(form, "words_per_participant", 3, 0, 100);
    settings.approve_first = form.get("approve_first") == "ja";
    return settings;
}

data question_form_data(const VisitPtr& visit, const domain::live::QuestionSettings& settings) {
    data values(data::type::object);
    data kinds(data::type::list);
    for (const auto kind : {QuestionKind::choice, QuestionKind::word_cloud, QuestionKind::statement,
                            QuestionKind::scale, QuestionKind::quiz, QuestionKind::open,
                            QuestionKind::qa, QuestionKind::ranking}) {
        data item(data::type::object);
        const std::string slug(domain::live::to_slug(kind));
        item.set("value", slug);
        item.set("name", visit->text("live.kind." + slug));
        item.set("selected", kind == settings.kind);
        kinds.push_back(item);
    }
    values.set("kinds", kinds);
    values.set("value_prompt", settings.prompt);
    std::string options;
    for (const auto& option : settings.options) options += option + "\n";
    values.set("value_options", options);
    values.set("value_multiple", settings.multiple);
    values.set("value_scale_min", std::to_string(settings.scale_min));
    values.set("value_scale_max", std::to_string(settings.scale_max));
    values.set("value_scale_min_label", settings.scale_min_label);
    values.set("value_scale_max_label", settings.scale_max_label);
    values.set("value_correct_option",
               settings.correct_option >= 0 ? std::to_string(settings.correct_option + 1) : "");
    values.set("value_time_limit_seconds", std::to_string(settings.time_limit_seconds));
    values.set("value_words_per_participant", std::to_string(settings.words_per_participant));
    values.set("value_approve_first", settings.approve_first);
    return values;
}

}  // namespace kc::web
