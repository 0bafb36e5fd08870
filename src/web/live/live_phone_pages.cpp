// The participant's side of a live session. Every question type that can be answered with a
// plain form works without JavaScript (a page load per answer); static/live_phone.js adds the
// channel on top: live questions, answers over the WebSocket with resending, and results.
#include <algorithm>

#include "app/live.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "live/messages.hpp"
#include "web/cookies.hpp"
#include "web/json_answers.hpp"
#include "web/live/live_channel.hpp"
#include "web/live/live_pages.hpp"
#include "web/live/live_views.hpp"
#include "web/seating.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using domain::live::QuestionKind;
using kainjow::mustache::data;

constexpr std::string_view phone_cookie = "kc_live";

// What the answer form of a question's kind sent, as an answer value. The domain checks it.
domain::live::AnswerValue answer_from_form(QuestionKind kind, std::size_t option_count,
                                           const FormData& form) {
    domain::live::AnswerValue value;
    const auto number_of = [](const std::string& text) {
        return text::parse_integer(text::trim(text), -1000000, 1000000);
    };
    switch (kind) {
        case QuestionKind::choice:
        case QuestionKind::quiz:
            for (const auto& option : form.get_all("option")) {
                if (const auto index = number_of(option))
                    value.options.push_back(static_cast<int>(*index));
            }
            break;
        case QuestionKind::ranking: {
            // Each option got a place; the order of the places is the ranking.
            std::vector<std::pair<long long, int>> places;
            for (std::size_t index = 0; index < option_count; ++index) {
                const auto place = number_of(form.get("place_" + std::to_string(index)));
                places.emplace_back(place.value_or(0), static_cast<int>(index));
            }
            std::stable_sort(places.begin(), places.end());
            for (std::size_t position = 0; position < places.size(); ++position) {
                // Two options on one place cannot make an order: the domain refuses a repeat.
                if (places[position].first != static_cast<long long>(position + 1)) {
                    value.options.push_back(-1);
                    continue;
                }
                value.options.push_back(places[position].second);
            }
            break;
        }
        case QuestionKind::statement:
        case QuestionKind::scale:
            if (const auto number = number_of(form.get("number")))
                value.number = static_cast<int>(*number);
            break;
        case QuestionKind::word_cloud:
            for (std::size_t index = 1; index <= domain::live::QuestionLimits::max_words; ++index) {
                std::string word = text::trim(form.get("word_" + std::to_string(index)));
                if (!word.empty()) value.words.push_back(std::move(word));
            }
            break;
        case QuestionKind::open:
        case QuestionKind::qa:
            if (const auto upvote = text::parse_integer(form.get("upvote"), 1, INT64_MAX)) {
                value.upvote = *upvote;
            } else {
                value.text = text::trim(form.get("text"));
            }
            break;
    }
    return value;
}

}  // namespace

struct PhonePages::Phone {
    std::string code;
    std::int64_t session_id = 0;
    std::int64_t participant_id = 0;
};

void PhonePages::add_routes(Routes& routes) {
    routes.open("GET", "/live", bind_handler(this, &PhonePages::code_page));
    routes.open("POST", "/live", bind_handler(this, &PhonePages::code_submit));
    routes.open("GET", "/live/{code}", bind_handler(this, &PhonePages::phone_page));
    routes.open("POST", "/live/{code}/meedoen", bind_handler(this, &PhonePages::join_submit));
    routes.open("POST", "/live/{code}/antwoord", bind_handler(this, &PhonePages::answer_submit));
    routes.open("POST", "/live/{code}/groep", bind_handler(this, &PhonePages::group_submit));
    routes.open("CHANNEL", "/live/{code}/kanaal", bind_handler(this, &PhonePages::channel));
    routes.open("POST", "/api/v1/live/{code}/participants",
                bind_handler(this, &PhonePages::api_join));
    routes.open("POST", "/api/v1/live/{code}/answers", bind_handler(this, &PhonePages::api_answer));
}

std::optional<PhonePages::Phone> PhonePages::phone_of(const VisitPtr& visit) {
    const auto code = app::normalize_join_code(visit->params.get("code"));
    if (!code) return std::nullopt;
    const auto session_id = engine_.running_session(*code);
    if (!session_id) return std::nullopt;
    Phone phone{*code, *session_id, 0};
    std::string token = query_value(visit->request.query, "token");
    if (token.empty()) {
        const auto cookies = visit->request.header("cookie").value_or("");
        token = cookie_value(cookies, phone_cookie).value_or("");
    }
    if (!token.empty()) phone.participant_id = engine_.participant(*session_id, token).value_or(0);
    return phone;
}

Response PhonePages::code_response(const VisitPtr& visit, const std::string& typed,
                                   bool not_found) {
    data values(data::type::object);
    values.set("value_code", typed);
    if (not_found) values.set("error_code", visit->text("live.error.code_not_found"));
    return site_.page(visit, "live_join", values, visit->text("live.join_title"),
                      not_found ? 404 : 200);
}

void PhonePages::code_page(const VisitPtr& visit) {
    site_.finish(visit, code_response(visit, query_value(visit->request.query, "code"), false));
}

