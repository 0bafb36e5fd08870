// Evaluations and experiences: after a café, participants fill in a short form (from the
// QR code on the last slide, the café's page or their personal link), may share an
// experience with their consent, and see and withdraw it through its own link. Organisers
// read the results per café and per group and hide an experience.
#include <cmath>
#include <map>

#include "app/evaluations.hpp"
#include "core/text.hpp"
#include "reports/qr_code.hpp"
#include "reports/svg_chart.hpp"
#include "web/components.hpp"
#include "web/paging_view.hpp"
#include "web/spam_guard.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

constexpr std::size_t answers_per_page = 20;
constexpr std::size_t experiences_per_page = 20;
constexpr std::size_t max_per_page = 100;

std::string event_path(std::int64_t event_id) { return "/events/" + std::to_string(event_id); }

std::string with_link(const std::string& path, const std::string& registration_token) {
    return registration_token.empty() ? path
                                      : path + "?aanmelding=" + percent_encode(registration_token);
}

std::string query_value(const Visit& visit, std::string_view name) {
    return FormData::parse(visit.request.query).value_or(FormData{}).get(name);
}

// "4,3" / "4.3": one decimal, as people read a mark.
std::string one_decimal(double value, const Visit& visit) {
    const long tenths = std::lround(value * 10);
    return std::to_string(tenths / 10) + visit.text("evaluation.decimal_mark") +
           std::to_string(tenths % 10);
}

std::string shown_count_text(const domain::ShownCount& count, const Visit& visit) {
    switch (count.kind) {
        case domain::ShownCount::Kind::exact:
            return std::to_string(count.value);
        case domain::ShownCount::Kind::fewer_than:
            return visit.text("privacy.fewer_than", count.value);
        case domain::ShownCount::Kind::withheld:
            return visit.text("evaluation.withheld");
    }
    return {};
}

struct ParsedAnswer {
    domain::EvaluationAnswer answer;
    FieldErrors errors;  // what could not even be read
};

ParsedAnswer answer_from(const FormData& form) {
    ParsedAnswer parsed;
    auto& answer = parsed.answer;
    // A missing or unreadable rating stays 0, which validation refuses with its message.
    answer.rating = static_cast<int>(text::parse_integer(form.get("rating"), 1, 5).value_or(0));
    answer.takeaway = form.get("takeaway");
    answer.next_theme = form.get("next_theme");
    answer.remark = form.get("remark");
    const std::string come_again = form.get("come_again");
    if (!come_again.empty()) {
        const auto read = domain::come_again_from_slug(come_again);
        if (read) {
            answer.come_again = *read;
        } else {
            parsed.errors.push_back({"come_again", "error.choose_option"});
        }
    }
    const std::string group = form.get("group");
    if (!group.empty()) {
        const auto read = text::parse_integer(group, 0, INT64_MAX);
        if (read) {
            answer.group_id = *read;
        } else {
            parsed.errors.push_back({"group", "error.choose_group"});
        }
    }
    return parsed;
}

domain::ExperienceForm experience_form_from(const FormData& form) {
    domain::ExperienceForm experience;
    experience.quote = form.get("quote");
    experience.attribution = domain::attribution_from_slug(form.get("attribution"))
                                 .value_or(domain::Attribution::anonymous);
    experience.name = form.get("name");
    experience.role = form.get("role");
    experience.consent = form.get("consent") == "ja";
    return experience;
}

// How an experience is signed: "Fatima, bewoner van Feijenoord" or "Anoniem".
std::string attribution_text(const domain::Experience& experience, const Visit& visit) {
    const std::string signature = domain::signature(experience);
    return signature.empty() ? visit.text("experience.anonymous") : signature;
}

