// The AVG in the web interface: a participant sees, downloads and erases what is stored
// about them and gives or withdraws consent from their personal link; organisers answer
// the same requests by e-mail address and see what the retention period will erase and
// when; admins set the privacy settings and read the audit log; every Werkplaats's public
// site has a privacy page generated from its settings.
#include <boost/json.hpp>

#include "app/privacy.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/mail/mail_messages.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;
namespace json = boost::json;

std::string consent_text(const Visit& visit, app::ConsentKind kind) {
    return visit.text("privacy.consent_" + std::string(app::to_slug(kind)));
}

bool consent_given(const domain::Registration& registration, app::ConsentKind kind) {
    return kind == app::ConsentKind::photos ? registration.form.consent_photos
                                            : registration.form.consent_contact;
}

// Everything stored about a person, as the download gives it: every field, in plain
// names, so a person can read it and another service can import it.
std::string personal_data_json(const app::PersonalData& person) {
    json::array registrations;
    for (const auto& item : person.registrations) {
        const auto& r = item.registration;
        json::array route;
        for (const auto& step : item.world_cafe_route) {
            route.push_back({{"round", step.round}, {"table", step.table}});
        }
        json::array consents;
        for (const auto& consent : item.consents) {
            consents.push_back(
                {{"kind", app::to_slug(consent.kind)},
                 {"given", consent.given},
                 {"text_version", consent.text_version},
                 {"recorded_at", time::format_iso8601_amsterdam(consent.recorded_at)}});
        }
        json::object entry{
            {"event", item.event_title},
            {"event_starts_at", time::format_iso8601_amsterdam(item.event_starts_at)},
            {"name", r.form.name},
            {"email", r.form.email},
            {"group", item.group_name},
            {"organisation", r.form.organisation},
            {"dietary", r.form.dietary},
            {"accessibility", r.form.accessibility},
            {"consent_photos", r.form.consent_photos},
            {"consent_contact", r.form.consent_contact},
            {"status", domain::to_slug(r.status)},
            {"attendance", domain::to_slug(r.attendance)},
            {"walk_in", r.walk_in},
            {"stays_seated", r.stays_seated},
            {"registered_at", time::format_iso8601_amsterdam(r.created_at)},
            {"erased_after", time::format_iso8601_amsterdam(item.erase_at)},
            {"world_cafe_route", std::move(route)},
            {"consents", std::move(consents)}};
        if (r.checked_in_at) {
            entry["checked_in_at"] = time::format_iso8601_amsterdam(*r.checked_in_at);
        }
        registrations.push_back(std::move(entry));
    }
    json::array werkteams;
    for (const auto& membership : person.werkteams) {
        const auto& m = membership.member;
        werkteams.push_back({{"werkteam", membership.werkteam_name},
                             {"name", m.name},
                             {"email", m.email},
                             {"organisation", m.organisation},
                             {"role", domain::to_slug(m.role)},
                             {"name_public", m.name_public}});
    }
    return json::serialize(json::object{{"werkplaats", person.werkplaats.name},
                                        {"controller", person.controller_name},
                                        {"contact_email", person.contact_email},
                                        {"registrations", std::move(registrations)},
                                        {"werkteams", std::move(werkteams)}});
}

