// Live sessions: organisers prepare the questions of an event's sessions; on the day a host
// runs them from a control page (a phone or laptop) while the beamer shows the screen; and
// phones join with the code and answer (live_phone_pages.cpp). The engine in src/live/
// counts and pushes; this component owns the pages and hands the engine its channels.
#include "web/live/live_pages.hpp"

#include <algorithm>

#include "app/exports.hpp"
#include "app/live.hpp"
#include "core/text.hpp"
#include "reports/qr_code.hpp"
#include "web/live/live_channel.hpp"
#include "web/live/live_views.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

std::string session_path(const Access& access) {
    return "/beheer/events/" + std::to_string(access.event().id) + "/live/" +
           std::to_string(access.live_session().id);
}

std::optional<live::Control> control_from_slug(std::string_view slug) {
    using live::Control;
    static const std::pair<std::string_view, Control> controls[] = {
        {"start", Control::start},
        {"end", Control::end},
        {"show_question", Control::show_question},
        {"open_question", Control::open_question},
        {"close_question", Control::close_question},
        {"show_results", Control::show_results},
        {"hide_results", Control::hide_results},
        {"by_group", Control::by_group},
        {"all_together", Control::all_together},
    };
    for (const auto& [name, control] : controls) {
        if (name == slug) return control;
    }
    return std::nullopt;
}

std::string state_text(const VisitPtr& visit, app::LiveSessionState state) {
    return visit->text("live.state." + std::string(app::to_slug(state)));
}

data session_data(const VisitPtr& visit, const Access& access, const app::LiveSession& session) {
    data item(data::type::object);
    item.set("id", std::to_string(session.id));
    item.set("event_id", std::to_string(access.event().id));
    item.set("title", session.title);
    item.set("code", app::display_join_code(session.join_code));
    item.set("state", state_text(visit, session.state));
    item.set("is_running", session.state == app::LiveSessionState::running);
    item.set("is_prepared", session.state == app::LiveSessionState::prepared);
    item.set("is_ended", session.state == app::LiveSessionState::ended);
    return item;
}

}  // namespace

LivePages::LivePages(Site& site) : site_(site), engine_(site.live()), phone_pages_(site, engine_) {}

void LivePages::add_routes(Routes& routes) {
    const std::string event = "/beheer/events/{id}/live";
    const std::string session = event + "/{session}";
    routes.members("GET", event, Role::host, bind_handler(this, &LivePages::sessions_page));
    routes.members("POST", event, Role::organiser, bind_handler(this, &LivePages::create_session));
    routes.members("GET", session, Role::host, bind_handler(this, &LivePages::editor_page));
    routes.members("POST", session + "/instellingen", Role::organiser,
                   bind_handler(this, &LivePages::settings_submit));
    routes.members("POST", session + "/verwijderen", Role::organiser,
                   bind_handler(this, &LivePages::delete_session));
    routes.members("POST", session + "/vragen", Role::organiser,
                   bind_handler(this, &LivePages::question_submit));
    routes.members("POST", session + "/vragen/verwijderen", Role::organiser,
                   bind_handler(this, &LivePages::question_delete));
    routes.members("POST", session + "/vragen/verplaatsen", Role::organiser,
                   bind_handler(this, &LivePages::question_move));
    routes.members("GET", session + "/regie", Role::host,
                   bind_handler(this, &LivePages::control_page));
    routes.members("POST", session + "/regie", Role::host,
                   bind_handler(this, &LivePages::control_submit));
    routes.members("POST", session + "/moderatie", Role::host,
                   bind_handler(this, &LivePages::moderation_submit));
    routes.members("GET", session + "/scherm", Role::host,
                   bind_handler(this, &LivePages::screen_page));
    routes.members("CHANNEL", session + "/kanaal", Role::host,
                   bind_handler(this, &LivePages::presenter_channel));
    routes.members("GET", session + "/resultaten.csv", Role::organiser,
                   bind_handler(this, &LivePages::results_csv));
    phone_pages_.add_routes(routes);
}

