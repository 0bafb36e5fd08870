// Accounts: logging in and out (here or everywhere), picking a Werkplaats, one's own
// password, and for admins the members of their Werkplaats, invitations, password
// resets and API tokens.
#include <map>

#include "app/accounts.hpp"
#include "app/mail.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/cookies.hpp"
#include "web/login_throttle.hpp"
#include "web/mail/mail_messages.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

constexpr std::string_view session_cookie = "kc_session";

std::string role_text(const Visit& visit, Role role) {
    return visit.text("role." + std::string(app::to_slug(role)));
}

// The roles as options of a select, the given one selected.
data role_options(const Visit& visit, Role selected, Role highest) {
    data options(data::type::list);
    for (const auto role : {Role::host, Role::organiser, Role::admin}) {
        if (!app::has_role(highest, role)) continue;
        data option(data::type::object);
        option.set("value", std::string(app::to_slug(role)));
        option.set("label", role_text(visit, role));
        option.set("selected", role == selected);
        options.push_back(option);
    }
    return options;
}

std::string date_text(const Visit& visit, std::optional<time::Timestamp> instant) {
    return instant ? long_date(*instant, *visit.texts) : visit.text("accounts.never");
}

class AccountPages final : public Component {
  public:
    explicit AccountPages(Site& site) : site_(site), mail_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/login", bind_handler(this, &AccountPages::login_form));
        routes.open("POST", "/login", bind_handler(this, &AccountPages::login_submit));
        routes.open("GET", "/welkom/{code}", bind_handler(this, &AccountPages::link_form));
        routes.open("POST", "/welkom/{code}", bind_handler(this, &AccountPages::link_submit));
        routes.signed_in("POST", "/logout", bind_handler(this, &AccountPages::logout));
        routes.signed_in("POST", "/logout/overal",
                         bind_handler(this, &AccountPages::logout_everywhere));
        routes.signed_in("GET", "/beheer/werkplaats",
                         bind_handler(this, &AccountPages::werkplaats_choice));
        routes.signed_in("POST", "/beheer/werkplaats",
                         bind_handler(this, &AccountPages::werkplaats_submit));
        routes.signed_in("GET", "/beheer/wachtwoord",
                         bind_handler(this, &AccountPages::password_form));
        routes.signed_in("POST", "/beheer/wachtwoord",
                         bind_handler(this, &AccountPages::password_submit));
        routes.members("GET", "/beheer/accounts", Role::admin,
                       bind_handler(this, &AccountPages::accounts_page));
        routes.members("POST", "/beheer/accounts/uitnodigen", Role::admin,
                       bind_handler(this, &AccountPages::invite_submit));
        routes.members("POST", "/beheer/accounts/{member}", Role::admin,
                       bind_handler(this, &AccountPages::membership_submit));
        routes.members("POST", "/beheer/accounts/{member}/wachtwoord", Role::admin,
                       bind_handler(this, &AccountPages::reset_submit));
        routes.members("POST", "/beheer/tokens", Role::admin,
                       bind_handler(this, &AccountPages::token_submit));
        routes.members("POST", "/beheer/tokens/{token}/intrekken", Role::admin,
                       bind_handler(this, &AccountPages::revoke_submit));
    }

  private:
    void login_form(const VisitPtr& visit);
    void login_submit(const VisitPtr& visit);
    void link_form(const VisitPtr& visit);
    void link_submit(const VisitPtr& visit);
    void logout(const VisitPtr& visit, const Access& access);
    void logout_everywhere(const VisitPtr& visit, const Access& access);
    void werkplaats_choice(const VisitPtr& visit, const Access& access);
    void werkplaats_submit(const VisitPtr& visit, const Access& access);
    void password_form(const VisitPtr& visit, const Access& access);
    void password_submit(const VisitPtr& visit, const Access& access);
    void accounts_page(const VisitPtr& visit, const Access& access);
    void invite_submit(const VisitPtr& visit, const Access& access);
    void membership_submit(const VisitPtr& visit, const Access& access);
    void reset_submit(const VisitPtr& visit, const Access& access);
    void token_submit(const VisitPtr& visit, const Access& access);
    void revoke_submit(const VisitPtr& visit, const Access& access);

    Response login_page(const VisitPtr& visit, const std::string& next, const std::string& email,
                        const FieldErrors& errors, int status);
    Response link_page(const VisitPtr& visit, const app::LinkPreview& preview,
                       const FieldErrors& errors);
    // The accounts page, with a link or token to show once, or errors of a form.
    Response accounts_view(const VisitPtr& visit, const Access& access, const FieldErrors& errors,
                           const std::string& shown_link, const std::string& shown_token);
    // Starts a session for the person after the write `job`, and goes to `next`.
    // A session about to be stored, and the token its cookie carries.
    struct NewSession {
        std::string token;
        app::SessionRecord record;
    };
    NewSession new_session(const VisitPtr& visit, std::int64_t user_id,
                           std::optional<std::int64_t> werkplaats_id);
    // Goes to `next` with the session's cookie set.
    Response signed_in_redirect(const std::string& next, const std::string& token) const;
    void start_session(const VisitPtr& visit, std::int64_t user_id,
                       std::optional<std::int64_t> werkplaats_id, const std::string& next,
                       std::function<void(app::Transaction&)> job);
    std::string link_url(const Visit& visit, const std::string& token) const {
        return site_.site_url(visit) + "/welkom/" + token;
    }

    Site& site_;
    MailWriter mail_;
    LoginThrottle login_throttle_;
};

