// The organisers' side of werkteams: the list of a Werkplaats's teams, creating and editing
// one, and on the team's page its members, meetings, products and the events that belong
// to it. Every route is for organisers; the router resolves {werkteam} within the Werkplaats.
#include <climits>

#include "app/werkteams.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"
#include "web/werkteams/werkteam_views.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

constexpr WerkteamBounds bounds = organiser_bounds;
// The events offered for linking: the Werkplaats's events of two years back and one ahead.
constexpr time::Timestamp link_window_back = 2 * 366 * 86'400;
constexpr time::Timestamp link_window_ahead = 366 * 86'400;
constexpr std::size_t themes_offered = 100;

// The form of a team's page that came back with errors, as it was typed.
struct Typed {
    std::string form;  // "team", "member", "meeting", "product" or "event"; empty: none
    FormData values;
    FieldErrors errors;
};

std::string team_path(std::int64_t id) { return "/beheer/werkteams/" + std::to_string(id); }

// An optional id from a form: nullopt when left empty, 0 when it is not a number.
std::optional<std::int64_t> optional_id(const FormData& form, std::string_view field) {
    const std::string value = text::trim(form.get(field));
    if (value.empty()) return std::nullopt;
    return text::parse_integer(value, 1, INT64_MAX).value_or(0);
}

struct Option {
    std::string value;
    std::string label;
};

data options(const std::vector<Option>& choices, const std::string& selected) {
    data list(data::type::list);
    for (const auto& choice : choices) {
        data item(data::type::object);
        item.set("value", choice.value);
        item.set("label", choice.label);
        item.set("selected", choice.value == selected);
        list.push_back(item);
    }
    return list;
}

// One form's fields as typed (when it came back with errors) or else as `defaults`, and
// its errors.
data form_data(const Typed& typed, std::string_view form,
               const std::vector<std::pair<std::string, std::string>>& defaults,
               const Catalogue& texts) {
    data values(data::type::object);
    const bool came_back = typed.form == form;
    for (const auto& [field, fallback] : defaults) {
        values.set("value_" + field, came_back ? typed.values.get(field) : fallback);
    }
    set_field_errors(values, came_back ? typed.errors : FieldErrors{}, texts);
    return values;
}

domain::Werkteam read_team_form(const FormData& form, FieldErrors& errors) {
    domain::Werkteam werkteam;
    werkteam.name = text::trim(form.get("name"));
    werkteam.description = text::trim(form.get("description"));
    werkteam.started_on = text::trim(form.get("started_on"));
    const std::string ended_on = text::trim(form.get("ended_on"));
    if (!ended_on.empty()) werkteam.ended_on = ended_on;
    werkteam.theme_id = optional_id(form, "theme_id");
    if (werkteam.theme_id == 0) errors.push_back({"theme_id", "error.choose_option"});
    return werkteam;
}

domain::WerkteamMember read_member_form(const FormData& form, FieldErrors& errors) {
    domain::WerkteamMember member;
    member.name = text::trim(form.get("name"));
    member.organisation = text::trim(form.get("organisation"));
    member.email = text::trim(form.get("email"));
    member.name_public = form.get("name_public") == "ja";
    const auto group = optional_id(form, "group_id");
    member.group_id = group.value_or(0);
    if (group == 0) errors.push_back({"group_id", "error.choose_group"});
    const auto role = domain::member_role_from_slug(form.get("role"));
    if (!role) errors.push_back({"role", "error.choose_option"});
    member.role = role.value_or(domain::MemberRole::member);
    return member;
}

domain::WerkteamMeeting read_meeting_form(const FormData& form,
                                          const std::vector<domain::StakeholderGroup>& groups,
                                          FieldErrors& errors) {
    domain::WerkteamMeeting meeting;
    const auto format = domain::event_type_from_slug(form.get("format"));
    if (!format) errors.push_back({"format", "error.choose_option"});
    meeting.format = format.value_or(domain::EventType::werkteam_meeting);
    meeting.held_on = text::trim(form.get("held_on"));
    meeting.place = text::trim(form.get("place"));
    meeting.summary = text::trim(form.get("summary"));
    for (const auto& group : groups) {
        const std::string field = "attendance_" + std::to_string(group.id);
        const std::string typed = text::trim(form.get(field));
        if (typed.empty() || typed == "0") continue;
        const auto count =
            text::parse_integer(typed, 1, domain::WerkteamLimits::attendance_per_group);
        if (!count) {
            errors.push_back({field, "werkteams.error.count_range",
                              domain::WerkteamLimits::attendance_per_group});
            continue;
        }
        meeting.attendance.push_back({group.id, static_cast<int>(*count)});
    }
    return meeting;
}

