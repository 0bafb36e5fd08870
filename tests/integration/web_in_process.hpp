#pragma once

// The web app called in-process, as the server would call it, without a socket (ADR 0001):
// a request in, the answer out, and the sessions and cafés that the web tests set up.

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <utility>
#include <vector>

#include "app/events.hpp"
#include "app/security.hpp"
#include "app/werkplaats_settings.hpp"
#include "web/web_app.hpp"

namespace kc::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct WebReply {
    int status = 0;
    std::string body;
    Headers headers;

    std::string header(const std::string& name) const {
        for (const auto& [key, value] : headers) {
            if (key == name) return value;
        }
        return {};
    }
};

// Hands a request for `target` (path and query) to the app and waits for its answer; a
// request that is never answered fails the test.
inline WebReply handle(web::WebApp& app, const std::string& method, const std::string& target,
                       std::string body, Headers headers) {
    web::Request request;
    request.method = method;
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = target.substr(question + 1);
    request.body = std::move(body);
    request.remote_address = "127.0.0.1";
    request.headers = std::move(headers);
    auto promise = std::make_shared<std::promise<web::Response>>();
    auto answer = promise->get_future();
    app.handle(std::move(request),
               [promise](web::Response response) { promise->set_value(std::move(response)); });
    if (answer.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
        ADD_FAILURE() << method << " " << target << " never answered";
        return {};
    }
    auto response = answer.get();
    return {response.status, std::move(response.body), std::move(response.headers)};
}

// A logged-in browser of a member, straight in the store: the value of its Cookie header.
inline std::string browser_session(app::Store& store, std::int64_t user_id, const std::string& csrf,
                                   time::Timestamp now) {
    const std::string token = app::security::random_token();
    store.write_and_wait([&](app::Transaction& tx) {
        tx.insert_session({app::security::token_digest(token), user_id, csrf, std::nullopt,
                           now - 60, now + 3600});
    });
    return "kc_session=" + token + "; kc_csrf=" + csrf;
}

// A café of two hours at `starts_at`, published 20 days before it starts.
inline std::int64_t published_cafe(app::Transaction& tx, std::int64_t werkplaats,
                                   const std::string& title, time::Timestamp starts_at) {
    constexpr time::Timestamp twenty_days = 20 * 86'400;
    domain::EventDetails details;
    details.title = title;
    details.location_name = "Huis van de Wijk";
    details.starts_at = starts_at;
    details.ends_at = starts_at + 7'200;
    const auto id = app::create_event(tx, werkplaats, details, starts_at - twenty_days).event_id;
    app::change_event_status(tx, werkplaats, id, domain::EventStatus::published,
                             starts_at - twenty_days);
    return id;
}

// The two Werkplaatsen of the web tests: A on the base address, B on a host name of its own,
// so that every test can ask what one Werkplaats's people see of the other's.
struct TwoWerkplaatsen {
    std::int64_t a = 0;
    std::int64_t b = 0;
};
inline TwoWerkplaatsen two_werkplaatsen(app::Transaction& tx) {
    TwoWerkplaatsen ids{app::create_werkplaats(tx, "zhz", "Werkplaats Zuid-Holland Zuid"),
                        app::create_werkplaats(tx, "ander", "Andere Werkplaats")};
    tx.set_werkplaats_host_name(ids.b, "ander.example");
    return ids;
}

// A member of a Werkplaats who logs in through browser_session (the password is never used).
inline std::int64_t add_member(app::Transaction& tx, const char* email, std::int64_t werkplaats,
                               app::Role role) {
    const auto id = tx.insert_user({0, email, email, "geen-wachtwoord"});
    tx.upsert_membership({id, werkplaats, role, false});
    return id;
}

}  // namespace kc::testing