// The readable version of the same, for the personal page and the organiser's.
data personal_data_view(const Visit& visit, const app::PersonalData& person) {
    data registrations(data::type::list);
    for (const auto& item : person.registrations) {
        const auto& r = item.registration;
        data entry(data::type::object);
        entry.set("event", item.event_title);
        entry.set("date", long_date(item.event_starts_at, *visit.texts));
        entry.set("name", r.form.name);
        set_if_present(entry, "email", r.form.email);
        entry.set("group", item.group_name);
        set_if_present(entry, "organisation", r.form.organisation);
        set_if_present(entry, "dietary", r.form.dietary);
        set_if_present(entry, "accessibility", r.form.accessibility);
        entry.set("status",
                  visit.text("personal_data.status_" + std::string(domain::to_slug(r.status))));
        entry.set("attended", r.attendance == domain::Attendance::checked_in);
        entry.set("erase_at", long_date(item.erase_at, *visit.texts));
        data route(data::type::list);
        for (const auto& step : item.world_cafe_route) {
            route.push_back(data("text", visit.text("cafe.round") + " " +
                                             std::to_string(step.round) + ": " +
                                             visit.text("cafe.table") + " " + step.table));
        }
        entry.set("route", route);
        entry.set("has_route", !item.world_cafe_route.empty());
        data consents(data::type::list);
        for (const auto kind : {app::ConsentKind::photos, app::ConsentKind::contact}) {
            data consent(data::type::object);
            consent.set("kind", std::string(app::to_slug(kind)));
            consent.set("label", consent_text(visit, kind));
            consent.set("given", consent_given(r, kind));
            consents.push_back(consent);
        }
        entry.set("consents", consents);
        data history(data::type::list);
        for (const auto& record : item.consents) {
            history.push_back(
                data("text", long_date(record.recorded_at, *visit.texts) + ": " +
                                 consent_text(visit, record.kind) + " – " +
                                 visit.text(record.given ? "privacy.consent_given"
                                                         : "privacy.consent_withdrawn") +
                                 " (" + visit.text("personal_data.text_version") + " " +
                                 record.text_version + ")"));
        }
        entry.set("consent_history", history);
        entry.set("has_consent_history", !item.consents.empty());
        registrations.push_back(entry);
    }
    data werkteams(data::type::list);
    for (const auto& membership : person.werkteams) {
        const auto& m = membership.member;
        data entry(data::type::object);
        entry.set("werkteam", membership.werkteam_name);
        entry.set("name", m.name);
        set_if_present(entry, "organisation", m.organisation);
        entry.set("role", visit.text("werkteams.role." + std::string(domain::to_slug(m.role))));
        entry.set("name_public", m.name_public);
        werkteams.push_back(entry);
    }
    data values(data::type::object);
    values.set("registrations", registrations);
    values.set("has_registrations", !person.registrations.empty());
    values.set("werkteams", werkteams);
    values.set("has_werkteams", !person.werkteams.empty());
    values.set("has_data", !person.registrations.empty() || !person.werkteams.empty());
    values.set("werkplaats", person.werkplaats.name);
    values.set("controller", person.controller_name);
    values.set("contact_email", person.contact_email);
    return values;
}

Response json_download(std::string body, const std::string& filename) {
    Response response = json_text_response(200, std::move(body));
    response.add_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return response;
}

class PrivacyPages final : public Component {
  public:
    explicit PrivacyPages(Site& site) : site_(site), mail_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/privacy", bind_handler(this, &PrivacyPages::privacy_statement));
        routes.open("GET", "/aanmelding/{token}/gegevens",
                    bind_handler(this, &PrivacyPages::own_data));
        routes.open("GET", "/aanmelding/{token}/gegevens.json",
                    bind_handler(this, &PrivacyPages::own_data_json));
        routes.open("POST", "/aanmelding/{token}/toestemming",
                    bind_handler(this, &PrivacyPages::consent_submit));
        routes.open("POST", "/aanmelding/{token}/wissen",
                    bind_handler(this, &PrivacyPages::own_erase_submit));
        routes.members("GET", "/beheer/privacy", Role::organiser,
                       bind_handler(this, &PrivacyPages::overview));
        routes.members("POST", "/beheer/privacy", Role::admin,
                       bind_handler(this, &PrivacyPages::settings_submit));
        routes.members("GET", "/beheer/privacy/persoon", Role::organiser,
                       bind_handler(this, &PrivacyPages::person));
        routes.members("GET", "/beheer/privacy/persoon.json", Role::organiser,
                       bind_handler(this, &PrivacyPages::person_json));
        routes.members("POST", "/beheer/privacy/wissen", Role::organiser,
                       bind_handler(this, &PrivacyPages::person_erase_submit));
        routes.members("GET", "/beheer/privacy/logboek", Role::admin,
                       bind_handler(this, &PrivacyPages::audit_log));
    }

  private:
    void privacy_statement(const VisitPtr& visit);
    void own_data(const VisitPtr& visit);
    void own_data_json(const VisitPtr& visit);
    void consent_submit(const VisitPtr& visit);
    void own_erase_submit(const VisitPtr& visit);
    void overview(const VisitPtr& visit, const Access& access);
    void settings_submit(const VisitPtr& visit, const Access& access);
    void person(const VisitPtr& visit, const Access& access);
    void person_json(const VisitPtr& visit, const Access& access);
    void person_erase_submit(const VisitPtr& visit, const Access& access);
    void audit_log(const VisitPtr& visit, const Access& access);

    Response person_page(const VisitPtr& visit, const app::PersonalData& person,
                         const std::string& email, const FieldErrors& errors);
    Response overview_page(const VisitPtr& visit, const Access& access,
                           const app::PrivacySettingsForm& form, const FieldErrors& errors);
    // The personal data behind a personal link. A link reaches only its own registration
    // while nobody confirms e-mail addresses (see app::Reach).
    std::optional<app::PersonalData> own(const Visit& visit) {
        return app::personal_data_by_token(site_.store().read(), visit.params.get("token"),
                                           app::Reach::this_registration);
    }
    // The audit record of an organiser handling a person's data; it counts their
    // registrations and names nobody.
    app::Store::WriteJob audit_job(const Access& access, app::AuditAction action,
                                   const app::PersonalData& person) const {
        return [werkplaats_id = access.werkplaats_id(), actor = access.audit_actor(), action,
                found = person.registrations.size(), now = site_.now()](app::Transaction& tx) {
            app::record_audit(tx, werkplaats_id, actor, action, std::nullopt, std::nullopt,
                              std::to_string(found) + " aanmelding(en)", now);
        };
    }
    std::string email_in_query(const Visit& visit) const {
        return text::trim(FormData::parse(visit.request.query).value_or(FormData{}).get("email"));
    }

    Site& site_;
    MailWriter mail_;
};