void LivePages::sessions_page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, sessions_response(visit, access, {}, ""));
}

Response LivePages::sessions_response(const VisitPtr& visit, const Access& access,
                                      const FieldErrors& errors, const std::string& title) {
    const auto& event = access.event();
    data values = site_.event_summary(visit, event);
    data sessions(data::type::list);
    const auto stored = site_.store().read().live_sessions(event.id);
    for (const auto& session : stored) sessions.push_back(session_data(visit, access, session));
    values.set("sessions", sessions);
    values.set("has_sessions", !stored.empty());
    values.set("can_prepare", access.has_role(Role::organiser));
    values.set("value_title", title);
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "live_sessions", values,
                      visit->text("live.title") + ": " + event.details.title,
                      errors.empty() ? 200 : 422);
}

void LivePages::create_session(const VisitPtr& visit, const Access& access) {
    std::string title = text::trim(visit->form.get("title"));
    site_.write(
        visit,
        [scope = access.event_scope(), title, now = site_.now()](app::Transaction& tx) {
            return app::create_live_session(tx, scope, title, now);
        },
        [this, visit, &access, title](const app::LiveOutcome& outcome) {
            if (outcome.status == app::LiveStatus::invalid) {
                return sessions_response(visit, access, outcome.errors, title);
            }
            if (outcome.status != app::LiveStatus::done) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            return site_.redirect("/beheer/events/" + std::to_string(access.event().id) + "/live/" +
                                  std::to_string(outcome.id));
        });
}

void LivePages::editor_page(const VisitPtr& visit, const Access& access) {
    std::optional<domain::live::QuestionSettings> editing;
    std::int64_t editing_id = 0;
    if (const auto id =
            text::parse_integer(query_value(visit->request.query, "vraag"), 1, INT64_MAX)) {
        for (const auto& question : site_.store().read().live_questions(access.live_session().id)) {
            if (question.id == *id && question.state == app::LiveQuestionState::waiting) {
                editing = question.settings;
                editing_id = question.id;
            }
        }
    }
    site_.finish(visit,
                 editor_response(visit, access, editing.value_or(domain::live::QuestionSettings{}),
                                 editing_id, access.live_session(), {}));
}

Response LivePages::editor_response(const VisitPtr& visit, const Access& access,
                                    const domain::live::QuestionSettings& form,
                                    std::int64_t editing_id, const app::LiveSession& settings,
                                    const FieldErrors& errors) {
    const auto& event = access.event();
    const auto& session = access.live_session();
    auto& queries = site_.store().read();
    data values = site_.event_summary(visit, event);
    values.set("session", session_data(visit, access, session));
    values.set("settings_title", settings.title);
    values.set("word_filter", settings.word_filter);
    values.set("can_prepare", access.has_role(Role::organiser));
    data questions(data::type::list);
    int number = 0;
    for (const auto& question : queries.live_questions(session.id)) {
        data item(data::type::object);
        item.set("id", std::to_string(question.id));
        item.set("number", std::to_string(++number));
        item.set("prompt", question.settings.prompt);
        item.set("kind", visit->text("live.kind." +
                                     std::string(domain::live::to_slug(question.settings.kind))));
        item.set("state",
                 visit->text("live.question_state." + std::string(app::to_slug(question.state))));
        item.set("editable", question.state == app::LiveQuestionState::waiting);
        questions.push_back(item);
    }
    values.set("questions", questions);
    values.set("has_questions", number > 0);
    values.set("form", question_form_data(visit, form));
    values.set("editing", editing_id != 0);
    if (editing_id != 0) values.set("editing_id", std::to_string(editing_id));
    values.set("join_url", site_.site_url(*visit) + "/live/" + session.join_code);
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "live_editor", values,
                      visit->text("live.title") + ": " + session.title, errors.empty() ? 200 : 422);
}