domain::WerkteamProduct read_product_form(const FormData& form, FieldErrors& errors) {
    domain::WerkteamProduct product;
    product.title = text::trim(form.get("title"));
    product.link = text::trim(form.get("link"));
    product.published_on = text::trim(form.get("published_on"));
    const auto kind = domain::product_kind_from_slug(form.get("kind"));
    if (!kind) errors.push_back({"kind", "error.choose_option"});
    product.kind = kind.value_or(domain::ProductKind::other);
    return product;
}

// The members table and the form to add one.
void set_members(data& values, const Visit& visit, const Typed& typed,
                 const std::vector<domain::WerkteamMember>& stored,
                 const std::vector<domain::StakeholderGroup>& groups) {
    data members(data::type::list);
    for (const auto& member : stored) {
        data item(data::type::object);
        item.set("id", std::to_string(member.id));
        item.set("name", member.name);
        item.set("role", visit.text("werkteams.role." + std::string(domain::to_slug(member.role))));
        set_if_present(item, "group", group_name(groups, member.group_id));
        set_if_present(item, "organisation", member.organisation);
        set_if_present(item, "email", member.email);
        item.set("name_public", member.name_public);
        members.push_back(item);
    }
    values.set("members", members);
    values.set("has_members", !stored.empty());
    data form = form_data(typed, "member",
                          {{"name", ""}, {"organisation", ""}, {"email", ""}, {"name_public", ""}},
                          *visit.texts);
    const bool back = typed.form == "member";
    std::vector<Option> group_choices = {{"", visit.text("werkteams.no_group")}};
    for (const auto& group : groups) {
        group_choices.push_back({std::to_string(group.id), group.name});
    }
    form.set("groups", options(group_choices, back ? typed.values.get("group_id") : ""));
    form.set("roles", options({{"lid", visit.text("werkteams.role.lid")},
                               {"trekker", visit.text("werkteams.role.trekker")}},
                              back ? typed.values.get("role") : "lid"));
    form.set("name_public_checked", back && typed.values.get("name_public") == "ja");
    values.set("member_form", form);
}

// A page of meetings and the form to add one, with a count field per group.
void set_meetings(data& values, const Visit& visit, const Typed& typed,
                  const app::Page<domain::WerkteamMeeting>& meetings,
                  const std::vector<domain::StakeholderGroup>& groups, const std::string& today) {
    data list(data::type::list);
    for (const auto& meeting : meetings.items) {
        list.push_back(meeting_data(meeting, groups, *visit.texts));
    }
    values.set("meetings", list);
    values.set("has_meetings", meetings.total > 0);
    values.set("paging", pagination_data(visit, meetings.total, meetings.request));
    const bool back = typed.form == "meeting";
    data form = form_data(typed, "meeting", {{"held_on", today}, {"place", ""}, {"summary", ""}},
                          *visit.texts);
    std::vector<Option> formats;
    for (const auto type : domain::all_event_types()) {
        const std::string slug(domain::to_slug(type));
        formats.push_back({slug, visit.text("event_type." + slug)});
    }
    form.set("formats", options(formats, back ? typed.values.get("format") : "werkteam"));
    data attendance(data::type::list);
    for (const auto& group : groups) {
        const std::string field = "attendance_" + std::to_string(group.id);
        data item(data::type::object);
        item.set("field", field);
        item.set("group", group.name);
        item.set("value", back ? typed.values.get(field) : std::string());
        for (const auto& error : back ? typed.errors : FieldErrors{}) {
            if (error.field == field) item.set("error", visit.text(error.message_key, error.limit));
        }
        attendance.push_back(item);
    }
    form.set("attendance", attendance);
    values.set("meeting_form", form);
}

// The latest products and the form to add one.
void set_products(data& values, const Visit& visit, const Typed& typed,
                  const app::Page<domain::WerkteamProduct>& products, const std::string& today) {
    data list(data::type::list);
    for (const auto& product : products.items) list.push_back(product_data(product, *visit.texts));
    values.set("products", list);
    values.set("has_products", products.total > 0);
    data form = form_data(typed, "product", {{"title", ""}, {"link", ""}, {"published_on", today}},
                          *visit.texts);
    std::vector<Option> kinds;
    for (const auto kind : domain::all_product_kinds()) {
        const std::string slug(domain::to_slug(kind));
        kinds.push_back({slug, visit.text("werkteams.kind." + slug)});
    }
    form.set("kinds", options(kinds, typed.form == "product" ? typed.values.get("kind") : ""));
    values.set("product_form", form);
}