Response AccountPages::login_page(const VisitPtr& visit, const std::string& next,
                                  const std::string& email, const FieldErrors& errors, int status) {
    data values(data::type::object);
    values.set("next", local_path(next, "/beheer"));
    values.set("value_email", email);
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "login", values, visit->text("login.title"), status);
}

void AccountPages::login_form(const VisitPtr& visit) {
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    site_.finish(visit, login_page(visit, query.get("next"), "", {}, 200));
}

void AccountPages::login_submit(const VisitPtr& visit) {
    const FormData& form = visit->form;
    const std::string email = text::trim(form.get("email"));
    const std::string password = form.get("password");
    const time::Timestamp now = site_.now();
    if (login_throttle_.is_blocked(email, visit->request.remote_address, now)) {
        return site_.finish(visit, login_page(visit, form.get("next"), email,
                                              {{"password", "error.login_throttled"}}, 429));
    }
    auto& queries = site_.store().read();
    const auto user =
        email.size() <= 254 && password.size() <= app::AccountLimits::max_password_bytes
            ? queries.user_by_email(email)
            : std::nullopt;
    // A person without any enabled membership cannot log in: there is nothing to open.
    if (!user || !app::security::verify_password(user->password_hash, password) ||
        app::active_memberships(queries, user->id).empty()) {
        login_throttle_.record_failure(email, visit->request.remote_address, now);
        return site_.finish(visit, login_page(visit, form.get("next"), email,
                                              {{"password", "error.login_failed"}}, 401));
    }
    login_throttle_.record_success(email);
    start_session(visit, user->id, std::nullopt, local_path(form.get("next"), "/beheer"),
                  [now](app::Transaction& tx) { tx.delete_expired_sessions(now); });
}

AccountPages::NewSession AccountPages::new_session(const VisitPtr& visit, std::int64_t user_id,
                                                   std::optional<std::int64_t> werkplaats_id) {
    NewSession session;
    session.token = app::security::random_token(32);
    const time::Timestamp now = site_.now();
    session.record = {app::security::token_digest(session.token),
                      user_id,
                      site_.ensure_csrf_token(visit),
                      werkplaats_id,
                      now,
                      now + app::AccountLimits::session_seconds};
    return session;
}

Response AccountPages::signed_in_redirect(const std::string& next, const std::string& token) const {
    Response response = site_.redirect(next);
    response.add_header("Set-Cookie", set_cookie(session_cookie, token, CookieLifetime::session,
                                                 site_.config().secure_cookies));
    return response;
}

void AccountPages::start_session(const VisitPtr& visit, std::int64_t user_id,
                                 std::optional<std::int64_t> werkplaats_id, const std::string& next,
                                 std::function<void(app::Transaction&)> job) {
    const NewSession session = new_session(visit, user_id, werkplaats_id);
    site_.write(
        visit,
        [record = session.record, job = std::move(job)](app::Transaction& tx) {
            job(tx);
            tx.insert_session(record);
        },
        [this, token = session.token, next]() { return signed_in_redirect(next, token); });
}

void AccountPages::logout(const VisitPtr& visit, const Access&) {
    site_.write(
        visit,
        [token_hash = visit->session_token_hash](app::Transaction& tx) {
            tx.delete_session(token_hash);
        },
        [this]() {
            Response response = site_.redirect("/");
            response.add_header("Set-Cookie",
                                clear_cookie(session_cookie, site_.config().secure_cookies));
            return response;
        });
}