class EvaluationPages final : public Component {
  public:
    explicit EvaluationPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/events/{id}/evaluatie",
                    bind_handler(this, &EvaluationPages::evaluation_form));
        routes.open("POST", "/events/{id}/evaluatie",
                    bind_handler(this, &EvaluationPages::evaluation_submit));
        routes.open("GET", "/events/{id}/evaluatie/bedankt",
                    bind_handler(this, &EvaluationPages::thanks_page));
        routes.open("POST", "/events/{id}/ervaring",
                    bind_handler(this, &EvaluationPages::experience_submit));
        routes.open("GET", "/ervaring/{token}",
                    bind_handler(this, &EvaluationPages::own_experience));
        routes.open("POST", "/ervaring/{token}/intrekken",
                    bind_handler(this, &EvaluationPages::withdraw));
        const std::string results = "/beheer/events/{id}/evaluatie";
        routes.members("GET", results, Role::organiser,
                       bind_handler(this, &EvaluationPages::results_page));
        routes.members("GET", results + "/ervaringen", Role::organiser,
                       bind_handler(this, &EvaluationPages::experiences_page));
        routes.members("POST", results + "/ervaringen", Role::organiser,
                       bind_handler(this, &EvaluationPages::experience_visibility));
    }

  private:
    void evaluation_form(const VisitPtr& visit);
    void evaluation_submit(const VisitPtr& visit);
    void thanks_page(const VisitPtr& visit);
    void experience_submit(const VisitPtr& visit);
    void own_experience(const VisitPtr& visit);
    void withdraw(const VisitPtr& visit);
    void results_page(const VisitPtr& visit, const Access& access);
    void experiences_page(const VisitPtr& visit, const Access& access);
    void experience_visibility(const VisitPtr& visit, const Access& access);

    Response evaluation_form_page(const VisitPtr& visit, const domain::Event& event,
                                  const std::string& registration_token, const FormData& form,
                                  const FieldErrors& errors);
    Response thanks(const VisitPtr& visit, const domain::Event& event,
                    const std::string& registration_token, const FormData& form,
                    const FieldErrors& errors);
    // Why a public form cannot be used, as a page; nothing when it can.
    std::optional<Response> refusal(const VisitPtr& visit, app::FeedbackResult result);

    Site& site_;
};

// ---- The public form ----------------------------------------------------------------

Response EvaluationPages::evaluation_form_page(const VisitPtr& visit, const domain::Event& event,
                                               const std::string& registration_token,
                                               const FormData& form, const FieldErrors& errors) {
    data values = site_.event_summary(visit, event);
    values.set("action", with_link(visit->site_prefix + event_path(event.id) + "/evaluatie",
                                   registration_token));
    const std::string rating = form.get("rating");
    data ratings(data::type::list);
    for (int stars = domain::EvaluationLimits::min_rating;
         stars <= domain::EvaluationLimits::max_rating; ++stars) {
        data item(data::type::object);
        item.set("value", std::to_string(stars));
        item.set("label", visit->text("evaluation.rating_" + std::to_string(stars)));
        item.set("checked", rating == std::to_string(stars));
        ratings.push_back(item);
    }
    values.set("ratings", ratings);
    data come_again(data::type::list);
    for (const auto answer :
         {domain::ComeAgain::yes, domain::ComeAgain::maybe, domain::ComeAgain::no}) {
        const std::string slug(domain::to_slug(answer));
        data item(data::type::object);
        item.set("value", slug);
        item.set("label", visit->text("evaluation.come_again_" + slug));
        item.set("checked", form.get("come_again") == slug);
        come_again.push_back(item);
    }
    values.set("come_again_choices", come_again);
    // With a personal link the group is known from the registration.
    if (registration_token.empty()) {
        data groups(data::type::list);
        for (const auto& group : site_.store().read().groups(event.werkplaats_id)) {
            data item(data::type::object);
            item.set("id", std::to_string(group.id));
            item.set("name", group.name);
            item.set("checked", form.get("group") == std::to_string(group.id));
            groups.push_back(item);
        }
        values.set("groups", groups);
        values.set("ask_group", true);
    }
    for (const char* field : {"takeaway", "next_theme", "remark"}) {
        values.set(std::string("value_") + field, form.get(field));
    }
    values.set("limit_takeaway", std::to_string(domain::EvaluationLimits::takeaway));
    values.set("limit_next_theme", std::to_string(domain::EvaluationLimits::next_theme));
    values.set("limit_remark", std::to_string(domain::EvaluationLimits::remark));
    set_field_errors(values, errors, *visit->texts, "evaluation.field");
    return site_.page(visit, "evaluation_form", values,
                      visit->text("evaluation.title") + ": " + event.details.title,
                      errors.empty() ? 200 : 422);
}

std::optional<Response> EvaluationPages::refusal(const VisitPtr& visit,
                                                 app::FeedbackResult result) {
    switch (result) {
        case app::FeedbackResult::done:
        case app::FeedbackResult::invalid:
            return std::nullopt;
        case app::FeedbackResult::not_found:
            return site_.error_page(visit, 404, "error.event_not_found");
        case app::FeedbackResult::not_open:
            return site_.error_page(visit, 409, "evaluation.not_open");
        case app::FeedbackResult::unknown_link:
            return site_.error_page(visit, 404, "error.unknown_registration_link");
        case app::FeedbackResult::already_given:
            return site_.error_page(visit, 409, "evaluation.already_given");
    }
    return site_.error_page(visit, 500, "error.internal");
}