data event_form(const Typed& typed, const std::vector<Option>& candidates, const Catalogue& texts) {
    data form = form_data(typed, "event", {}, texts);
    form.set("candidates", options(candidates, ""));
    form.set("has_candidates", !candidates.empty());
    return form;
}

// A form that could not be read is refused with the errors of reading it and those of the
// part's own validation, without running the use case, so nothing of it is stored.
template <typename Part, typename Run>
app::WerkteamOutcome refuse_or_run(const FieldErrors& read, const Part& part, Run run) {
    if (read.empty()) return run();
    app::WerkteamOutcome outcome{app::WerkteamResult::invalid, read, 0};
    const auto more = domain::validate(part);
    outcome.errors.insert(outcome.errors.end(), more.begin(), more.end());
    return outcome;
}

class WerkteamPages final : public Component {
  public:
    explicit WerkteamPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        const std::string list = "/beheer/werkteams";
        const std::string team = list + "/{werkteam}";
        routes.members("GET", list, Role::organiser, bind_handler(this, &WerkteamPages::list));
        routes.members("GET", list + "/nieuw", Role::organiser,
                       bind_handler(this, &WerkteamPages::new_form));
        routes.members("POST", list + "/nieuw", Role::organiser,
                       bind_handler(this, &WerkteamPages::create));
        routes.members("GET", team, Role::organiser, bind_handler(this, &WerkteamPages::team));
        routes.members("POST", team, Role::organiser, bind_handler(this, &WerkteamPages::update));
        routes.members("POST", team + "/leden", Role::organiser,
                       bind_handler(this, &WerkteamPages::add_member));
        routes.members("POST", team + "/bijeenkomsten", Role::organiser,
                       bind_handler(this, &WerkteamPages::add_meeting));
        routes.members("POST", team + "/producten", Role::organiser,
                       bind_handler(this, &WerkteamPages::add_product));
        routes.members("POST", team + "/events", Role::organiser,
                       bind_handler(this, &WerkteamPages::link));
        routes.members("POST", team + "/verwijderen", Role::organiser,
                       bind_handler(this, &WerkteamPages::remove));
    }

  private:
    void list(const VisitPtr& visit, const Access& access);
    void new_form(const VisitPtr& visit, const Access& access);
    void create(const VisitPtr& visit, const Access& access);
    void team(const VisitPtr& visit, const Access& access);
    void update(const VisitPtr& visit, const Access& access);
    void add_member(const VisitPtr& visit, const Access& access);
    void add_meeting(const VisitPtr& visit, const Access& access);
    void add_product(const VisitPtr& visit, const Access& access);
    void link(const VisitPtr& visit, const Access& access);
    void remove(const VisitPtr& visit, const Access& access);

    Response new_page(const VisitPtr& visit, const Access& access, const Typed& typed);
    // The events of the Werkplaats around now that could join the team.
    std::vector<Option> link_candidates(app::Queries& queries, const Access& access,
                                        const Catalogue& texts);
    Response team_page(const VisitPtr& visit, const Access& access, const Typed& typed);
    // The team form's fields: as typed, or else those of `werkteam`.
    data team_form(const VisitPtr& visit, const Access& access, const Typed& typed,
                   const domain::Werkteam& werkteam);
    // Writes a change to the team of the path and answers: back to the team's page, or the
    // page again with the form as typed and its errors.
    template <typename Job>
    void change(const VisitPtr& visit, const Access& access, std::string form, Job job);
    template <typename Part>
    using AddUseCase = app::WerkteamOutcome (*)(app::Transaction&, std::int64_t, std::int64_t,
                                                Part);
    // Adds a member, meeting or product read from `form` (with the errors of reading it).
    template <typename Part>
    void add(const VisitPtr& visit, const Access& access, std::string form, Part part,
             FieldErrors read, AddUseCase<Part> use_case);

    Site& site_;
};

void WerkteamPages::list(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, site_.page(visit, "werkteams_admin",
                                   team_list_data(*visit, site_.store().read(),
                                                  access.werkplaats_id(), bounds),
                                   visit->text("werkteams.admin_title")));
}