void AccountPages::logout_everywhere(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit, [user_id = access.user.id](app::Transaction& tx) { tx.delete_sessions_of(user_id); },
        [this]() {
            Response response = site_.redirect("/login?uitgelogd=overal");
            response.add_header("Set-Cookie",
                                clear_cookie(session_cookie, site_.config().secure_cookies));
            return response;
        });
}

void AccountPages::werkplaats_choice(const VisitPtr& visit, const Access& access) {
    auto& queries = site_.store().read();
    data choices(data::type::list);
    for (const auto& membership : app::active_memberships(queries, access.user.id)) {
        const auto werkplaats = queries.werkplaats(membership.werkplaats_id);
        if (!werkplaats) continue;
        data choice(data::type::object);
        choice.set("id", std::to_string(werkplaats->id));
        choice.set("name", werkplaats->name);
        choice.set("role", role_text(*visit, membership.role));
        choice.set("current", access.werkplaats && access.werkplaats->id == werkplaats->id);
        choices.push_back(choice);
    }
    data values(data::type::object);
    values.set("choices", choices);
    site_.finish(visit, site_.page(visit, "werkplaats_choice", values,
                                   visit->text("werkplaats_choice.title")));
}

void AccountPages::werkplaats_submit(const VisitPtr& visit, const Access& access) {
    const auto chosen = text::parse_integer(visit->form.get("werkplaats"), 1, INT64_MAX);
    const auto membership =
        chosen ? site_.store().read().membership(access.user.id, *chosen) : std::nullopt;
    if (!membership || membership->disabled)
        return site_.respond_error(visit, 404, "error.not_found");
    site_.write(
        visit,
        [token_hash = visit->session_token_hash, id = *chosen](app::Transaction& tx) {
            tx.set_session_werkplaats(token_hash, id);
        },
        [this]() { return site_.redirect("/beheer"); });
}

void AccountPages::password_form(const VisitPtr& visit, const Access&) {
    site_.finish(visit, site_.page(visit, "password", data(data::type::object),
                                   visit->text("password.title")));
}

void AccountPages::password_submit(const VisitPtr& visit, const Access& access) {
    const FormData& form = visit->form;
    FieldErrors errors;
    // Changing the password asks for the current one again, so a browser left open
    // cannot be used to take the account over.
    if (!app::security::verify_password(access.user.password_hash, form.get("current_password"))) {
        errors.push_back({"current_password", "error.password_wrong"});
    }
    const std::string password = form.get("password");
    for (auto& error : app::validate_password(password)) errors.push_back(std::move(error));
    if (errors.empty() && password != form.get("password_again")) {
        errors.push_back({"password_again", "error.password_mismatch"});
    }
    if (!errors.empty()) {
        data values(data::type::object);
        set_field_errors(values, errors, *visit->texts);
        return site_.finish(
            visit, site_.page(visit, "password", values, visit->text("password.title"), 422));
    }
    const std::string hash = app::security::hash_password(password);
    const auto werkplaats_id =
        access.werkplaats ? std::optional<std::int64_t>(access.werkplaats->id) : std::nullopt;
    start_session(visit, access.user.id, werkplaats_id, "/beheer?opgeslagen=wachtwoord",
                  [user_id = access.user.id, hash](app::Transaction& tx) {
                      app::set_password(tx, user_id, hash);
                  });
}

Response AccountPages::link_page(const VisitPtr& visit, const app::LinkPreview& preview,
                                 const FieldErrors& errors) {
    data values(data::type::object);
    values.set("code", visit->params.get("code"));
    values.set("werkplaats", preview.werkplaats_name);
    values.set("email", preview.link.email);
    values.set("value_name", preview.link.name);
    values.set("role", role_text(*visit, preview.link.role));
    const bool is_reset = preview.link.kind == app::AccountLinkKind::reset;
    values.set("is_reset", is_reset);
    values.set("joins_existing", !is_reset && preview.existing_user.has_value());
    values.set("is_new", !is_reset && !preview.existing_user);
    set_field_errors(values, errors, *visit->texts);
    const std::string title = visit->text(is_reset ? "welcome.reset_title" : "welcome.title");
    return site_.page(visit, "account_link", values, title, errors.empty() ? 200 : 422);
}

void AccountPages::link_form(const VisitPtr& visit) {
    const auto preview =
        app::preview_link(site_.store().read(), visit->params.get("code"), site_.now());
    if (!preview) return site_.respond_error(visit, 404, "error.link_used_or_expired");
    site_.finish(visit, link_page(visit, *preview, {}));
}