void PrivacyPages::privacy_statement(const VisitPtr& visit) {
    if (!visit->site) return site_.respond_error(visit, 404, "error.not_found");
    const auto settings = app::privacy_settings(site_.store().read(), visit->site->id);
    data values(data::type::object);
    values.set("werkplaats", visit->site->name);
    values.set("controller",
               settings.controller_name.empty() ? visit->site->name : settings.controller_name);
    set_if_present(values, "contact_email", settings.contact_email);
    set_if_present(values, "contact_address", settings.contact_address);
    values.set("retention", visit->text("privacy_page.retention", settings.retention.months));
    values.set("threshold",
               visit->text("privacy_page.small_numbers", settings.small_numbers.threshold));
    site_.finish(visit, site_.page(visit, "privacy_statement", values,
                                   visit->text("privacy_page.title"), 200, Forms::none));
}

void PrivacyPages::own_data(const VisitPtr& visit) {
    const auto person = own(*visit);
    if (!person) return site_.respond_error(visit, 404, "error.unknown_registration_link");
    data values = personal_data_view(*visit, *person);
    values.set("token", visit->params.get("token"));
    site_.finish(visit,
                 site_.page(visit, "personal_data", values, visit->text("personal_data.title")));
}

void PrivacyPages::own_data_json(const VisitPtr& visit) {
    const auto person = own(*visit);
    if (!person) return site_.respond_error(visit, 404, "error.unknown_registration_link");
    site_.finish(visit, json_download(personal_data_json(*person), "mijn-gegevens.json"));
}

void PrivacyPages::consent_submit(const VisitPtr& visit) {
    const auto kind = app::consent_kind_from_slug(visit->form.get("kind"));
    if (!kind) return site_.respond_error(visit, 400, "error.bad_form");
    const bool give = visit->form.get("given") == "ja";
    const std::string token = visit->params.get("token");
    site_.write(
        visit,
        [token, kind = *kind, give, now = site_.now()](app::Transaction& tx) {
            return give ? app::give_consent(tx, token, kind, now)
                        : app::withdraw_consent(tx, token, kind, now);
        },
        [this, visit, token](app::ConsentResult result) {
            if (result == app::ConsentResult::not_found) {
                return site_.error_page(visit, 404, "error.unknown_registration_link");
            }
            return site_.redirect("/aanmelding/" + token + "/gegevens#toestemming");
        });
}