data WerkteamPages::team_form(const VisitPtr& visit, const Access& access, const Typed& typed,
                              const domain::Werkteam& werkteam) {
    data values = form_data(
        typed, "team",
        {{"name", werkteam.name},
         {"description", werkteam.description},
         {"started_on", werkteam.started_on},
         {"ended_on", werkteam.ended_on.value_or("")},
         {"theme_id", werkteam.theme_id ? std::to_string(*werkteam.theme_id) : std::string()}},
        *visit->texts);
    app::ThemeFilter filter;
    filter.werkplaats_id = access.werkplaats_id();
    std::vector<Option> themes = {{"", visit->text("werkteams.no_theme")}};
    for (const auto& theme : site_.store().read().themes(filter, {1, themes_offered}).items) {
        const bool chosen = werkteam.theme_id == theme.id;
        if (theme.status != domain::ThemeStatus::declined || chosen) {
            themes.push_back({std::to_string(theme.id), theme.title});
        }
    }
    const std::string selected = typed.form == "team" ? typed.values.get("theme_id")
                                 : werkteam.theme_id  ? std::to_string(*werkteam.theme_id)
                                                      : std::string();
    values.set("themes", options(themes, selected));
    return values;
}

void WerkteamPages::new_form(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, new_page(visit, access, {}));
}

Response WerkteamPages::new_page(const VisitPtr& visit, const Access& access, const Typed& typed) {
    domain::Werkteam fresh;
    fresh.started_on = time::format_date_input(site_.now());
    data values(data::type::object);
    values.set("team_form", team_form(visit, access, typed, fresh));
    return site_.page(visit, "werkteam_new", values, visit->text("werkteams.new_title"),
                      typed.errors.empty() ? 200 : 422);
}

void WerkteamPages::create(const VisitPtr& visit, const Access& access) {
    FieldErrors read;
    auto werkteam = read_team_form(visit->form, read);
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), werkteam, read,
         now = site_.now()](app::Transaction& tx) {
            return refuse_or_run(read, werkteam, [&] {
                return app::create_werkteam(tx, werkplaats_id, werkteam, now);
            });
        },
        [this, visit, &access](const app::WerkteamOutcome& outcome) {
            if (outcome.result != app::WerkteamResult::done) {
                return new_page(visit, access, {"team", visit->form, outcome.errors});
            }
            return site_.redirect(team_path(outcome.id));
        });
}

void WerkteamPages::team(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, team_page(visit, access, {}));
}

Response WerkteamPages::team_page(const VisitPtr& visit, const Access& access, const Typed& typed) {
    auto& queries = site_.store().read();
    const auto& werkteam = access.werkteam();
    const auto& texts = *visit->texts;
    const auto groups = queries.groups(access.werkplaats_id());
    const std::string today = time::format_date_input(site_.now());
    data values = werkteam_data(werkteam, theme_title(queries, werkteam.theme_id), texts);
    // Forms inside lists name the team by this key, since their rows have an id of their own.
    values.set("team_id", std::to_string(werkteam.id));
    values.set("team_form", team_form(visit, access, typed, werkteam));
    set_members(values, *visit, typed, queries.werkteam_members(werkteam.id), groups);
    set_meetings(
        values, *visit, typed,
        queries.werkteam_meetings(
            werkteam.id, page_request(*visit, bounds.meetings_per_page, bounds.max_per_page)),
        groups, today);
    set_products(values, *visit, typed,
                 queries.werkteam_products(werkteam.id, {1, bounds.products_shown}), today);
    data events(data::type::list);
    const auto linked = queries.werkteam_events(werkteam.id, false, {1, bounds.events_shown});
    for (const auto& event : linked.items) events.push_back(site_.event_summary(visit, event));
    values.set("events", events);
    values.set("has_events", linked.total > 0);
    values.set("event_form", event_form(typed, link_candidates(queries, access, texts), texts));
    return site_.page(visit, "werkteam_admin", values,
                      visit->text("werkteams.admin_title") + ": " + werkteam.name,
                      typed.errors.empty() ? 200 : 422);
}

std::vector<Option> WerkteamPages::link_candidates(app::Queries& queries, const Access& access,
                                                   const Catalogue& texts) {
    app::EventFilter window;
    window.werkplaats_id = access.werkplaats_id();
    window.starts_from = site_.now() - link_window_back;
    window.starts_before = site_.now() + link_window_ahead;
    std::vector<Option> candidates;
    const auto nearby = queries.events(window);
    // The latest first, without those already in this team.
    for (auto it = nearby.rbegin(); it != nearby.rend(); ++it) {
        if (queries.event_werkteam(it->id) == access.werkteam().id) continue;
        candidates.push_back(
            {std::to_string(it->id),
             it->details.title + " (" + long_date(it->details.starts_at, texts) + ")"});
    }
    return candidates;
}