void AccountPages::link_submit(const VisitPtr& visit) {
    const std::string code = visit->params.get("code");
    const auto preview = app::preview_link(site_.store().read(), code, site_.now());
    if (!preview) return site_.respond_error(visit, 404, "error.link_used_or_expired");
    const FormData& form = visit->form;
    const bool joins_existing =
        preview->link.kind == app::AccountLinkKind::invite && preview->existing_user;
    FieldErrors errors;
    std::string hash;
    if (joins_existing) {
        // The account exists: its owner proves it is them with the password they have.
        if (!app::security::verify_password(preview->existing_user->password_hash,
                                            form.get("password"))) {
            errors.push_back({"password", "error.password_wrong"});
        }
    } else {
        errors = app::validate_password(form.get("password"));
        if (errors.empty() && form.get("password") != form.get("password_again")) {
            errors.push_back({"password_again", "error.password_mismatch"});
        }
        if (errors.empty()) hash = app::security::hash_password(form.get("password"));
    }
    if (!errors.empty()) return site_.finish(visit, link_page(visit, *preview, errors));
    // The account may be made by this very write, so the session learns its person there.
    const NewSession session = new_session(visit, 0, preview->link.werkplaats_id);
    site_.write(
        visit,
        [code, name = form.get("name"), hash, now = site_.now(),
         record = session.record](app::Transaction& tx) {
            auto outcome = app::accept_link(tx, code, name, hash, now);
            if (outcome.result == app::AccountResult::done) {
                auto own = record;
                own.user_id = outcome.user_id;
                tx.insert_session(own);
            }
            return outcome;
        },
        [this, visit, token = session.token,
         preview = *preview](const app::AcceptOutcome& outcome) {
            if (outcome.result == app::AccountResult::invalid) {
                return link_page(visit, preview, outcome.errors);
            }
            if (outcome.result != app::AccountResult::done) {
                return site_.error_page(visit, 404, "error.link_used_or_expired");
            }
            return signed_in_redirect("/beheer?welkom=1", token);
        });
}

Response AccountPages::accounts_view(const VisitPtr& visit, const Access& access,
                                     const FieldErrors& errors, const std::string& shown_link,
                                     const std::string& shown_token) {
    auto& queries = site_.store().read();
    const time::Timestamp now = site_.now();
    data members(data::type::list);
    std::map<std::int64_t, std::string> names;
    for (const auto& member : queries.members(access.werkplaats_id())) {
        names[member.user.id] = member.user.name;
        data item(data::type::object);
        item.set("id", std::to_string(member.user.id));
        item.set("name", member.user.name);
        item.set("email", member.user.email);
        item.set("role", role_text(*visit, member.membership.role));
        item.set("roles", role_options(*visit, member.membership.role, Role::admin));
        item.set("disabled", member.membership.disabled);
        item.set("is_self", member.user.id == access.user.id);
        members.push_back(item);
    }
    data links(data::type::list);
    for (const auto& link : queries.open_account_links(access.werkplaats_id(), now)) {
        data item(data::type::object);
        item.set("email", link.email);
        item.set("kind",
                 visit->text(link.kind == app::AccountLinkKind::reset ? "accounts.kind_reset"
                                                                      : "accounts.kind_invite"));
        item.set("role", role_text(*visit, link.role));
        item.set("expires", long_date(link.expires_at, *visit->texts));
        links.push_back(item);
    }
    data tokens(data::type::list);
    for (const auto& token : queries.api_tokens(access.werkplaats_id())) {
        data item(data::type::object);
        item.set("id", std::to_string(token.id));
        item.set("name", token.name);
        item.set("owner", names.count(token.user_id) ? names[token.user_id] : std::string());
        item.set("role", role_text(*visit, token.role));
        item.set("expires", long_date(token.expires_at, *visit->texts));
        item.set("last_used", date_text(*visit, token.last_used_at));
        item.set("is_active", !token.revoked_at && token.expires_at > now);
        item.set("state", visit->text(token.revoked_at          ? "accounts.token_revoked"
                                      : token.expires_at <= now ? "accounts.token_expired"
                                                                : "accounts.token_active"));
        tokens.push_back(item);
    }
    data values(data::type::object);
    values.set("members", members);
    values.set("links", links);
    values.set("has_links", !links.is_empty_list());
    values.set("tokens", tokens);
    values.set("has_tokens", !tokens.is_empty_list());
    // A form sent back with a mistake keeps the role that was chosen.
    values.set(
        "invite_roles",
        role_options(*visit, app::role_from_slug(visit->form.get("role")).value_or(Role::host),
                     Role::admin));
    values.set(
        "token_roles",
        role_options(*visit,
                     app::role_from_slug(visit->form.get("token_role")).value_or(Role::organiser),
                     access.role()));
    values.set("token_days", visit->form.has("token_days")
                                 ? visit->form.get("token_days")
                                 : std::to_string(app::AccountLimits::default_token_days));
    values.set("max_token_days", std::to_string(app::AccountLimits::max_token_days));
    values.set("value_email", visit->form.get("email"));
    values.set("value_name", visit->form.get("name"));
    values.set("value_token_name", visit->form.get("token_name"));
    set_if_present(values, "shown_link", shown_link);
    set_if_present(values, "shown_token", shown_token);
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "accounts", values, visit->text("accounts.title"),
                      errors.empty() ? 200 : 422);
}