void LivePages::settings_submit(const VisitPtr& visit, const Access& access) {
    const std::int64_t session_id = access.live_session().id;
    site_.write(
        visit,
        [scope = access.event_scope(), session_id, title = visit->form.get("title"),
         filter = visit->form.get("word_filter"), now = site_.now()](app::Transaction& tx) {
            return app::update_live_session(tx, scope, session_id, title, filter, now);
        },
        [this, visit, &access, session_id](const app::LiveOutcome& outcome) {
            if (outcome.status == app::LiveStatus::invalid) {
                // The page shows again with what was typed, so nothing of it is lost.
                app::LiveSession typed = access.live_session();
                typed.title = visit->form.get("title");
                typed.word_filter = visit->form.get("word_filter");
                return editor_response(visit, access, {}, 0, typed, outcome.errors);
            }
            engine_.reload(session_id);
            return site_.redirect(session_path(access) + "?opgeslagen=1");
        });
}

void LivePages::delete_session(const VisitPtr& visit, const Access& access) {
    const std::int64_t session_id = access.live_session().id;
    site_.write(
        visit,
        [scope = access.event_scope(), session_id](app::Transaction& tx) {
            return app::delete_live_session(tx, scope, session_id);
        },
        [this, visit, &access, session_id](const app::LiveOutcome& outcome) {
            if (outcome.status == app::LiveStatus::not_allowed) {
                return site_.error_page(visit, 409, "live.error.running");
            }
            engine_.reload(session_id);
            return site_.redirect("/beheer/events/" + std::to_string(access.event().id) + "/live");
        });
}

void LivePages::question_submit(const VisitPtr& visit, const Access& access) {
    const std::int64_t session_id = access.live_session().id;
    auto settings = question_from_form(visit->form);
    const auto question_id = text::parse_integer(visit->form.get("question"), 1, INT64_MAX);
    site_.write(
        visit,
        [scope = access.event_scope(), session_id, settings,
         question_id = question_id ? std::optional<std::int64_t>(*question_id)
                                   : std::nullopt](app::Transaction& tx) {
            return app::save_live_question(tx, scope, session_id, question_id, settings);
        },
        [this, visit, &access, session_id, settings,
         editing = question_id.value_or(0)](const app::LiveOutcome& outcome) {
            switch (outcome.status) {
                case app::LiveStatus::invalid:
                    return editor_response(visit, access, settings, editing, access.live_session(),
                                           outcome.errors);
                case app::LiveStatus::not_allowed:
                    return site_.error_page(visit, 409, "live.error.question_opened");
                case app::LiveStatus::not_found:
                    return site_.error_page(visit, 404, "error.not_found");
                case app::LiveStatus::done:
                    break;
            }
            engine_.reload(session_id);
            return site_.redirect(session_path(access) + "#vragen");
        });
}

void LivePages::question_delete(const VisitPtr& visit, const Access& access) {
    const std::int64_t session_id = access.live_session().id;
    const auto question_id = text::parse_integer(visit->form.get("question"), 1, INT64_MAX);
    if (!question_id) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [scope = access.event_scope(), session_id,
         question_id = *question_id](app::Transaction& tx) {
            return app::delete_live_question(tx, scope, session_id, question_id);
        },
        [this, visit, &access, session_id](const app::LiveOutcome& outcome) {
            if (outcome.status == app::LiveStatus::not_allowed) {
                return site_.error_page(visit, 409, "live.error.question_opened");
            }
            if (outcome.status != app::LiveStatus::done) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            engine_.reload(session_id);
            return site_.redirect(session_path(access) + "#vragen");
        });
}

