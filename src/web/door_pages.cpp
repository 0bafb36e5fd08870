// On the day: checking people in on a tablet, walk-ins, no-shows; afterwards the
// attendance per stakeholder group for one event and for a period.
#include <map>

#include "app/registrations.hpp"
#include "core/text.hpp"
#include "reports/qr_code.hpp"
#include "reports/svg_chart.hpp"
#include "web/view_helpers.hpp"
#include "web/web_app.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

std::string str(int value) { return std::to_string(value); }

data counts_row(const std::string& label, const domain::GroupCounts& counts) {
    data row(data::type::object);
    row.set("label", label);
    row.set("registered", str(counts.registered));
    row.set("waitlisted", str(counts.waitlisted));
    row.set("checked_in", str(counts.checked_in));
    row.set("walk_in", str(counts.walk_in));
    row.set("no_show", str(counts.no_show));
    row.set("new_visitors", str(counts.new_visitors));
    row.set("returning_visitors", str(counts.returning_visitors));
    return row;
}

// The table rows and the chart of one summary, groups in the Werkplaats's order.
void set_summary(data& values, const domain::AttendanceSummary& summary,
                 const std::vector<domain::StakeholderGroup>& groups, const Catalogue& texts,
                 const std::string& chart_title) {
    data rows(data::type::list);
    reports::BarChart chart;
    chart.title = chart_title;
    chart.description = texts.text("attendance.chart_description", summary.total.checked_in);
    chart.id = "attendance";
    chart.empty_text = texts.text("attendance.no_visitors");
    chart.series_names = {texts.text("attendance.new_visitors"),
                          texts.text("attendance.returning_visitors")};
    for (const auto& group : groups) {
        const auto found = summary.by_group.find(group.id);
        const domain::GroupCounts counts =
            found == summary.by_group.end() ? domain::GroupCounts{} : found->second;
        rows.push_back(counts_row(group.name, counts));
        chart.bars.push_back({group.name,
                              {static_cast<double>(counts.new_visitors),
                               static_cast<double>(counts.returning_visitors)}});
    }
    values.set("rows", rows);
    values.set("total", counts_row(texts.text("attendance.total"), summary.total));
    values.set("chart", reports::svg_bar_chart(chart));
}

bool matches(const domain::Registration& registration, const std::string& query) {
    if (query.empty()) return true;
    return text::ascii_lower(registration.form.name).find(query) != std::string::npos ||
           text::ascii_lower(registration.form.organisation).find(query) != std::string::npos;
}

}  // namespace

void WebApp::checkin_list(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::host)) return;
    const auto event = own_event(visit);
    if (!event) return;
    finish(visit, checkin_page(visit, *event, FormData{}, {}));
}

void WebApp::personal_qr(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::host)) return;
    const auto event = own_event(visit);
    if (!event) return;
    const auto registration = store_.read().registration(visit->params.id("registration"));
    if (!registration || registration->event_id != event->id) {
        return respond_error(visit, 404, "error.not_found");
    }
    const std::string link = public_base_url() + "/aanmelding/" + registration->cancel_token;
    data values = event_summary(visit, *event);
    values.set("event_id", std::to_string(event->id));
    values.set("name", registration->form.name);
    values.set("link", link);
    values.set("qr", reports::qr_svg(reports::encode_qr(link),
                                     visit->text("cafe.qr_label") + " " + registration->form.name));
    finish(visit, page(visit, "personal_qr", values, registration->form.name));
}

Response WebApp::checkin_page(const VisitPtr& visit, const domain::Event& source_event,
                              const FormData& walk_in, const FieldErrors& errors) {
    auto& queries = store_.read();
    const domain::Event* event = &source_event;
    const auto query_form = FormData::parse(visit->request.query).value_or(FormData{});
    const std::string query = text::trim(query_form.get("q"));
    const std::string lowered = text::ascii_lower(query);
    const auto groups = queries.groups(event->werkplaats_id);
    std::map<std::int64_t, std::string> group_names;
    data group_list(data::type::list);
    for (const auto& group : groups) {
        group_names[group.id] = group.name;
        data item(data::type::object);
        item.set("id", std::to_string(group.id));
        item.set("name", group.name);
        item.set("selected", walk_in.get("group") == std::to_string(group.id));
        group_list.push_back(item);
    }
    data people(data::type::list);
    int shown = 0;
    for (const auto& registration : queries.registrations(event->id)) {
        if (registration.status == domain::RegistrationStatus::cancelled ||
            !matches(registration, lowered)) {
            continue;
        }
        data row(data::type::object);
        row.set("id", std::to_string(registration.id));
        row.set("name", registration.form.name);
        row.set("group", group_names[registration.form.group_id]);
        set_if_present(row, "organisation", registration.form.organisation);
        set_if_present(row, "accessibility", registration.form.accessibility);
        set_if_present(row, "dietary", registration.form.dietary);
        row.set("is_checked_in", registration.attendance == domain::Attendance::checked_in);
        row.set("is_no_show", registration.attendance == domain::Attendance::no_show);
        row.set("is_waitlisted", registration.status == domain::RegistrationStatus::waitlisted);
        row.set("is_walk_in", registration.walk_in);
        people.push_back(row);
        ++shown;
    }
    data values = event_summary(visit, *event);
    values.set("event_id", std::to_string(event->id));
    values.set("query", query);
    values.set("people", people);
    values.set("has_people", shown > 0);
    values.set("groups", group_list);
    const auto flash = query_form.get("melding");
    if (!flash.empty() && visit->texts->has("door.flash_" + flash)) {
        values.set("flash", visit->text("door.flash_" + flash));
    }
    for (const char* field : {"name", "email", "organisation"}) {
        values.set(std::string("walk_in_") + field, walk_in.get(field));
    }
    set_field_errors(values, errors, *visit->texts);
    return page(visit, "checkin", values, visit->text("door.title") + ": " + event->details.title,
                errors.empty() ? 200 : 422);
}

