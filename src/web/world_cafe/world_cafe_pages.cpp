// The world café: tables and rounds, the planner's seating with its verdict in
// plain words, re-planning at the door, and printable table and route cards.
#include <map>

#include "app/world_cafe.hpp"
#include "core/text.hpp"
#include "reports/cards_pdf.hpp"
#include "reports/qr_code.hpp"
#include "web/audit_trail.hpp"
#include "web/background_worker.hpp"
#include "web/components.hpp"
#include "web/form_data.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

// Table names for a new world café; colours are easy to put on a card and a table.
constexpr const char* colour_names[] = {"Oranje", "Blauw", "Groen", "Geel",  "Rood",  "Paars",
                                        "Wit",    "Roze",  "Bruin", "Grijs", "Zwart", "Turquoise"};

// How long the planner may search when an organiser presses the button. Rooms up to
// 200 people are planned well within this.
constexpr std::chrono::milliseconds planning_time{900};

domain::WorldCafe setup_from(std::int64_t event_id, const FormData& form) {
    domain::WorldCafe cafe;
    cafe.event_id = event_id;
    const int rounds = static_cast<int>(
        text::parse_integer(form.get("rounds"), 0, domain::WorldCafeLimits::max_rounds)
            .value_or(0));
    for (int round = 1; round <= rounds; ++round) {
        cafe.round_questions.push_back(
            text::trim(form.get(row_field("question", static_cast<std::size_t>(round)))));
    }
    for (std::size_t row = 1;
         row <= domain::WorldCafeLimits::max_tables && form.has(row_field("table_name", row));
         ++row) {
        domain::CafeTable table;
        table.name = text::trim(form.get(row_field("table_name", row)));
        const std::string capacity = text::trim(form.get(row_field("table_capacity", row)));
        if (table.name.empty() && capacity.empty()) continue;
        table.capacity = static_cast<int>(text::parse_integer(capacity, 0, 1000).value_or(0));
        if (const auto host =
                text::parse_integer(form.get(row_field("table_host", row)), 1, INT64_MAX)) {
            table.host_registration_id = *host;
        }
        for (int round = 1; round <= rounds; ++round) {
            table.own_questions.push_back(text::trim(
                form.get(row_field("table_question", row) + "_" + std::to_string(round))));
        }
        cafe.tables.push_back(std::move(table));
    }
    // The goals in the order of the positions the organiser gave them; goals given the same
    // position keep their usual order.
    std::vector<std::pair<long long, domain::CafeGoal>> ranked;
    const auto& goals = domain::default_goal_order();
    for (std::size_t i = 0; i < goals.size(); ++i) {
        const auto position =
            text::parse_integer(form.get("goal_" + std::string(domain::to_slug(goals[i]))), 1,
                                static_cast<long long>(goals.size()))
                .value_or(static_cast<long long>(i + 1));
        ranked.emplace_back(position, goals[i]);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    cafe.goal_order.clear();
    for (const auto& [position, goal] : ranked) cafe.goal_order.push_back(goal);
    return cafe;
}

// The printable cards of a world café, gathered once for both the HTML page and the PDFs.
struct CafeCards {
    // One card per table: its host, and per round the question and who sits there.
    std::vector<reports::TableCard> tables;
    // One card per seated person: their table in every round.
    std::vector<reports::RouteCard> routes;
};

// `base_url` is the public address of the site, for the QR code on each route card that leads
// to the participant's personal page.
CafeCards gather_cafe_cards(app::Queries& queries, const domain::WorldCafe& cafe,
                            const std::string& base_url) {
    const auto seats = queries.seats(cafe.event_id);
    std::map<std::int64_t, std::string> person_names;
    std::map<std::int64_t, std::string> personal_links;
    for (const auto& registration : queries.registrations(cafe.event_id)) {
        person_names[registration.id] = registration.form.name;
        personal_links[registration.id] = base_url + "/aanmelding/" + registration.cancel_token;
    }
    const auto name_of = [&person_names](std::int64_t registration_id) {
        const auto found = person_names.find(registration_id);
        return found == person_names.end() ? std::string() : found->second;
    };
    std::map<std::int64_t, std::string> table_names;
    for (const auto& table : cafe.tables) table_names[table.id] = table.name;

    CafeCards cards;
    for (const auto& table : cafe.tables) {
        reports::TableCard card{
            table.name, table.host_registration_id ? name_of(*table.host_registration_id) : "", {}};
        for (int round = 1; round <= cafe.rounds(); ++round) {
            reports::TableRound item{round, cafe.question_at(table, round), {}};
            for (const auto& seat : seats) {
                if (seat.round != round || seat.table_id != table.id) continue;
                item.names.push_back(name_of(seat.registration_id));
            }
            card.rounds.push_back(std::move(item));
        }
        cards.tables.push_back(std::move(card));
    }
    std::map<std::int64_t, reports::RouteCard> routes;
    for (const auto& seat : seats) {
        auto& route = routes[seat.registration_id];
        route.person = name_of(seat.registration_id);
        route.link = personal_links[seat.registration_id];
        route.steps.push_back({seat.round, table_names[seat.table_id]});
    }
    for (auto& entry : routes) cards.routes.push_back(std::move(entry.second));
    return cards;
}

// The options 1 to `last` of a <select>, with `selected` chosen.
data number_options(int last, int selected) {
    data options(data::type::list);
    for (int value = 1; value <= last; ++value) {
        data option(data::type::object);
        option.set("value", std::to_string(value));
        option.set("selected", value == selected);
        options.push_back(option);
    }
    return options;
}

std::string comma_separated(const std::vector<std::string>& names) {
    std::string joined;
    for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
    return joined;
}

using app::Role;

class WorldCafePages final : public Component {
  public:
    explicit WorldCafePages(Site& site) : site_(site), audit_(site) {}

    void add_routes(Routes& routes) override {
        routes.members("GET", "/beheer/events/{id}/wereldcafe", Role::host,
                       bind_handler(this, &WorldCafePages::view));
        routes.members("POST", "/beheer/events/{id}/wereldcafe/opzet", Role::organiser,
                       bind_handler(this, &WorldCafePages::setup_submit));
        routes.members("POST", "/beheer/events/{id}/wereldcafe/plan", Role::host,
                       bind_handler(this, &WorldCafePages::plan_submit));
        routes.members("POST", "/beheer/events/{id}/wereldcafe/ronde", Role::host,
                       bind_handler(this, &WorldCafePages::round_submit));
        routes.members("POST", "/beheer/events/{id}/wereldcafe/blijft", Role::host,
                       bind_handler(this, &WorldCafePages::stays_submit));
        for (const char* cards :
             {"tafelkaarten", "routekaarten", "tafelkaarten.pdf", "routekaarten.pdf"}) {
            routes.members("GET", std::string("/beheer/events/{id}/wereldcafe/") + cards,
                           Role::host, bind_handler(this, &WorldCafePages::cards));
        }
    }

  private:
    Response cafe_page(const VisitPtr& visit, const Access& access, const domain::WorldCafe* setup,
                       const FieldErrors& errors, const std::string& planning_error);
    void view(const VisitPtr& visit, const Access& access);
    void setup_submit(const VisitPtr& visit, const Access& access);
    void plan_submit(const VisitPtr& visit, const Access& access);
    void round_submit(const VisitPtr& visit, const Access& access);
    void stays_submit(const VisitPtr& visit, const Access& access);
    void cards(const VisitPtr& visit, const Access& access);
    std::string cafe_path(const Access& access, const char* anchor) const {
        return "/beheer/events/" + std::to_string(access.event().id) + "/wereldcafe" + anchor;
    }

    Site& site_;
    AuditTrail audit_;
    // Declared last so it is stopped first, while everything its jobs use still exists.
    BackgroundWorker planner_worker_;
};

Response WorldCafePages::cafe_page(const VisitPtr& visit, const Access& access,
                                   const domain::WorldCafe* setup, const FieldErrors& errors,
                                   const std::string& planning_error) {
    const domain::Event& event = access.event();
    auto& queries = site_.store().read();
    const auto stored = queries.world_cafe(event.id);
    const domain::WorldCafe* cafe = setup ? setup : (stored ? &*stored : nullptr);
    const auto registrations = queries.registrations(event.id);
    std::map<std::int64_t, const domain::Registration*> by_id;
    for (const auto& registration : registrations) by_id[registration.id] = &registration;
    std::map<std::int64_t, std::string> group_names;
    for (const auto& group : queries.groups(event.werkplaats_id))
        group_names[group.id] = group.name;

    data values = site_.event_summary(visit, event);
    values.set("event_id", std::to_string(event.id));
    values.set("has_cafe", stored.has_value());
    values.set("is_organiser", access.has_role(Role::organiser));

    // The set-up form: the rounds with their questions, and the tables.
    const int rounds = cafe ? cafe->rounds() : 3;
    values.set("round_options", number_options(domain::WorldCafeLimits::max_rounds, rounds));

    // The planner's goals in the café's order, each with its position to choose.
    const auto& goal_order = cafe ? cafe->goal_order : domain::default_goal_order();
    data goals(data::type::list);
    for (std::size_t i = 0; i < goal_order.size(); ++i) {
        const std::string slug(domain::to_slug(goal_order[i]));
        data goal(data::type::object);
        goal.set("slug", slug);
        goal.set("label", visit->text("cafe.goal_names." + slug));
        goal.set("positions",
                 number_options(static_cast<int>(goal_order.size()), static_cast<int>(i + 1)));
        goals.push_back(goal);
    }
    values.set("goals", goals);
    data questions(data::type::list);
    for (int round = 1; round <= domain::WorldCafeLimits::max_rounds; ++round) {
        data item(data::type::object);
        item.set("round", std::to_string(round));
        if (cafe && round <= cafe->rounds())
            item.set("question", cafe->round_questions[static_cast<std::size_t>(round - 1)]);
        questions.push_back(item);
    }
    values.set("questions", questions);

    std::vector<domain::CafeTable> table_rows =
        cafe ? cafe->tables : std::vector<domain::CafeTable>{};
    if (!cafe) {
        int participants = 0;
        for (const auto& registration : registrations) {
            if (registration.status == domain::RegistrationStatus::registered) ++participants;
        }
        const std::size_t suggested = std::clamp<std::size_t>(
            static_cast<std::size_t>((participants + 5) / 6), 2, std::size(colour_names));
        for (std::size_t i = 0; i < suggested; ++i)
            table_rows.push_back({0, colour_names[i], 6, std::nullopt});
    }
    const std::size_t empty_rows = 3;
    data tables(data::type::list);
    for (std::size_t row = 1; row <= table_rows.size() + empty_rows; ++row) {
        data item(data::type::object);
        item.set("row", std::to_string(row));
        const domain::CafeTable* table = row <= table_rows.size() ? &table_rows[row - 1] : nullptr;
        // Empty rows say so explicitly: Mustache would otherwise fill them from the page around
        // them (the event's own capacity, for one).
        item.set("name", table ? table->name : std::string());
        item.set("capacity", table ? std::to_string(table->capacity) : std::string());
        data own_questions(data::type::list);
        bool has_own_question = false;
        for (int round = 1; round <= rounds; ++round) {
            data question(data::type::object);
            question.set("round", std::to_string(round));
            const auto index = static_cast<std::size_t>(round - 1);
            if (table && index < table->own_questions.size() &&
                !table->own_questions[index].empty()) {
                question.set("text", table->own_questions[index]);
                has_own_question = true;
            }
            own_questions.push_back(question);
        }
        item.set("own_questions", own_questions);
        item.set("has_own_question", has_own_question);
        data hosts(data::type::list);
        for (const auto& registration : registrations) {
            if (registration.status == domain::RegistrationStatus::cancelled) continue;
            data option(data::type::object);
            option.set("id", std::to_string(registration.id));
            option.set("name", registration.form.name);
            option.set("selected", table && table->host_registration_id == registration.id);
            hosts.push_back(option);
        }
        item.set("hosts", hosts);
        tables.push_back(item);
    }
    values.set("tables", tables);

    // The plan: per round, per table, who sits there.
    if (stored) {
        const auto seats = queries.seats(event.id);
        values.set("has_plan", !seats.empty());
        values.set("quality", visit->language == Language::en ? stored->quality_english
                                                              : stored->quality_dutch);
        values.set("started_rounds", std::to_string(stored->started_rounds));
        data plan_rounds(data::type::list);
        for (int round = 1; round <= stored->rounds(); ++round) {
            data round_item(data::type::object);
            round_item.set("round", std::to_string(round));
            set_if_present(round_item, "question",
                           stored->round_questions[static_cast<std::size_t>(round - 1)]);
            round_item.set("is_started", round <= stored->started_rounds);
            round_item.set("is_next", round == stored->started_rounds + 1);
            data round_tables(data::type::list);
            for (const auto& table : stored->tables) {
                data table_item(data::type::object);
                table_item.set("name", table.name);
                const std::string& question = stored->question_at(table, round);
                if (question != stored->round_questions[static_cast<std::size_t>(round - 1)]) {
                    table_item.set("own_question", question);
                }
                data people(data::type::list);
                int seated = 0;
                for (const auto& seat : seats) {
                    if (seat.round != round || seat.table_id != table.id) continue;
                    const auto found = by_id.find(seat.registration_id);
                    if (found == by_id.end()) continue;
                    data person(data::type::object);
                    person.set("name", found->second->form.name);
                    person.set("group", group_names[found->second->form.group_id]);
                    person.set("is_host", table.host_registration_id == seat.registration_id);
                    people.push_back(person);
                    ++seated;
                }
                table_item.set("people", people);
                table_item.set("count",
                               std::to_string(seated) + "/" + std::to_string(table.capacity));
                round_tables.push_back(table_item);
            }
            round_item.set("tables", round_tables);
            plan_rounds.push_back(round_item);
        }
        values.set("plan_rounds", plan_rounds);
        const bool more_rounds = stored->started_rounds < stored->rounds();
        values.set("can_start_round", more_rounds && !seats.empty());
        values.set("next_round", std::to_string(stored->started_rounds + 1));
        values.set("next_started", std::to_string(stored->started_rounds + 1));
        values.set("setup_locked", stored->started_rounds > 0);

        data stays(data::type::list);
        for (const auto& registration : registrations) {
            if (registration.status != domain::RegistrationStatus::registered) continue;
            data item(data::type::object);
            item.set("id", std::to_string(registration.id));
            item.set("name", registration.form.name);
            item.set("stays", registration.stays_seated);
            set_if_present(item, "accessibility", registration.form.accessibility);
            stays.push_back(item);
        }
        values.set("participants", stays);
    }
    set_if_present(values, "planning_error", planning_error);
    set_field_errors(values, errors, *visit->texts);
    const int status = errors.empty() && planning_error.empty() ? 200 : 422;
    return site_.page(visit, "world_cafe", values,
                      visit->text("cafe.title") + ": " + event.details.title, status);
}

void WorldCafePages::view(const VisitPtr& visit, const Access& access) {
    audit_.viewed(access, app::AuditAction::viewed_registrations, access.event().id);
    site_.finish(visit, cafe_page(visit, access, nullptr, {}, ""));
}

void WorldCafePages::setup_submit(const VisitPtr& visit, const Access& access) {
    auto setup = std::make_shared<domain::WorldCafe>(setup_from(access.event().id, visit->form));
    site_.write(
        visit,
        [setup, werkplaats_id = access.werkplaats_id()](app::Transaction& tx) {
            return app::save_world_cafe_setup(tx, werkplaats_id, *setup);
        },
        [this, visit, &access, setup](const app::CafeOutcome& outcome) {
            if (!outcome.done) return cafe_page(visit, access, setup.get(), outcome.errors, "");
            return site_.redirect(cafe_path(access, "#plan"));
        });
}

void WorldCafePages::plan_submit(const VisitPtr& visit, const Access& access) {
    const domain::Event& event = access.event();
    auto input = std::make_shared<app::PlanningInput>(
        app::gather_planning_input(site_.store().read(), event));
    if (input->cafe.tables.empty()) return site_.respond_error(visit, 409, "error.no_tables");
    planner::Options options;
    options.time_limit = planning_time;
    options.seed = static_cast<std::uint64_t>(event.id);
    planner_worker_.post([this, visit, &access, input, options] {
        auto result = std::make_shared<app::PlanningResult>(app::compute_plan(*input, options));
        if (!result->planned) {
            const std::string& message =
                visit->language == Language::en ? result->error_english : result->error_dutch;
            return site_.finish(visit, cafe_page(visit, access, nullptr, {}, message));
        }
        site_.write(
            visit,
            [input, result](app::Transaction& tx) { return app::apply_plan(tx, *input, *result); },
            [this, visit, &access](const app::CafeOutcome& outcome) {
                if (!outcome.done) return cafe_page(visit, access, nullptr, outcome.errors, "");
                site_.live().seating_changed(access.event().id);
                return site_.redirect(cafe_path(access, "#plan"));
            });
    });
}

void WorldCafePages::round_submit(const VisitPtr& visit, const Access& access) {
    const auto started = text::parse_integer(visit->form.get("started_rounds"), 0,
                                             domain::WorldCafeLimits::max_rounds);
    if (!started) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [scope = access.event_scope(), started = static_cast<int>(*started)](app::Transaction& tx) {
            return app::start_rounds(tx, scope, started);
        },
        [this, visit, &access](const app::CafeOutcome& outcome) {
            if (!outcome.done) return site_.error_page(visit, 409, "error.bad_form");
            // Every phone of the café hears where it sits now, without asking.
            site_.live().seating_changed(access.event().id);
            return site_.redirect(cafe_path(access, "#plan"));
        });
}