template <typename Part>
void WerkteamPages::add(const VisitPtr& visit, const Access& access, std::string form, Part part,
                        FieldErrors read, AddUseCase<Part> use_case) {
    change(visit, access, std::move(form),
           [part = std::move(part), read = std::move(read), use_case](
               app::Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id) {
               return refuse_or_run(read, part,
                                    [&] { return use_case(tx, werkplaats_id, werkteam_id, part); });
           });
}

template <typename Job>
void WerkteamPages::change(const VisitPtr& visit, const Access& access, std::string form, Job job) {
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), werkteam_id = access.werkteam().id,
         job = std::move(job)](app::Transaction& tx) {
            return job(tx, werkplaats_id, werkteam_id);
        },
        [this, visit, &access, form = std::move(form)](const app::WerkteamOutcome& outcome) {
            if (outcome.result == app::WerkteamResult::invalid) {
                // The page shows the team as it is now, with this form as it was typed.
                Access current = access;
                if (auto fresh = site_.store().read().werkteam(access.werkteam().id)) {
                    current.werkteam_in_path = std::move(fresh);
                }
                return team_page(visit, current, {form, visit->form, outcome.errors});
            }
            if (outcome.result == app::WerkteamResult::not_found) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            return site_.redirect(team_path(access.werkteam().id) + "#" + form);
        });
}

void WerkteamPages::update(const VisitPtr& visit, const Access& access) {
    FieldErrors read;
    auto werkteam = read_team_form(visit->form, read);
    werkteam.id = access.werkteam().id;
    change(visit, access, "team",
           [werkteam, read, now = site_.now()](app::Transaction& tx, std::int64_t werkplaats_id,
                                               std::int64_t) {
               return refuse_or_run(read, werkteam, [&] {
                   return app::update_werkteam(tx, werkplaats_id, werkteam, now);
               });
           });
}

void WerkteamPages::add_member(const VisitPtr& visit, const Access& access) {
    FieldErrors read;
    auto member = read_member_form(visit->form, read);
    add(visit, access, "member", std::move(member), std::move(read), &app::add_werkteam_member);
}

void WerkteamPages::add_meeting(const VisitPtr& visit, const Access& access) {
    FieldErrors read;
    auto meeting =
        read_meeting_form(visit->form, site_.store().read().groups(access.werkplaats_id()), read);
    add(visit, access, "meeting", std::move(meeting), std::move(read), &app::add_werkteam_meeting);
}

void WerkteamPages::add_product(const VisitPtr& visit, const Access& access) {
    FieldErrors read;
    auto product = read_product_form(visit->form, read);
    add(visit, access, "product", std::move(product), std::move(read), &app::add_werkteam_product);
}

void WerkteamPages::link(const VisitPtr& visit, const Access& access) {
    const auto event_id = optional_id(visit->form, "event_id").value_or(0);
    change(visit, access, "event",
           [event_id](app::Transaction& tx, std::int64_t werkplaats_id, std::int64_t werkteam_id) {
               return app::link_event(tx, werkplaats_id, werkteam_id, event_id);
           });
}

// One form removes a member, meeting, product or event: `part` says which, `id` which one.
void WerkteamPages::remove(const VisitPtr& visit, const Access& access) {
    const std::string part = visit->form.get("part");
    const auto id = optional_id(visit->form, "id").value_or(0);
    const std::optional<app::WerkteamPart> removable =
        part == "member"    ? std::optional(app::WerkteamPart::member)
        : part == "meeting" ? std::optional(app::WerkteamPart::meeting)
        : part == "product" ? std::optional(app::WerkteamPart::product)
                            : std::nullopt;
    if (!removable && part != "event") return site_.respond_error(visit, 400, "error.bad_form");
    change(visit, access, part,
           [removable, id](app::Transaction& tx, std::int64_t werkplaats_id,
                           std::int64_t werkteam_id) {
               return removable ? app::remove_from_werkteam(tx, werkplaats_id, werkteam_id,
                                                            *removable, id)
                                : app::unlink_event(tx, werkplaats_id, werkteam_id, id);
           });
}

}  // namespace

std::unique_ptr<Component> make_werkteam_pages(Site& site) {
    return std::make_unique<WerkteamPages>(site);
}

}  // namespace kc::web