void WebApp::checkin_submit(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::host);
    if (!form) return;
    const std::int64_t event_id = visit->params.id("id");
    const auto registration_id = text::parse_integer(form->get("registration"), 1, INT64_MAX);
    if (!registration_id) return respond_error(visit, 400, "error.bad_form");
    const bool undo = form->get("action") == "uit";
    auto outcome = std::make_shared<app::DoorOutcome>();
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, id = *registration_id, undo, now, event_id](app::Transaction& tx) {
            const auto registration = tx.registration(id);
            if (!registration || registration->event_id != event_id) return;
            *outcome = undo ? app::undo_check_in(tx, id) : app::check_in(tx, id, now);
        },
        [this, visit, outcome, event_id, query = form->get("q"), id = *registration_id]() {
            if (outcome->result != app::DoorResult::done)
                return error_page(visit, 404, "error.not_found");
            return redirect("/beheer/events/" + std::to_string(event_id) +
                            "/inchecken?q=" + percent_encode(query) + "#r" + std::to_string(id));
        });
}

void WebApp::walk_in_submit(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::host);
    if (!form) return;
    const std::int64_t event_id = visit->params.id("id");
    domain::RegistrationForm registration;
    registration.name = form->get("name");
    registration.email = form->get("email");
    registration.organisation = form->get("organisation");
    registration.group_id = text::parse_integer(form->get("group"), 1, INT64_MAX).value_or(0);
    auto outcome = std::make_shared<app::DoorOutcome>();
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, event_id, registration, now](app::Transaction& tx) {
            *outcome = app::add_walk_in(tx, event_id, registration, now);
        },
        [this, visit, outcome, event_id, form = *form]() {
            const auto event = store_.read().event(event_id);
            if (outcome->result == app::DoorResult::not_found || !event) {
                return error_page(visit, 404, "error.event_not_found");
            }
            if (outcome->result == app::DoorResult::invalid)
                return checkin_page(visit, *event, form, outcome->errors);
            return redirect("/beheer/events/" + std::to_string(event_id) +
                            "/inchecken?melding=inloop");
        });
}

void WebApp::no_shows_submit(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::host);
    if (!form) return;
    const std::int64_t event_id = visit->params.id("id");
    write_then(
        visit, [event_id](app::Transaction& tx) { app::mark_no_shows(tx, event_id); },
        [this, event_id]() {
            return redirect("/beheer/events/" + std::to_string(event_id) + "/aanwezigheid");
        });
}

void WebApp::event_attendance(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::host)) return;
    auto& queries = store_.read();
    const auto event = own_event(visit);
    if (!event) return;
    const auto history = queries.attendance_facts(event->werkplaats_id);
    std::vector<domain::AttendanceFact> facts;
    for (const auto& fact : history) {
        if (fact.event_id == event->id) facts.push_back(fact);
    }
    data values = event_summary(visit, *event);
    set_summary(values, domain::summarize_attendance(facts, history),
                queries.groups(event->werkplaats_id), *visit->texts,
                visit->text("attendance.chart_title_event"));
    finish(visit, page(visit, "attendance", values,
                       visit->text("attendance.title") + ": " + event->details.title));
}

void WebApp::period_statistics(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::host)) return;
    auto& queries = store_.read();
    const auto werkplaats_id = visit->user->werkplaats_id;
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    FieldErrors errors;
    const std::string from_text = text::trim(query.get("van"));
    const std::string to_text = text::trim(query.get("tot"));
    std::optional<time::Timestamp> from;
    std::optional<time::Timestamp> to;
    if (!from_text.empty()) {
        from = time::parse_iso8601(from_text + "T00:00");
        if (!from) errors.push_back({"van", "error.invalid_date"});
    }
    if (!to_text.empty()) {
        to = time::parse_iso8601(to_text + "T00:00");
        if (!to) {
            errors.push_back({"tot", "error.invalid_date"});
        } else {
            *to += 24 * 3600;  // the end date itself is included
        }
    }
    const auto history = queries.attendance_facts(werkplaats_id);
    std::vector<domain::AttendanceFact> facts;
    std::map<std::int64_t, int> present_per_event;
    for (const auto& fact : history) {
        if ((from && fact.event_starts_at < *from) || (to && fact.event_starts_at >= *to)) continue;
        facts.push_back(fact);
        if (fact.attendance == domain::Attendance::checked_in) ++present_per_event[fact.event_id];
    }
    const auto summary = domain::summarize_attendance(facts, history);
    data values(data::type::object);
    values.set("value_van", from_text);
    values.set("value_tot", to_text);
    set_field_errors(values, errors, *visit->texts);
    set_summary(values, summary, queries.groups(werkplaats_id), *visit->texts,
                visit->text("attendance.chart_title_period"));
    data events(data::type::list);
    app::EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    filter.starts_from = from;
    filter.starts_before = to;
    int event_count = 0;
    for (const auto& event : queries.events(filter)) {
        if (present_per_event.count(event.id) == 0) continue;
        data row(data::type::object);
        row.set("id", std::to_string(event.id));
        row.set("title", event.details.title);
        row.set("date", long_date(event.details.starts_at, *visit->texts));
        row.set("present", str(present_per_event[event.id]));
        events.push_back(row);
        ++event_count;
    }
    values.set("events", events);
    values.set("summary_text", visit->text("attendance.period_summary", summary.total.checked_in) +
                                   " " + visit->text("attendance.period_events", event_count));
    finish(visit, page(visit, "statistics", values, visit->text("attendance.period_title")));
}

}  // namespace kc::web
