#include "reports/report_model.hpp"

#include <algorithm>
#include <map>

#include "domain/experience.hpp"
#include "reports/live_svg.hpp"

namespace kc::reports {

namespace {

using domain::live::QuestionKind;

std::string when_of(const domain::EventDetails& details, const Words& words) {
    return words.date(details.starts_at) + ", " + time::format_time_input(details.starts_at) +
           " – " + time::format_time_input(details.ends_at);
}

std::string place_of(const domain::EventDetails& details) {
    if (details.location_address.empty()) return details.location_name;
    if (details.location_name.empty()) return details.location_address;
    return details.location_name + ", " + details.location_address;
}

// The count of each group in the Werkplaats's order, hidden as small_numbers.hpp says.
AttendanceTable attendance_table(const std::vector<domain::StakeholderGroup>& groups,
                                 const std::map<std::int64_t, int>& present,
                                 const domain::SmallNumberPolicy& policy) {
    std::vector<int> counts;
    for (const auto& group : groups) {
        const auto found = present.find(group.id);
        counts.push_back(found == present.end() ? 0 : found->second);
    }
    const auto shown = domain::shown_counts(counts, policy);
    AttendanceTable table;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        table.groups.push_back({groups[i].name, shown.groups[i]});
    }
    table.total = shown.total;
    return table;
}

std::map<std::int64_t, int> present_by_group(const domain::AttendanceSummary& summary) {
    std::map<std::int64_t, int> present;
    for (const auto& [group_id, counts] : summary.by_group) present[group_id] = counts.checked_in;
    return present;
}

// Open questions and Q&A hold what people typed, moderated for a screen in the room but not
// consented to for print, and questions nobody answered say nothing: both stay out.
bool belongs_in_report(const app::LiveResult& live) {
    const auto kind = live.question.settings.kind;
    return kind != QuestionKind::open && kind != QuestionKind::qa && live.results.respondents > 0;
}

// The group counts of the columns in `kept`, or none at all when no column is kept.
void keep_columns(domain::live::GroupCounts& counts, const std::vector<std::size_t>& kept) {
    if (kept.empty()) {
        counts = {};
        return;
    }
    std::vector<domain::ShownCount> by_group;
    for (const std::size_t column : kept) {
        if (column < counts.by_group.size()) by_group.push_back(counts.by_group[column]);
    }
    counts.by_group = std::move(by_group);
}

LiveSection with_groups_that_answered(app::LiveResult live) {
    using Kind = domain::ShownCount::Kind;
    LiveSection section;
    auto& results = live.results;
    std::vector<std::size_t> kept;
    const auto& respondents = results.respondents_by_group.by_group;
    for (std::size_t column = 0; column < respondents.size(); ++column) {
        // A withheld count stands for a group the size of the threshold or more.
        const auto& count = respondents[column];
        if (count.kind == Kind::fewer_than) section.small_groups_below = count.value;
        if (count.kind == Kind::withheld || (count.kind == Kind::exact && count.value > 0)) {
            kept.push_back(column);
        }
    }
    if (kept.empty()) section.small_groups_below = 0;
    keep_columns(results.respondents_by_group, kept);
    for (auto& option : results.options) keep_columns(option.groups, kept);
    for (auto& word : results.words) keep_columns(word.groups, kept);
    std::vector<std::string> names;
    for (const std::size_t column : kept) {
        if (column < live.group_names.size()) names.push_back(live.group_names[column]);
    }
    live.group_names = std::move(names);
    section.result = std::move(live);
    return section;
}

std::vector<HarvestSection> harvest_sections(const std::vector<domain::HarvestItem>& items,
                                             const Words& words) {
    std::vector<HarvestSection> sections;
    for (const auto kind : domain::all_harvest_kinds()) {
        if (!domain::is_public(kind)) continue;
        HarvestSection section;
        section.kind = words.text("follow_up.kind." + std::string(domain::to_slug(kind)));
        for (const auto& item : items) {
            if (item.kind == kind) section.items.push_back(item.text);
        }
        if (!section.items.empty()) sections.push_back(std::move(section));
    }
    return sections;
}

std::string day_written(const std::string& day, const Words& words) {
    time::LocalDateTime local;
    local.year = std::stoi(day.substr(0, 4));
    local.month = std::stoi(day.substr(5, 2));
    local.day = std::stoi(day.substr(8, 2));
    local.hour = 12;  // midday: the same day in Amsterdam whatever the clock change
    return words.date(time::from_amsterdam(local));
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const auto& part : parts) {
        if (!text.empty()) text += separator;
        text += part;
    }
    return text;
}

// "vijf" for the small numbers a sentence reads better with, digits from thirteen on.
std::string number_word(std::size_t number, const Words& words) {
    constexpr std::size_t largest_word = 12;
    if (number >= 1 && number <= largest_word) {
        return words.text("report.number_" + std::to_string(number));
    }
    return std::to_string(number);
}

}  // namespace

std::string count_text(const domain::ShownCount& count, const Words& words) {
    switch (count.kind) {
        case domain::ShownCount::Kind::exact:
            return std::to_string(count.value);
        case domain::ShownCount::Kind::fewer_than:
            return words.text("privacy.fewer_than", count.value);
        case domain::ShownCount::Kind::withheld:
            break;
    }
    return words.text("evaluation.withheld");
}