void LivePages::question_move(const VisitPtr& visit, const Access& access) {
    const std::int64_t session_id = access.live_session().id;
    const auto question_id = text::parse_integer(visit->form.get("question"), 1, INT64_MAX);
    const std::string direction = visit->form.get("direction");
    if (!question_id || (direction != "op" && direction != "neer")) {
        return site_.respond_error(visit, 400, "error.bad_form");
    }
    site_.write(
        visit,
        [scope = access.event_scope(), session_id, question_id = *question_id,
         step = direction == "op" ? -1 : 1](app::Transaction& tx) {
            return app::move_live_question(tx, scope, session_id, question_id, step);
        },
        [this, visit, &access, session_id](const app::LiveOutcome& outcome) {
            if (outcome.status != app::LiveStatus::done) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            engine_.reload(session_id);
            return site_.redirect(session_path(access) + "#vragen");
        });
}

void LivePages::control_page(const VisitPtr& visit, const Access& access) {
    const auto view = engine_.presenter_view(access.event_scope(), access.live_session().id);
    if (!view) return site_.respond_error(visit, 404, "error.not_found");
    data values = site_.event_summary(visit, access.event());
    values.set("session", session_data(visit, access, view->session));
    values.set("participants", std::to_string(view->participants));
    values.set("by_group", view->by_group);
    data questions(data::type::list);
    int number = 0;
    for (const auto& question : view->questions) {
        data item(data::type::object);
        item.set("id", std::to_string(question.id));
        item.set("number", std::to_string(++number));
        item.set("prompt", question.settings.prompt);
        item.set("state",
                 visit->text("live.question_state." + std::string(app::to_slug(question.state))));
        item.set("current", view->question && view->question->question.id == question.id);
        questions.push_back(item);
    }
    values.set("questions", questions);
    if (view->question) {
        data current = question_data(visit, *view->question, std::nullopt);
        current.set("answers", std::to_string(view->answers));
        current.set("results_shown", view->question->question.results_shown);
        values.set("current", current);
        if (view->results) {
            values.set("results_svg", view->results_svg);
            values.set("entries", entries_data(*view->results));
            data words(data::type::list);
            for (const auto& word : view->results->words) {
                data item(data::type::object);
                item.set("text", word.text);
                item.set("count", std::to_string(word.count));
                words.push_back(item);
            }
            values.set("words", words);
            values.set("has_words", !view->results->words.empty());
        }
    }
    const auto notice = query_value(visit->request.query, "melding");
    if (notice == "niet_opgeslagen") values.set("control_problem", visit->text("error.not_stored"));
    if (notice == "niet_toegestaan")
        values.set("control_problem", visit->text("live.error.control_not_allowed"));
    site_.finish(visit, site_.page(visit, "live_control", values,
                                   visit->text("live.control_title") + ": " + view->session.title));
}

void LivePages::control_submit(const VisitPtr& visit, const Access& access) {
    const auto control = control_from_slug(visit->form.get("action"));
    if (!control) return site_.respond_error(visit, 400, "error.bad_form");
    const auto question = text::parse_integer(visit->form.get("question"), 1, INT64_MAX);
    const std::string back = session_path(access) + "/regie";
    engine_.control(
        access.event_scope(), access.live_session().id, *control,
        question ? std::optional<std::int64_t>(*question) : std::nullopt,
        [this, visit, back](live::ControlStatus status) {
            switch (status) {
                case live::ControlStatus::done:
                    return site_.finish(visit, site_.redirect(back));
                case live::ControlStatus::not_allowed:
                    return site_.finish(visit, site_.redirect(back + "?melding=niet_toegestaan"));
                case live::ControlStatus::not_stored:
                    return site_.finish(visit, site_.redirect(back + "?melding=niet_opgeslagen"));
                case live::ControlStatus::not_found:
                    return site_.respond_error(visit, 404, "error.not_found");
            }
        });
}