void EvaluationPages::evaluation_form(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    if (!domain::is_open_for_evaluation(*event, site_.now())) {
        return site_.respond_error(visit, 409, "evaluation.not_open");
    }
    const std::string token = query_value(*visit, "aanmelding");
    if (!token.empty()) {
        auto& queries = site_.store().read();
        const auto registration = queries.registration_by_token(token);
        const auto result =
            !registration || registration->event_id != event->id ? app::FeedbackResult::unknown_link
            : queries.has_evaluation_from(registration->id) ? app::FeedbackResult::already_given
                                                            : app::FeedbackResult::done;
        if (auto refused = refusal(visit, result)) return site_.finish(visit, std::move(*refused));
    }
    site_.finish(visit, evaluation_form_page(visit, *event, token, FormData{}, {}));
}

void EvaluationPages::evaluation_submit(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    const std::string token = query_value(*visit, "aanmelding");
    const std::string thanks_path =
        with_link(visit->site_prefix + event_path(event->id) + "/evaluatie/bedankt", token);
    if (!visit->form.get(spam_trap_field).empty()) {
        return site_.finish(visit, site_.redirect(thanks_path));
    }
    ParsedAnswer parsed = answer_from(visit->form);
    if (!parsed.errors.empty()) {
        // Everything else that is wrong too, at once; the group is checked with the store.
        for (auto& error : domain::validate(parsed.answer, true)) parsed.errors.push_back(error);
        return site_.finish(visit,
                            evaluation_form_page(visit, *event, token, visit->form, parsed.errors));
    }
    site_.write(
        visit,
        [werkplaats_id = event->werkplaats_id, event_id = event->id, answer = parsed.answer, token,
         now = site_.now()](app::Transaction& tx) {
            return app::submit_evaluation(tx, werkplaats_id, event_id, answer, token, now);
        },
        [this, visit, event = *event, token,
         thanks_path](const app::EvaluationOutcome& outcome) -> Response {
            if (outcome.result == app::FeedbackResult::done) return site_.redirect(thanks_path);
            if (auto refused = refusal(visit, outcome.result)) return std::move(*refused);
            return evaluation_form_page(visit, event, token, visit->form, outcome.errors);
        });
}

// ---- Thanks, and sharing an experience ------------------------------------------------

Response EvaluationPages::thanks(const VisitPtr& visit, const domain::Event& event,
                                 const std::string& registration_token, const FormData& form,
                                 const FieldErrors& errors) {
    data values = site_.event_summary(visit, event);
    values.set("action", with_link(visit->site_prefix + event_path(event.id) + "/ervaring",
                                   registration_token));
    values.set("value_quote", form.get("quote"));
    values.set("value_name", form.get("name"));
    values.set("value_role", form.get("role"));
    values.set("named", form.get("attribution") == "named");
    values.set("consent", form.get("consent") == "ja");
    values.set("limit_quote", std::to_string(domain::ExperienceLimits::quote));
    values.set("limit_name", std::to_string(domain::ExperienceLimits::name));
    values.set("limit_role", std::to_string(domain::ExperienceLimits::role));
    set_field_errors(values, errors, *visit->texts, "experience.field");
    return site_.page(visit, "evaluation_thanks", values, visit->text("evaluation.thanks_title"),
                      errors.empty() ? 200 : 422);
}

void EvaluationPages::thanks_page(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    site_.finish(visit, thanks(visit, *event, query_value(*visit, "aanmelding"), FormData{}, {}));
}

void EvaluationPages::experience_submit(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    const std::string token = query_value(*visit, "aanmelding");
    if (!visit->form.get(spam_trap_field).empty()) {
        return site_.finish(visit, site_.redirect(visit->site_prefix + event_path(event->id)));
    }
    site_.write(
        visit,
        [werkplaats_id = event->werkplaats_id, event_id = event->id,
         form = experience_form_from(visit->form), token, now = site_.now()](app::Transaction& tx) {
            return app::submit_experience(tx, werkplaats_id, event_id, form, token, now);
        },
        [this, visit, event = *event, token](const app::ExperienceOutcome& outcome) -> Response {
            if (outcome.result == app::FeedbackResult::done) {
                return site_.redirect("/ervaring/" + outcome.token);
            }
            if (auto refused = refusal(visit, outcome.result)) return std::move(*refused);
            return thanks(visit, event, token, visit->form, outcome.errors);
        });
}