void PhonePages::code_submit(const VisitPtr& visit) {
    const std::string typed = text::trim(visit->form.get("code"));
    const auto code = app::normalize_join_code(typed);
    if (!code || !engine_.running_session(*code)) {
        return site_.finish(visit, code_response(visit, typed, true));
    }
    site_.finish(visit, site_.redirect(visit->site_prefix + "/live/" + *code));
}

void PhonePages::phone_page(const VisitPtr& visit) {
    const auto phone = phone_of(visit);
    if (!phone) return site_.finish(visit, code_response(visit, visit->params.get("code"), true));
    const auto view = engine_.phone_view(phone->session_id, phone->participant_id);
    if (!view) return site_.finish(visit, code_response(visit, phone->code, true));
    data values(data::type::object);
    values.set("title", view->session.title);
    values.set("code", phone->code);
    values.set("display_code", app::display_join_code(phone->code));
    values.set("base", visit->site_prefix + "/live/" + phone->code);
    values.set("joined", phone->participant_id != 0);
    data groups(data::type::list);
    std::string group_name;
    for (const auto& group : view->groups) {
        data item(data::type::object);
        item.set("slug", group.slug);
        item.set("name", group.name);
        groups.push_back(item);
        if (group.id == view->group_id) group_name = group.name;
    }
    values.set("groups", groups);
    set_if_present(values, "group_name", group_name);
    values.set("needs_group", phone->participant_id != 0 && view->group_id == 0);
    set_if_present(values, "registration", query_value(visit->request.query, "aanmelding"));
    if (view->score > 0) values.set("score", std::to_string(view->score));
    if (view->question && phone->participant_id != 0) {
        data question = question_data(visit, *view->question, view->answer);
        question.set("client_id", app::security::random_token(12));
        values.set("question", question);
    }
    if (view->results && view->question && phone->participant_id != 0 &&
        view->question->question.settings.kind == QuestionKind::qa) {
        data entries = entries_data(*view->results);
        values.set("qa_entries", entries);
        values.set("has_qa_entries", !view->results->entries.empty());
        values.set("vote_client_id", app::security::random_token(12));
    }
    if (view->results && view->question && view->question->question.results_shown) {
        set_if_present(values, "results_svg", view->results_svg);
    }
    if (const auto status =
            live::answer_status_from_slug(query_value(visit->request.query, "antwoord"))) {
        // Not "notice": a key named like a template would be that template (a partial).
        values.set(live::is_acknowledged(*status) ? "answer_notice" : "answer_problem",
                   visit->text("live.answer_status." + std::string(live::to_slug(*status))));
    }
    data scripts(data::type::list);
    scripts.push_back(std::string("/static/live_channel.js"));
    scripts.push_back(std::string("/static/live_phone.js"));
    values.set("scripts", scripts);
    site_.finish(visit, site_.page(visit, "live_phone", values, view->session.title));
}

void PhonePages::join_submit(const VisitPtr& visit) {
    const auto phone = phone_of(visit);
    if (!phone) return site_.finish(visit, code_response(visit, visit->params.get("code"), true));
    const std::string back = visit->site_prefix + "/live/" + phone->code;
    if (phone->participant_id != 0) return site_.finish(visit, site_.redirect(back));
    std::int64_t group_id = engine_.group_by_slug(phone->session_id, visit->form.get("group"));
    std::optional<std::int64_t> registration_id;
    // From a personal link the registration tells the group, so the phone need not ask.
    if (const std::string token = visit->form.get("registration"); !token.empty()) {
        auto& queries = site_.store().read();
        const auto registration = queries.registration_by_token(token);
        const auto session = queries.live_session(phone->session_id);
        if (registration && session && registration->event_id == session->event_id) {
            registration_id = registration->id;
            group_id = registration->form.group_id;
        }
    }
    engine_.join(phone->session_id, group_id, visit->form.get("nickname"), registration_id,
                 [this, visit, back](std::optional<live::Ticket> ticket) {
                     if (!ticket) return site_.respond_error(visit, 503, "error.not_stored");
                     Response response = site_.redirect(back);
                     response.add_header("Set-Cookie", set_cookie(phone_cookie, ticket->token,
                                                                  CookieLifetime::session,
                                                                  site_.config().secure_cookies));
                     site_.finish(visit, std::move(response));
                 });
}

void PhonePages::group_submit(const VisitPtr& visit) {
    const auto phone = phone_of(visit);
    if (!phone || phone->participant_id == 0) {
        return site_.finish(visit, code_response(visit, visit->params.get("code"), true));
    }
    const std::int64_t group_id =
        engine_.group_by_slug(phone->session_id, visit->form.get("group"));
    engine_.set_group(phone->session_id, phone->participant_id, group_id);
    site_.finish(visit, site_.redirect(visit->site_prefix + "/live/" + phone->code));
}