std::vector<Fact> facts_of(const Report& report, const Words& words) {
    std::vector<Fact> facts;
    const auto add = [&](const char* key, const std::string& value) {
        if (!value.empty()) facts.push_back({words.text(key), value});
    };
    add("report.theme", report.theme);
    add("report.when", report.when);
    add("report.where", report.place);
    add("report.partners", joined(report.partners, ", "));
    add("report.speakers", joined(report.speakers, "; "));
    return facts;
}

LiveGroupTable live_group_table(const LiveSection& section, const Words& words) {
    LiveGroupTable table;
    const auto& live = section.result;
    const auto& results = live.results;
    const bool by_group =
        std::any_of(results.options.begin(), results.options.end(),
                    [](const auto& option) { return !option.groups.by_group.empty(); });
    if (!by_group) return table;
    table.groups = live.group_names;
    const LiveSvgTexts texts;
    for (std::size_t i = 0; i < results.options.size(); ++i) {
        const auto& option = results.options[i];
        LiveGroupRow row{live_option_label(option, i, live.question.settings, texts),
                         {},
                         count_text(option.groups.total, words)};
        for (const auto& count : option.groups.by_group)
            row.counts.push_back(count_text(count, words));
        table.rows.push_back(std::move(row));
    }
    if (section.small_groups_below > 0) {
        table.note = words.text("report.small_groups_left_out", section.small_groups_below);
    }
    return table;
}

Report build_report(const app::ReportSources& sources, const Words& words) {
    const auto& details = sources.event.details;
    Report report;
    report.event_id = sources.event.id;
    report.title = details.title;
    report.theme = details.theme;
    report.when = when_of(details, words);
    report.date = words.date(details.starts_at);
    report.place = place_of(details);
    report.partners = sources.partners;
    for (const auto& speaker : details.speakers) {
        report.speakers.push_back(speaker.role.empty() ? speaker.name
                                                       : speaker.name + ", " + speaker.role);
    }
    for (const auto& item : details.programme) {
        report.programme.push_back(
            {item.time, item.title,
             words.text("work_form." + std::string(domain::to_slug(item.work_form)))});
    }
    report.introduction = sources.texts.introduction;
    report.account = sources.texts.account;
    report.published = sources.texts.is_published();
    if (sources.attendance.total.checked_in > 0) {
        report.attendance = attendance_table(sources.groups, present_by_group(sources.attendance),
                                             sources.small_numbers);
    }
    for (const auto& live : sources.live) {
        if (belongs_in_report(live)) report.live.push_back(with_groups_that_answered(live));
    }
    report.harvest = harvest_sections(sources.harvest, words);
    for (const auto& action : sources.actions) {
        report.actions.push_back(
            {action.draft.description, action.draft.owner,
             action.draft.due_on.empty() ? "" : day_written(action.draft.due_on, words),
             words.text("follow_up.status." + std::string(domain::to_slug(action.status)))});
    }
    for (const auto& experience : sources.experiences) {
        const std::string signature = domain::signature(experience);
        report.experiences.push_back(
            {experience.quote, signature.empty() ? words.text("experience.anonymous") : signature});
    }
    for (const auto& publication : sources.publications) {
        report.publications.push_back(
            {publication.title,
             words.text("library.kind." + std::string(domain::to_slug(publication.kind))),
             joined(publication.authors, ", "), publication.published_on.year, publication.link});
    }
    return report;
}

Magazine build_magazine(const MagazineSources& sources, const Words& words) {
    Magazine magazine;
    magazine.title = words.text("report.magazine_title") + " " + sources.werkplaats.name;
    magazine.period = day_written(sources.from, words) + " – " + day_written(sources.to, words);
    magazine.foreword = sources.foreword;
    std::map<std::int64_t, int> present;
    int visitors = 0;
    const std::vector<domain::StakeholderGroup>* groups = nullptr;
    for (const auto& cafe : sources.cafes) {
        for (const auto& [group_id, count] : present_by_group(cafe.attendance)) {
            present[group_id] += count;
        }
        visitors += cafe.attendance.total.checked_in;
        groups = &cafe.groups;
        magazine.by_cafe.push_back(
            {cafe.event.details.title,
             domain::shown_count(cafe.attendance.total.checked_in, cafe.small_numbers)});
        magazine.chapters.push_back(build_report(cafe, words));
    }
    const auto policy =
        sources.cafes.empty() ? domain::SmallNumberPolicy{} : sources.cafes.front().small_numbers;
    if (groups) magazine.by_group = attendance_table(*groups, present, policy);
    magazine.summary = count_text(domain::shown_count(visitors, policy), words) + " " +
                       words.text(visitors == 1 ? "report.visitor" : "report.visitors") + " " +
                       words.text("report.at") + " " + number_word(sources.cafes.size(), words) +
                       " " + words.text(sources.cafes.size() == 1 ? "report.cafe" : "report.cafes");
    magazine.werkplaats = sources.werkplaats.name;
    magazine.organisation = sources.contact.controller_name;
    magazine.email = sources.contact.contact_email;
    magazine.address = sources.contact.contact_address;
    magazine.site_url = sources.site_url;
    return magazine;
}

}  // namespace kc::reports