void AccountPages::accounts_page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, accounts_view(visit, access, {}, "", ""));
}

void AccountPages::invite_submit(const VisitPtr& visit, const Access& access) {
    const auto role = app::role_from_slug(visit->form.get("role"));
    if (!role) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [this, actor = access.actor(), email = visit->form.get("email"),
         name = visit->form.get("name"), role = *role, now = site_.now(),
         links = site_.site_url(*visit) + "/welkom/"](app::Transaction& tx) {
            auto outcome = app::invite_member(tx, actor, email, name, role, now);
            // The invitation goes out by mail too; the organiser still sees the link, to
            // pass it on another way when the mail does not arrive.
            if (outcome.result == app::AccountResult::done) {
                app::queue_mail(
                    tx, mail_.invite(tx, actor.werkplaats_id, email, name, links + outcome.token),
                    now);
            }
            return outcome;
        },
        [this, visit, &access](const app::LinkOutcome& outcome) {
            if (outcome.result != app::AccountResult::done) {
                return accounts_view(visit, access, outcome.errors, "", "");
            }
            return accounts_view(visit, access, {}, link_url(*visit, outcome.token), "");
        });
}

void AccountPages::membership_submit(const VisitPtr& visit, const Access& access) {
    const auto role = app::role_from_slug(visit->form.get("role"));
    if (!role) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [actor = access.actor(), user_id = access.member().user.id, role = *role,
         disabled = visit->form.get("disabled") == "ja"](app::Transaction& tx) {
            return app::change_membership(tx, actor, user_id, role, disabled);
        },
        [this, visit, &access](app::AccountResult result) {
            if (result == app::AccountResult::not_allowed) {
                return accounts_view(visit, access, {{"role", "error.last_admin"}}, "", "");
            }
            return site_.redirect("/beheer/accounts#leden");
        });
}

void AccountPages::reset_submit(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [actor = access.actor(), user_id = access.member().user.id, now = site_.now()](
            app::Transaction& tx) { return app::create_reset_link(tx, actor, user_id, now); },
        [this, visit, &access](const app::LinkOutcome& outcome) {
            if (outcome.result != app::AccountResult::done) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            return accounts_view(visit, access, {}, link_url(*visit, outcome.token), "");
        });
}

void AccountPages::token_submit(const VisitPtr& visit, const Access& access) {
    const auto role = app::role_from_slug(visit->form.get("token_role"));
    const auto days = text::parse_integer(visit->form.get("token_days"), 0, 100000);
    if (!role) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [actor = access.actor(), name = visit->form.get("token_name"), role = *role,
         days = static_cast<int>(days.value_or(0)), now = site_.now()](app::Transaction& tx) {
            return app::create_api_token(tx, actor, name, role, days, now);
        },
        [this, visit, &access](const app::TokenOutcome& outcome) {
            if (outcome.result != app::AccountResult::done) {
                FieldErrors errors;
                for (const auto& error : outcome.errors) {
                    errors.push_back({"token_" + error.field, error.message_key, error.limit});
                }
                return accounts_view(visit, access, errors, "", "");
            }
            return accounts_view(visit, access, {}, "", outcome.token);
        });
}

void AccountPages::revoke_submit(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [actor = access.actor(), token_id = access.token().id, now = site_.now()](
            app::Transaction& tx) { return app::revoke_api_token(tx, actor, token_id, now); },
        [this](app::AccountResult) { return site_.redirect("/beheer/accounts#tokens"); });
}

}  // namespace

std::unique_ptr<Component> make_account_pages(Site& site) {
    return std::make_unique<AccountPages>(site);
}

}  // namespace kc::web