// ---- The person's own link ------------------------------------------------------------

void EvaluationPages::own_experience(const VisitPtr& visit) {
    const std::string token = visit->params.get("token");
    const auto own = app::experience_by_token(site_.store().read(), token);
    if (!own) return site_.respond_error(visit, 404, "experience.unknown_link");
    const auto& experience = own->experience;
    data values = site_.event_summary(visit, own->event);
    values.set("event_site", site_.site_prefix_for(*visit, own->event.werkplaats_id));
    values.set("token", token);
    values.set("personal_link", site_.public_base_url() + "/ervaring/" + token);
    values.set("is_withdrawn", experience.status == domain::ExperienceStatus::withdrawn);
    values.set("is_hidden", experience.status == domain::ExperienceStatus::hidden);
    values.set("is_public", domain::is_public(experience));
    set_if_present(values, "quote", experience.quote);
    if (experience.status != domain::ExperienceStatus::withdrawn) {
        values.set("signed", attribution_text(experience, *visit));
    }
    values.set("consent_given", long_date(experience.consent.given_at, *visit->texts) + ", " +
                                    time::format_time_input(experience.consent.given_at));
    values.set("consent_version", experience.consent.text_version);
    if (experience.consent.withdrawn_at) {
        values.set("consent_withdrawn", long_date(*experience.consent.withdrawn_at, *visit->texts));
    }
    site_.finish(visit, site_.page(visit, "experience", values, visit->text("experience.title")));
}

void EvaluationPages::withdraw(const VisitPtr& visit) {
    const std::string token = visit->params.get("token");
    site_.write(
        visit,
        [token, now = site_.now()](app::Transaction& tx) {
            return app::withdraw_experience(tx, token, now);
        },
        [this, visit, token](app::WithdrawResult result) -> Response {
            if (result == app::WithdrawResult::not_found) {
                return site_.error_page(visit, 404, "experience.unknown_link");
            }
            return site_.redirect("/ervaring/" + token);
        });
}

// ---- Organisers -----------------------------------------------------------------------

std::string evaluation_url(Site& site, const Visit& visit, const domain::Event& event) {
    return site.public_base_url() + site.site_prefix_for(visit, event.werkplaats_id) +
           event_path(event.id) + "/evaluatie";
}

data summary_data(const domain::EvaluationSummary& summary, const Visit& visit) {
    data values(data::type::object);
    values.set("count", std::to_string(summary.count));
    values.set("has_answers", summary.count > 0);
    if (summary.average_rating) {
        values.set("average", one_decimal(*summary.average_rating, visit));
    }
    // The ratings as a chart that needs no script, most stars first.
    reports::BarChart chart;
    chart.title = visit.text("evaluation.ratings_caption");
    chart.description = visit.text("evaluation.ratings_description");
    chart.id = "ratings";
    for (int stars = domain::EvaluationLimits::max_rating;
         stars >= domain::EvaluationLimits::min_rating; --stars) {
        chart.bars.push_back(
            {visit.text("evaluation.rating_" + std::to_string(stars)),
             {static_cast<double>(summary.ratings[static_cast<std::size_t>(stars - 1)])}});
    }
    values.set("ratings_chart", reports::svg_bar_chart(chart));
    data come_again(data::type::list);
    for (const auto& [slug, count] :
         {std::pair{"yes", summary.come_again_yes}, std::pair{"maybe", summary.come_again_maybe},
          std::pair{"no", summary.come_again_no},
          std::pair{"unanswered", summary.come_again_unanswered}}) {
        data row(data::type::object);
        row.set("label", visit.text(std::string("evaluation.come_again_") + slug));
        row.set("count", std::to_string(count));
        come_again.push_back(row);
    }
    values.set("come_again", come_again);
    data groups(data::type::list);
    for (const auto& group : summary.groups) {
        data row(data::type::object);
        row.set("name", group.group_id == 0 ? visit.text("evaluation.no_group") : group.name);
        row.set("answers", shown_count_text(group.answers, visit));
        row.set("average", group.average_rating ? one_decimal(*group.average_rating, visit)
                                                : visit.text("evaluation.not_shown"));
        groups.push_back(row);
    }
    values.set("groups", groups);
    return values;
}

