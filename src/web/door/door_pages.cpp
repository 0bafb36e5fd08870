// On the day: checking people in on a tablet, walk-ins, no-shows; afterwards the
// attendance per stakeholder group for one event and for a period.
#include <map>

#include "app/registrations.hpp"
#include "core/text.hpp"
#include "reports/qr_code.hpp"
#include "reports/svg_chart.hpp"
#include "web/audit_trail.hpp"
#include "web/components.hpp"
#include "web/exports/export_links.hpp"
#include "web/view_helpers.hpp"

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

using app::Role;

class DoorPages final : public Component {
  public:
    explicit DoorPages(Site& site) : site_(site), audit_(site) {}

    void add_routes(Routes& routes) override {
        routes.members("GET", "/beheer/events/{id}/inchecken", Role::host,
                       bind_handler(this, &DoorPages::checkin_list));
        routes.members("POST", "/beheer/events/{id}/inchecken", Role::host,
                       bind_handler(this, &DoorPages::checkin_submit));
        routes.members("GET", "/beheer/events/{id}/inchecken/{registration}/qr", Role::host,
                       bind_handler(this, &DoorPages::personal_qr));
        routes.members("POST", "/beheer/events/{id}/inloop", Role::host,
                       bind_handler(this, &DoorPages::walk_in_submit));
        routes.members("POST", "/beheer/events/{id}/niet-gekomen", Role::host,
                       bind_handler(this, &DoorPages::no_shows_submit));
        routes.members("GET", "/beheer/events/{id}/aanwezigheid", Role::host,
                       bind_handler(this, &DoorPages::event_attendance));
        routes.members("GET", "/beheer/statistiek", Role::organiser,
                       bind_handler(this, &DoorPages::period_statistics));
    }

  private:
    void checkin_list(const VisitPtr& visit, const Access& access);
    void checkin_submit(const VisitPtr& visit, const Access& access);
    // A large QR code of one participant's personal page, to scan at the door.
    void personal_qr(const VisitPtr& visit, const Access& access);
    void walk_in_submit(const VisitPtr& visit, const Access& access);
    void no_shows_submit(const VisitPtr& visit, const Access& access);
    void event_attendance(const VisitPtr& visit, const Access& access);
    void period_statistics(const VisitPtr& visit, const Access& access);
    Response checkin_page(const VisitPtr& visit, const domain::Event& event,
                          const FormData& walk_in, const FieldErrors& errors);
    std::string checkin_path(const domain::Event& event) const {
        return "/beheer/events/" + std::to_string(event.id) + "/inchecken";
    }

    Site& site_;
    AuditTrail audit_;
};

void DoorPages::checkin_list(const VisitPtr& visit, const Access& access) {
    audit_.viewed(access, app::AuditAction::viewed_checkin_list, access.event().id);
    site_.finish(visit, checkin_page(visit, access.event(), FormData{}, {}));
}

void DoorPages::personal_qr(const VisitPtr& visit, const Access& access) {
    const auto* event = &access.event();
    const auto* registration = &access.registration();
    const std::string link = site_.public_base_url() + "/aanmelding/" + registration->cancel_token;
    data values = site_.event_summary(visit, *event);
    values.set("event_id", std::to_string(event->id));
    values.set("name", registration->form.name);
    values.set("link", link);
    values.set("qr", reports::qr_svg(reports::encode_qr(link),
                                     visit->text("cafe.qr_label") + " " + registration->form.name));
    site_.finish(visit, site_.page(visit, "personal_qr", values, registration->form.name));
}

Response DoorPages::checkin_page(const VisitPtr& visit, const domain::Event& source_event,
                                 const FormData& walk_in, const FieldErrors& errors) {
    auto& queries = site_.store().read();
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
    data values = site_.event_summary(visit, *event);
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
    for (const char* consent : {"consent_photos", "consent_contact"}) {
        values.set(std::string("walk_in_") + consent, walk_in.get(consent) == "ja");
    }
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "checkin", values,
                      visit->text("door.title") + ": " + event->details.title,
                      errors.empty() ? 200 : 422);
}

void DoorPages::checkin_submit(const VisitPtr& visit, const Access& access) {
    const auto registration_id = text::parse_integer(visit->form.get("registration"), 1, INT64_MAX);
    if (!registration_id) return site_.respond_error(visit, 400, "error.bad_form");
    const bool undo = visit->form.get("action") == "uit";
    site_.write(
        visit,
        [scope = access.event_scope(), id = *registration_id, undo,
         now = site_.now()](app::Transaction& tx) {
            return undo ? app::undo_check_in(tx, scope, id) : app::check_in(tx, scope, id, now);
        },
        [this, visit, &access, id = *registration_id](const app::DoorOutcome& outcome) {
            if (outcome.result != app::DoorResult::done) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            return site_.redirect(checkin_path(access.event()) + "?q=" +
                                  percent_encode(visit->form.get("q")) + "#r" + std::to_string(id));
        });
}

void DoorPages::walk_in_submit(const VisitPtr& visit, const Access& access) {
    domain::RegistrationForm registration;
    registration.name = visit->form.get("name");
    registration.email = visit->form.get("email");
    registration.organisation = visit->form.get("organisation");
    registration.group_id = text::parse_integer(visit->form.get("group"), 1, INT64_MAX).value_or(0);
    // The host asks a walk-in what a registration form asks: consent is never assumed.
    registration.consent_photos = visit->form.get("consent_photos") == "ja";
    registration.consent_contact = visit->form.get("consent_contact") == "ja";
    site_.write(
        visit,
        [scope = access.event_scope(), registration, now = site_.now()](app::Transaction& tx) {
            return app::add_walk_in(tx, scope, registration, now);
        },
        [this, visit, &access](const app::DoorOutcome& outcome) {
            switch (outcome.result) {
                case app::DoorResult::done:
                    return site_.redirect(checkin_path(access.event()) + "?melding=inloop");
                case app::DoorResult::invalid:
                    return checkin_page(visit, access.event(), visit->form, outcome.errors);
                case app::DoorResult::not_found:
                    break;
            }
            return site_.error_page(visit, 404, "error.event_not_found");
        });
}

void DoorPages::no_shows_submit(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [scope = access.event_scope()](app::Transaction& tx) {
            return app::mark_no_shows(tx, scope);
        },
        [this, visit, &access](std::optional<int> marked) {
            if (!marked) return site_.error_page(visit, 404, "error.event_not_found");
            return site_.redirect("/beheer/events/" + std::to_string(access.event().id) +
                                  "/aanwezigheid");
        });
}

void DoorPages::event_attendance(const VisitPtr& visit, const Access& access) {
    auto& queries = site_.store().read();
    const auto* event = &access.event();
    data values = site_.event_summary(visit, *event);
    set_summary(values,
                domain::summarize_event_attendance(queries.attendance_facts(event->werkplaats_id),
                                                   event->id),
                queries.groups(event->werkplaats_id), *visit->texts,
                visit->text("attendance.chart_title_event"));
    if (access.has_role(Role::organiser)) values.set("exports", export_links(queries, *event));
    site_.finish(visit, site_.page(visit, "attendance", values,
                                   visit->text("attendance.title") + ": " + event->details.title));
}

void DoorPages::period_statistics(const VisitPtr& visit, const Access& access) {
    auto& queries = site_.store().read();
    const auto werkplaats_id = access.werkplaats_id();
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
    site_.finish(visit,
                 site_.page(visit, "statistics", values, visit->text("attendance.period_title")));
}

}  // namespace

std::unique_ptr<Component> make_door_pages(Site& site) { return std::make_unique<DoorPages>(site); }

}  // namespace kc::web