void PrivacyPages::own_erase_submit(const VisitPtr& visit) {
    if (visit->form.get("bevestig") != "ja") {
        const auto person = own(*visit);
        if (!person) return site_.respond_error(visit, 404, "error.unknown_registration_link");
        data values = personal_data_view(*visit, *person);
        values.set("token", visit->params.get("token"));
        set_field_errors(values, {{"bevestig", "personal_data.confirm_needed"}}, *visit->texts);
        return site_.finish(visit, site_.page(visit, "personal_data", values,
                                              visit->text("personal_data.title"), 422));
    }
    site_.write(
        visit,
        [this, token = visit->params.get("token"), now = site_.now()](app::Transaction& tx) {
            auto outcome = app::erase_by_token(tx, token, app::Reach::this_registration, now);
            queue_promotion_mails(tx, mail_, outcome.promoted_ids, now);
            return outcome;
        },
        [this, visit](const app::ErasureOutcome& outcome) {
            if (outcome.result != app::ErasureResult::erased) {
                return site_.error_page(visit, 404, "error.unknown_registration_link");
            }
            data values(data::type::object);
            values.set("message", visit->text("personal_data.erased"));
            return site_.page(visit, "notice", values, visit->text("personal_data.erased_title"));
        });
}

Response PrivacyPages::overview_page(const VisitPtr& visit, const Access& access,
                                     const app::PrivacySettingsForm& form,
                                     const FieldErrors& errors) {
    const auto overview =
        app::retention_overview(site_.store().read(), *access.werkplaats, site_.now());
    data events(data::type::list);
    for (const auto& item : overview.events) {
        data row(data::type::object);
        row.set("title", item.title);
        row.set("date", long_date(item.event_starts_at, *visit->texts));
        row.set("erase_at", long_date(item.erase_at, *visit->texts));
        row.set("registrations", std::to_string(item.registrations));
        row.set("due", item.due);
        events.push_back(row);
    }
    data values(data::type::object);
    values.set("events", events);
    values.set("has_events", !overview.events.empty());
    values.set("due_text", visit->text("privacy_admin.due", overview.due_registrations));
    values.set("is_admin", access.has_role(Role::admin));
    values.set("value_retention_months", form.retention_months);
    values.set("value_audit_retention_months", form.audit_retention_months);
    values.set("value_small_number_threshold", form.small_number_threshold);
    values.set("value_controller_name", form.controller_name);
    values.set("value_contact_email", form.contact_email);
    values.set("value_contact_address", form.contact_address);
    values.set("saved",
               FormData::parse(visit->request.query).value_or(FormData{}).has("opgeslagen"));
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "privacy_admin", values, visit->text("privacy_admin.title"),
                      errors.empty() ? 200 : 422);
}

void PrivacyPages::overview(const VisitPtr& visit, const Access& access) {
    const auto settings = app::privacy_settings(site_.store().read(), access.werkplaats_id());
    site_.finish(visit, overview_page(visit, access, app::settings_form(settings), {}));
}

void PrivacyPages::settings_submit(const VisitPtr& visit, const Access& access) {
    const FormData& form = visit->form;
    app::PrivacySettingsForm settings{
        form.get("retention_months"),       form.get("audit_retention_months"),
        form.get("small_number_threshold"), form.get("controller_name"),
        form.get("contact_email"),          form.get("contact_address")};
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), settings, actor = access.audit_actor(),
         now = site_.now()](app::Transaction& tx) {
            return app::save_privacy_settings(tx, werkplaats_id, settings, actor, now);
        },
        [this, visit, &access, settings](const app::PrivacySettingsOutcome& outcome) {
            if (outcome.result != app::PrivacyResult::done) {
                return overview_page(visit, access, settings, outcome.errors);
            }
            return site_.redirect("/beheer/privacy?opgeslagen=1#instellingen");
        });
}

Response PrivacyPages::person_page(const VisitPtr& visit, const app::PersonalData& person,
                                   const std::string& email, const FieldErrors& errors) {
    data values = personal_data_view(*visit, person);
    values.set("email", email);
    values.set("email_query", percent_encode(email));
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "privacy_person", values, visit->text("privacy_admin.person_title"),
                      errors.empty() ? 200 : 422);
}