void EvaluationPages::results_page(const VisitPtr& visit, const Access& access) {
    const auto& event = access.event();
    auto& queries = site_.store().read();
    const auto request = page_request(*visit, answers_per_page, max_per_page);
    const auto results =
        app::evaluation_results(queries, access.event_scope(), request, app::PageRequest{1, 1});
    // A written answer names its group only when the summary shows that group's count: the
    // text of one of three residents must not be known as a resident's.
    std::map<std::int64_t, std::string> group_names;
    for (const auto& group : results.summary.groups) {
        if (group.group_id != 0 && group.answers.kind == domain::ShownCount::Kind::exact) {
            group_names[group.group_id] = group.name;
        }
    }
    data values = site_.event_summary(visit, event);
    values.set("summary", summary_data(results.summary, *visit));
    data answers(data::type::list);
    for (const auto& evaluation : results.answers.items) {
        const auto& answer = evaluation.answer;
        data row(data::type::object);
        row.set("rating", visit->text("evaluation.rating_" + std::to_string(answer.rating)));
        row.set("date", long_date(evaluation.submitted_at, *visit->texts));
        const auto group = group_names.find(answer.group_id);
        set_if_present(row, "group", group == group_names.end() ? "" : group->second);
        set_if_present(row, "takeaway", answer.takeaway);
        set_if_present(row, "next_theme", answer.next_theme);
        set_if_present(row, "remark", answer.remark);
        answers.push_back(row);
    }
    values.set("answers", answers);
    values.set("has_text_answers", !answers.is_empty_list());
    values.set("paging", pagination_data(*visit, results.answers.total, request));
    values.set("experiences_total", std::to_string(results.experiences.total));
    const std::string url = evaluation_url(site_, *visit, event);
    values.set("evaluation_url", url);
    values.set("is_open", domain::is_open_for_evaluation(event, site_.now()));
    values.set("qr_svg",
               reports::qr_svg(reports::encode_qr(url), visit->text("evaluation.qr_label")));
    site_.finish(visit,
                 site_.page(visit, "evaluation_results", values,
                            visit->text("evaluation.results_title") + ": " + event.details.title));
}

void EvaluationPages::experiences_page(const VisitPtr& visit, const Access& access) {
    const auto& event = access.event();
    const auto request = page_request(*visit, experiences_per_page, max_per_page);
    const auto page = site_.store().read().experiences({event.id, std::nullopt}, request);
    data values = site_.event_summary(visit, event);
    data list(data::type::list);
    for (const auto& experience : page.items) {
        data row(data::type::object);
        row.set("experience_id", std::to_string(experience.id));
        set_if_present(row, "quote", experience.quote);
        row.set("signed", attribution_text(experience, *visit));
        row.set("status", visit->text("experience.status_" +
                                      std::string(domain::to_slug(experience.status))));
        row.set("date", long_date(experience.submitted_at, *visit->texts));
        row.set("can_hide", experience.status == domain::ExperienceStatus::published);
        row.set("can_show", experience.status == domain::ExperienceStatus::hidden);
        list.push_back(row);
    }
    values.set("experiences", list);
    values.set("has_experiences", !list.is_empty_list());
    values.set("paging", pagination_data(*visit, page.total, request));
    site_.finish(visit,
                 site_.page(visit, "evaluation_experiences", values,
                            visit->text("experience.review_title") + ": " + event.details.title));
}

void EvaluationPages::experience_visibility(const VisitPtr& visit, const Access& access) {
    const auto experience_id =
        text::parse_integer(visit->form.get("experience"), 1, INT64_MAX).value_or(0);
    const std::string action = visit->form.get("action");
    if (action != "hide" && action != "show") {
        return site_.respond_error(visit, 422, "error.bad_form");
    }
    const std::string back =
        "/beheer/events/" + std::to_string(access.event().id) + "/evaluatie/ervaringen";
    site_.write(
        visit,
        [scope = access.event_scope(), experience_id, visible = action == "show",
         now = site_.now()](app::Transaction& tx) {
            return app::set_experience_visible(tx, scope, experience_id, visible, now);
        },
        [this, visit, back](app::VisibilityResult result) -> Response {
            switch (result) {
                case app::VisibilityResult::done:
                    return site_.redirect(back);
                case app::VisibilityResult::not_found:
                    return site_.error_page(visit, 404, "experience.not_found");
                case app::VisibilityResult::withdrawn:
                    return site_.error_page(visit, 409, "experience.already_withdrawn");
            }
            return site_.error_page(visit, 500, "error.internal");
        });
}

}  // namespace

std::unique_ptr<Component> make_evaluation_pages(Site& site) {
    return std::make_unique<EvaluationPages>(site);
}

}  // namespace kc::web