void LivePages::moderation_submit(const VisitPtr& visit, const Access& access) {
    const auto action = app::moderation_action_from_slug(visit->form.get("action"));
    const auto question = text::parse_integer(visit->form.get("question"), 1, INT64_MAX);
    live::Moderation moderation;
    moderation.subject = text::trim(visit->form.get("subject"));
    moderation.target = text::trim(visit->form.get("target"));
    if (!action || !question || moderation.subject.empty() ||
        (*action == app::ModerationAction::merge_words && moderation.target.empty())) {
        return site_.respond_error(visit, 400, "error.bad_form");
    }
    moderation.action = *action;
    moderation.question_id = *question;
    const std::string back = session_path(access) + "/regie";
    engine_.moderate(access.event_scope(), access.live_session().id, std::move(moderation),
                     [this, visit, back](live::ControlStatus status) {
                         if (status == live::ControlStatus::not_found) {
                             return site_.respond_error(visit, 404, "error.not_found");
                         }
                         const bool stored = status == live::ControlStatus::done;
                         site_.finish(visit,
                                      site_.redirect(stored ? back + "#moderatie"
                                                            : back + "?melding=niet_opgeslagen"));
                     });
}

void LivePages::screen_page(const VisitPtr& visit, const Access& access) {
    const auto& session = access.live_session();
    const auto snapshot = engine_.presenter_json(access.event_scope(), session.id);
    if (!snapshot) return site_.respond_error(visit, 404, "error.not_found");
    const std::string join_url = site_.site_url(*visit) + "/live/" + session.join_code;
    data values(data::type::object);
    values.set("title", session.title);
    values.set("code", app::display_join_code(session.join_code));
    values.set("join_host", site_.site_url(*visit) + "/live");
    values.set("qr_svg",
               reports::qr_svg(reports::encode_qr(join_url), visit->text("live.qr_label")));
    values.set("channel", session_path(access) + "/kanaal");
    values.set("snapshot", json_for_script(*snapshot));
    data scripts(data::type::list);
    scripts.push_back(std::string("/static/live_channel.js"));
    scripts.push_back(std::string("/static/live_screen.js"));
    values.set("scripts", scripts);
    values.set("body_class", std::string("screen"));
    site_.finish(visit, site_.page(visit, "live_screen", values, session.title, 200, Forms::none));
}

void LivePages::presenter_channel(const VisitPtr& visit, const Access& access) {
    if (!visit->channel_sink) return site_.respond_error(visit, 400, "error.bad_form");
    auto subscription =
        engine_.subscribe_presenter(access.event_scope(), access.live_session().id,
                                    std::make_shared<SinkOutlet>(visit->channel_sink));
    if (!subscription) return site_.respond_error(visit, 404, "error.not_found");
    visit->channel = std::make_shared<ListeningChannel>(std::move(subscription));
}

void LivePages::results_csv(const VisitPtr& visit, const Access& access) {
    auto csv = engine_.results_csv(access.event_scope(), access.live_session().id);
    if (!csv) return site_.respond_error(visit, 404, "error.not_found");
    const auto session_id = access.live_session().id;
    // An export like the registrations': recorded in the audit log before the file goes out.
    const auto lines = std::count(csv->begin(), csv->end(), '\n');
    app::ExportRecord record{"live-resultaten van sessie " + std::to_string(session_id),
                             access.event().id, std::nullopt, "csv",
                             static_cast<int>(lines > 0 ? lines - 1 : 0)};
    auto body = std::make_shared<std::string>(std::move(*csv));
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), actor = access.audit_actor(), record,
         now = site_.now()](app::Transaction& tx) {
            app::record_export(tx, werkplaats_id, actor, record, now);
        },
        [body, session_id] {
            Response response;
            response.content_type = "text/csv; charset=utf-8";
            response.body = std::move(*body);
            response.add_header("Content-Disposition", "attachment; filename=\"live-" +
                                                           std::to_string(session_id) + ".csv\"");
            response.add_header("Cache-Control", "no-store");
            return response;
        });
}

std::unique_ptr<Component> make_live_pages(Site& site) { return std::make_unique<LivePages>(site); }

}  // namespace kc::web