void WorldCafePages::stays_submit(const VisitPtr& visit, const Access& access) {
    const auto registration_id = text::parse_integer(visit->form.get("registration"), 1, INT64_MAX);
    if (!registration_id) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [scope = access.event_scope(), id = *registration_id,
         stays = visit->form.get("stays") == "ja"](app::Transaction& tx) {
            return app::set_stays_seated(tx, scope, id, stays);
        },
        [this, visit, &access](const app::CafeOutcome& outcome) {
            if (!outcome.done) return site_.error_page(visit, 404, "error.not_found");
            return site_.redirect(cafe_path(access, "#blijven"));
        });
}

void WorldCafePages::cards(const VisitPtr& visit, const Access& access) {
    const auto* event = &access.event();
    auto& queries = site_.store().read();
    const auto cafe = queries.world_cafe(event->id);
    if (!cafe) return site_.respond_error(visit, 404, "error.not_found");
    const std::string& path = visit->request.path;
    const bool as_pdf = path.ends_with(".pdf");
    const bool route_cards = path.ends_with(as_pdf ? "/routekaarten.pdf" : "/routekaarten");
    const CafeCards cards = gather_cafe_cards(queries, *cafe, site_.public_base_url());

    if (as_pdf) {
        const reports::CardTexts texts{
            visit->text("cafe.round"), visit->text("cafe.table"), visit->text("cafe.host"),
            visit->text("cafe.nothing_to_print"), visit->text("cafe.scan_hint")};
        Response response;
        response.content_type = "application/pdf";
        response.body = route_cards
                            ? reports::route_cards_pdf(event->details.title, cards.routes, texts)
                            : reports::table_cards_pdf(event->details.title, cards.tables, texts);
        response.add_header("Content-Disposition",
                            std::string("attachment; filename=\"") +
                                (route_cards ? "routekaarten" : "tafelkaarten") + ".pdf\"");
        return site_.finish(visit, std::move(response));
    }

    data card_list(data::type::list);
    if (route_cards) {
        for (const auto& route : cards.routes) {
            data card(data::type::object);
            card.set("name", route.person);
            data steps(data::type::list);
            for (const auto& step : route.steps) {
                data item(data::type::object);
                item.set("round", std::to_string(step.round));
                item.set("table", step.table_name);
                steps.push_back(item);
            }
            card.set("steps", steps);
            card.set("qr", reports::qr_svg(reports::encode_qr(route.link),
                                           visit->text("cafe.qr_label") + " " + route.person));
            card_list.push_back(card);
        }
    } else {
        for (const auto& table : cards.tables) {
            data card(data::type::object);
            card.set("name", table.table_name);
            set_if_present(card, "host", table.host);
            data rounds(data::type::list);
            for (const auto& round : table.rounds) {
                data item(data::type::object);
                item.set("round", std::to_string(round.number));
                set_if_present(item, "question", round.question);
                item.set("names", comma_separated(round.names));
                rounds.push_back(item);
            }
            card.set("rounds", rounds);
            card_list.push_back(card);
        }
    }
    data values = site_.event_summary(visit, *event);
    values.set("event_id", std::to_string(event->id));
    values.set("cards", card_list);
    values.set("route_cards", route_cards);
    const std::string title = visit->text(route_cards ? "cafe.route_cards" : "cafe.table_cards");
    site_.finish(visit, site_.page(visit, "world_cafe_cards", values,
                                   title + ": " + event->details.title, 200, Forms::none));
}

}  // namespace

std::unique_ptr<Component> make_world_cafe_pages(Site& site) {
    return std::make_unique<WorldCafePages>(site);
}

}  // namespace kc::web