void PrivacyPages::person(const VisitPtr& visit, const Access& access) {
    const std::string email = email_in_query(*visit);
    auto person = std::make_shared<app::PersonalData>(
        app::personal_data_by_email(site_.store().read(), access.werkplaats_id(), email));
    // Looking someone up is itself recorded, found or not; the log names no participant.
    site_.write(visit, audit_job(access, app::AuditAction::viewed_personal_data, *person),
                [this, visit, person, email]() { return person_page(visit, *person, email, {}); });
}

void PrivacyPages::person_json(const VisitPtr& visit, const Access& access) {
    auto person = std::make_shared<app::PersonalData>(app::personal_data_by_email(
        site_.store().read(), access.werkplaats_id(), email_in_query(*visit)));
    site_.write(visit, audit_job(access, app::AuditAction::exported, *person),
                [person]() { return json_download(personal_data_json(*person), "gegevens.json"); });
}

void PrivacyPages::person_erase_submit(const VisitPtr& visit, const Access& access) {
    const std::string email = text::trim(visit->form.get("email"));
    if (visit->form.get("bevestig") != "ja") {
        return site_.finish(visit,
                            person_page(visit,
                                        app::personal_data_by_email(site_.store().read(),
                                                                    access.werkplaats_id(), email),
                                        email, {{"bevestig", "personal_data.confirm_needed"}}));
    }
    site_.write(
        visit,
        [this, werkplaats_id = access.werkplaats_id(), email, actor = access.audit_actor(),
         now = site_.now()](app::Transaction& tx) {
            auto outcome = app::erase_by_email(tx, werkplaats_id, email, actor, now);
            queue_promotion_mails(tx, mail_, outcome.promoted_ids, now);
            return outcome;
        },
        [this, visit](const app::ErasureOutcome& outcome) {
            data values(data::type::object);
            std::string message = visit->text("privacy_admin.nothing_to_erase");
            if (outcome.result == app::ErasureResult::erased) {
                message = visit->text("privacy_admin.erased", outcome.registrations);
                if (outcome.werkteam_memberships > 0) {
                    message += " " + visit->text("privacy_admin.erased_werkteams",
                                                 outcome.werkteam_memberships);
                }
            }
            values.set("message", message);
            return site_.page(visit, "notice", values, visit->text("privacy_admin.title"));
        });
}

void PrivacyPages::audit_log(const VisitPtr& visit, const Access& access) {
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    std::optional<std::int64_t> before;
    if (const auto value = text::parse_integer(query.get("voor"), 1, INT64_MAX)) before = *value;
    const auto page = app::audit_log(site_.store().read(), access.werkplaats_id(), before);
    data entries(data::type::list);
    for (const auto& entry : page.entries) {
        data row(data::type::object);
        row.set("when", long_date(entry.at, *visit->texts) + " " +
                            time::format_iso8601_amsterdam(entry.at).substr(11, 5));
        switch (entry.actor.kind) {
            case app::ActorKind::participant:
                row.set("who", visit->text("privacy.actor_participant"));
                break;
            case app::ActorKind::system:
                row.set("who", visit->text("privacy.actor_system"));
                break;
            case app::ActorKind::api_token:
                row.set("who", entry.actor.name + " (" + visit->text("audit.token") + ")");
                break;
            case app::ActorKind::account:
                row.set("who", entry.actor.name);
                break;
        }
        row.set("what", visit->text("privacy.audit_" + std::string(app::to_slug(entry.action))));
        set_if_present(row, "detail", entry.detail);
        if (entry.event_id) row.set("event", std::to_string(*entry.event_id));
        entries.push_back(row);
    }
    data values(data::type::object);
    values.set("entries", entries);
    values.set("has_entries", !page.entries.empty());
    if (page.next_before) values.set("next", std::to_string(*page.next_before));
    site_.finish(visit, site_.page(visit, "audit_log", values, visit->text("audit.title"), 200,
                                   Forms::none));
}

}  // namespace

std::unique_ptr<Component> make_privacy_pages(Site& site) {
    return std::make_unique<PrivacyPages>(site);
}

}  // namespace kc::web
