// The OAI-PMH endpoint of a Werkplaats's public site (/oai, or /w/{slug}/oai): harvesters
// such as the national knowledge bank of the universities of applied sciences collect the
// library's publications from it as Dublin Core. The protocol itself is in
// src/domain/oai_pmh.hpp, the reading of the store in src/app/oai.hpp.
#include "app/oai.hpp"
#include "app/privacy.hpp"
#include "web/components.hpp"
#include "web/form_data.hpp"

namespace kc::web {

namespace {

namespace oai = domain::oai;

// A harvester sends a handful of arguments; more is not a harvester.
constexpr std::size_t max_arguments = 10;

class OaiEndpoint final : public Component {
  public:
    explicit OaiEndpoint(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/oai", bind_handler(this, &OaiEndpoint::answer));
        // The protocol allows the same request as a form; it reads only, so it needs no CSRF
        // token, which no harvester has.
        routes.open_reads_only("POST", "/oai", bind_handler(this, &OaiEndpoint::answer));
    }

  private:
    void answer(const VisitPtr& visit);
    std::optional<oai::Error> read_arguments(const Visit& visit, oai::Arguments& arguments) const;
    app::OaiRepository repository_of(const Visit& visit);

    Site& site_;
};

std::optional<oai::Error> OaiEndpoint::read_arguments(const Visit& visit,
                                                      oai::Arguments& arguments) const {
    const bool post = visit.request.method == "POST";
    if (post && !visit.request.header("content-type")
                     .value_or("")
                     .starts_with("application/x-www-form-urlencoded")) {
        return oai::Error{oai::ErrorCode::bad_argument, "oai.form_type", {}};
    }
    const auto form = FormData::parse(post ? visit.request.body : visit.request.query);
    if (!form) return oai::Error{oai::ErrorCode::bad_argument, "oai.bad_encoding", {}};
    if (form->fields().size() > max_arguments) {
        return oai::Error{oai::ErrorCode::bad_argument, "oai.too_many_arguments", {}};
    }
    arguments = form->fields();
    return std::nullopt;
}

app::OaiRepository OaiEndpoint::repository_of(const Visit& visit) {
    const auto& werkplaats = *visit.site;
    app::OaiRepository repository;
    repository.werkplaats_id = werkplaats.id;
    repository.site_url = site_.site_url(visit);
    repository.repository.name = werkplaats.name;
    repository.repository.base_url = repository.site_url + "/oai";
    // Identifiers stay the same however the site is reached (its own host or /w/{slug}).
    repository.repository.host =
        werkplaats.host_name.empty() ? site_.public_host() : werkplaats.host_name;
    repository.repository.admin_email =
        app::privacy_settings(site_.store().read(), werkplaats.id).contact_email;
    return repository;
}

void OaiEndpoint::answer(const VisitPtr& visit) {
    if (!visit->site) return site_.respond_error(visit, 404, "error.not_found");
    const auto repository = repository_of(*visit);
    const auto describe = [&visit](const oai::Error& error) {
        const std::string text = visit->text(error.message_key);
        return error.argument.empty() ? text : error.argument + ": " + text;
    };
    Response response;
    response.content_type = "text/xml; charset=utf-8";
    oai::Arguments arguments;
    if (const auto refused = read_arguments(*visit, arguments)) {
        response.body = oai::error_response(repository.repository, {},
                                            {{refused->code, describe(*refused)}}, site_.now());
    } else {
        response.body =
            app::answer_oai(site_.store().read(), repository, arguments, site_.now(), describe);
    }
    site_.finish(visit, std::move(response));
}

}  // namespace

std::unique_ptr<Component> make_oai_endpoint(Site& site) {
    return std::make_unique<OaiEndpoint>(site);
}

}  // namespace kc::web