void PhonePages::answer_submit(const VisitPtr& visit) {
    const auto phone = phone_of(visit);
    if (!phone || phone->participant_id == 0) {
        return site_.finish(visit, code_response(visit, visit->params.get("code"), true));
    }
    const std::string back = visit->site_prefix + "/live/" + phone->code;
    const auto view = engine_.phone_view(phone->session_id, phone->participant_id);
    const auto question_id = text::parse_integer(visit->form.get("question"), 1, INT64_MAX);
    const std::string client_id = visit->form.get("client_id");
    if (!view || !view->question) {
        return site_.finish(visit, site_.redirect(back + "?antwoord=closed#vraag"));
    }
    if (!question_id || !live::is_valid_client_id(client_id)) {
        return site_.finish(visit, site_.redirect(back + "?antwoord=invalid#vraag"));
    }
    live::AnswerMessage message;
    message.client_id = client_id;
    message.question_id = *question_id;
    message.value = answer_from_form(view->question->question.settings.kind,
                                     view->question->question.settings.options.size(), visit->form);
    engine_.answer(phone->session_id, phone->participant_id, std::move(message),
                   [this, visit, back](live::AnswerStatus status) {
                       site_.finish(visit,
                                    site_.redirect(back + "?antwoord=" +
                                                   std::string(live::to_slug(status)) + "#vraag"));
                   });
}

void PhonePages::channel(const VisitPtr& visit) {
    if (!visit->channel_sink) return site_.respond_error(visit, 400, "error.bad_form");
    const auto phone = phone_of(visit);
    if (!phone) return site_.respond_error(visit, 404, "live.error.code_not_found");
    const Catalogue* texts = visit->texts;
    const std::int64_t session_id = phone->session_id;
    auto seating =
        [this, texts, session_id](
            std::int64_t participant_id,
            std::shared_ptr<live::Outlet> outlet) -> std::unique_ptr<live::Subscription> {
        const auto registration_id = engine_.registration_of(session_id, participant_id);
        auto& queries = site_.store().read();
        const auto registration =
            registration_id ? queries.registration(*registration_id) : std::nullopt;
        if (!registration) return nullptr;
        return engine_.subscribe_seating(
            registration->event_id, std::move(outlet), [this, texts, id = registration->id] {
                auto& reads = site_.store().read();
                const auto current = reads.registration(id);
                return current ? seat_message(*texts, reads, *current) : std::string();
            });
    };
    auto channel = PhoneChannel::open(engine_, phone->session_id, phone->participant_id,
                                      visit->channel_sink, std::move(seating));
    if (!channel) return site_.respond_error(visit, 404, "live.error.code_not_found");
    visit->channel = std::move(channel);
}

void PhonePages::api_join(const VisitPtr& visit) {
    const auto phone = phone_of(visit);
    if (!phone) {
        return site_.finish(visit,
                            json_error(*visit, 404, "not_found", "live.error.code_not_found"));
    }
    std::string problem_key;
    const auto body = read_json_body(*visit, problem_key);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem_key));
    const auto* group = body->if_contains("group");
    const auto* nickname = body->if_contains("nickname");
    const std::int64_t group_id =
        group && group->is_string() ? engine_.group_by_slug(phone->session_id, group->get_string())
                                    : 0;
    engine_.join(phone->session_id, group_id,
                 nickname && nickname->is_string() ? std::string(nickname->get_string()) : "",
                 std::nullopt, [this, visit](std::optional<live::Ticket> ticket) {
                     if (!ticket) return site_.respond_error(visit, 503, "error.not_stored");
                     site_.finish(visit, json_text_response(201, live::welcome_message(*ticket)));
                 });
}

void PhonePages::api_answer(const VisitPtr& visit) {
    std::string problem_key;
    const auto body = read_json_body(*visit, problem_key);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem_key));
    // A script gives its token in the body; the phone's page has it only as a cookie, which a
    // page of another site cannot send here with a JSON body without being asked first.
    const auto* token = body->if_contains("token");
    std::string token_text = token && token->is_string() ? std::string(token->get_string()) : "";
    if (token_text.empty()) {
        token_text =
            cookie_value(visit->request.header("cookie").value_or(""), phone_cookie).value_or("");
    }
    const auto code = app::normalize_join_code(visit->params.get("code"));
    const auto session_id = code ? engine_.running_session(*code) : std::nullopt;
    const auto participant =
        session_id ? engine_.participant(*session_id, token_text) : std::nullopt;
    if (!participant) {
        return site_.finish(visit, json_error(*visit, 404, "not_found", "live.error.not_joined"));
    }
    std::string problem;
    auto answer = live::parse_answer(*body, problem);
    if (!answer) {
        return site_.finish(visit, json_text_response(400, live::error_message(problem)));
    }
    std::string client_id = answer->client_id;
    engine_.answer(
        *session_id, *participant, std::move(*answer),
        [this, visit, client_id](live::AnswerStatus status) {
            if (live::is_acknowledged(status)) {
                return site_.finish(visit,
                                    json_text_response(200, live::ack_message(client_id, status)));
            }
            const int http_status = status == live::AnswerStatus::not_stored ? 503 : 409;
            site_.finish(
                visit, json_text_response(http_status, live::rejected_message(client_id, status)));
        });
}

}  // namespace kc::web
