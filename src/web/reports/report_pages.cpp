// A café's report and the magazine. Organisers write the report's introduction and account on
// /beheer/events/{id}/verslag, look at it (page and PDF) before anyone else can, and publish
// it; from then on /events/{id}/verslag shows it to everyone, with its PDF beside it. On
// /beheer/magazine they download the magazine of a period as PDF or HTML.
#include "app/reports.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "reports/report_html.hpp"
#include "reports/report_pdf.hpp"
#include "web/background_worker.hpp"
#include "web/components.hpp"
#include "web/reports/report_sources.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

std::string editor_path(std::int64_t event_id) {
    return "/beheer/events/" + std::to_string(event_id) + "/verslag";
}

// The name a downloaded file gets: the café's title in plain letters.
std::string file_name(const std::string& title, const std::string& extension) {
    std::string name = text::slugify(title);
    return (name.empty() ? "verslag" : name) + "." + extension;
}

Response download(std::string body, const std::string& content_type, const std::string& name) {
    Response response;
    response.content_type = content_type;
    response.body = std::move(body);
    response.add_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return response;
}

// What the magazine form sends, and shows again when it is refused.
struct MagazineForm {
    app::MagazinePeriod period;
    std::string format = "pdf";
    std::string foreword;
};

class ReportPages final : public Component {
  public:
    explicit ReportPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/events/{id}/verslag", bind_handler(this, &ReportPages::public_page));
        routes.open("GET", "/events/{id}/verslag.pdf",
                    bind_handler(this, &ReportPages::public_pdf));
        const std::string editor = "/beheer/events/{id}/verslag";
        routes.members("GET", editor, Role::organiser, bind_handler(this, &ReportPages::editor));
        routes.members("POST", editor, Role::organiser, bind_handler(this, &ReportPages::save));
        routes.members("POST", editor + "/publiceren", Role::organiser,
                       bind_handler(this, &ReportPages::publish));
        routes.members("GET", editor + ".pdf", Role::organiser,
                       bind_handler(this, &ReportPages::draft_pdf));
        routes.members("GET", "/beheer/magazine", Role::organiser,
                       bind_handler(this, &ReportPages::magazine_page));
        routes.members("POST", "/beheer/magazine", Role::organiser,
                       bind_handler(this, &ReportPages::magazine_download));
    }

  private:
    void public_page(const VisitPtr& visit);
    void public_pdf(const VisitPtr& visit);
    void editor(const VisitPtr& visit, const Access& access);
    void save(const VisitPtr& visit, const Access& access);
    void publish(const VisitPtr& visit, const Access& access);
    void draft_pdf(const VisitPtr& visit, const Access& access);
    void magazine_page(const VisitPtr& visit, const Access& access);
    void magazine_download(const VisitPtr& visit, const Access& access);

    // The café of the path when its report is public, else nothing.
    std::optional<domain::Event> public_report_event(const Visit& visit);
    // The report of a café as the model, its texts replaced by `texts` when given (a preview).
    std::optional<kc::reports::Report> report_of(const Visit& visit, const domain::Event& event,
                                                 const std::optional<app::ReportForm>& texts);
    Response editor_response(const VisitPtr& visit, const Access& access,
                             const app::ReportForm& form, const FieldErrors& errors, bool preview);
    Response magazine_response(const VisitPtr& visit, const MagazineForm& form,
                               const FieldErrors& errors);
    // The texts the café's report has stored, as its form shows them.
    app::ReportForm stored_form(std::int64_t event_id);
    // Runs a report write and answers: `back` when done, the editor with the errors and
    // `form` again when refused, 404 when the café is gone.
    template <typename Job>
    void write(const VisitPtr& visit, const Access& access, Job job, const app::ReportForm& form,
               const std::string& back);
    // Renders a PDF on the worker, so the I/O thread keeps answering others meanwhile.
    void send_pdf(const VisitPtr& visit, kc::reports::Report report);

    Site& site_;
    BackgroundWorker renderer_;
};

std::optional<domain::Event> ReportPages::public_report_event(const Visit& visit) {
    auto event = site_.public_event(visit, visit.params.id("id"));
    if (!event || !app::is_report_public(site_.store().read(), *event)) return std::nullopt;
    return event;
}

std::optional<kc::reports::Report> ReportPages::report_of(
    const Visit& visit, const domain::Event& event, const std::optional<app::ReportForm>& texts) {
    auto sources =
        web::reports::report_sources(site_.store().read(), {event.werkplaats_id, event.id});
    if (!sources) return std::nullopt;
    if (texts) {
        sources->texts.introduction = texts->introduction;
        sources->texts.account = texts->account;
    }
    return kc::reports::build_report(*sources, web::reports::CatalogueWords(*visit.texts));
}

void ReportPages::public_page(const VisitPtr& visit) {
    const auto event = public_report_event(*visit);
    if (!event) return site_.respond_error(visit, 404, "report.not_found");
    const auto report = report_of(*visit, *event, std::nullopt);
    if (!report) return site_.respond_error(visit, 404, "report.not_found");
    data values = site_.event_summary(visit, *event);
    values.set("report_html",
               kc::reports::report_html(*report, web::reports::CatalogueWords(*visit->texts), 2,
                                        "report"));
    values.set("pdf_href",
               visit->site_prefix + "/events/" + std::to_string(event->id) + "/verslag.pdf");
    site_.finish(visit, site_.page(visit, "report_page", values,
                                   visit->text("report.title") + ": " + event->details.title, 200,
                                   Forms::none));
}

void ReportPages::public_pdf(const VisitPtr& visit) {
    const auto event = public_report_event(*visit);
    if (!event) return site_.respond_error(visit, 404, "report.not_found");
    auto report = report_of(*visit, *event, std::nullopt);
    if (!report) return site_.respond_error(visit, 404, "report.not_found");
    send_pdf(visit, std::move(*report));
}

void ReportPages::send_pdf(const VisitPtr& visit, kc::reports::Report report) {
    renderer_.post([this, visit, report = std::move(report)] {
        try {
            const web::reports::CatalogueWords words(*visit->texts);
            site_.finish(visit, download(kc::reports::report_pdf(report, words), "application/pdf",
                                         file_name(report.title, "pdf")));
        } catch (const std::exception& failure) {
            site_.respond_failure(visit, failure, "report.error.render");
        }
    });
}

void ReportPages::editor(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, editor_response(visit, access, stored_form(access.event().id), {}, false));
}

Response ReportPages::editor_response(const VisitPtr& visit, const Access& access,
                                      const app::ReportForm& form, const FieldErrors& errors,
                                      bool preview) {
    const auto& event = access.event();
    data values = site_.event_summary(visit, event);
    values.set("value_introduction", form.introduction);
    values.set("value_account", form.account);
    values.set("action", editor_path(event.id));
    values.set("pdf_href", editor_path(event.id) + ".pdf");
    const auto stored = site_.store().read().report_texts(event.id);
    const bool published = stored && stored->is_published();
    values.set("is_published", published);
    values.set("can_publish", event.status == domain::EventStatus::published ||
                                  event.status == domain::EventStatus::held);
    values.set("public_href", site_.site_prefix_for(*visit, event.werkplaats_id) + "/events/" +
                                  std::to_string(event.id) + "/verslag");
    values.set("is_preview", preview);
    values.set("saved", query_value(visit->request.query, "opgeslagen") == "1");
    set_field_errors(values, errors, *visit->texts, "report.field");
    if (const auto report = report_of(*visit, event, form)) {
        values.set("report_html",
                   kc::reports::report_html(*report, web::reports::CatalogueWords(*visit->texts), 3,
                                            "preview"));
    }
    return site_.page(visit, "report_editor", values,
                      visit->text("report.editor_title") + ": " + event.details.title,
                      errors.empty() ? 200 : 422);
}

app::ReportForm ReportPages::stored_form(std::int64_t event_id) {
    const auto texts = site_.store().read().report_texts(event_id);
    return texts ? app::ReportForm{texts->introduction, texts->account} : app::ReportForm{};
}

template <typename Job>
void ReportPages::write(const VisitPtr& visit, const Access& access, Job job,
                        const app::ReportForm& form, const std::string& back) {
    site_.write(visit, std::move(job),
                [this, visit, &access, form, back](const app::ReportOutcome& outcome) {
                    if (outcome.result == app::ReportResult::invalid) {
                        return editor_response(visit, access, form, outcome.errors, false);
                    }
                    if (outcome.result != app::ReportResult::done) {
                        return site_.error_page(visit, 404, "error.event_not_found");
                    }
                    return site_.redirect(back);
                });
}

void ReportPages::save(const VisitPtr& visit, const Access& access) {
    const app::ReportForm form{visit->form.get("introduction"), visit->form.get("account")};
    // "Bekijken" shows the page with the typed texts and stores nothing, so an organiser can
    // try Markdown out without a script and without changing what readers see.
    if (visit->form.get("action") == "preview") {
        return site_.finish(visit, editor_response(visit, access, form, {}, true));
    }
    const auto scope = access.event_scope();
    const auto now = site_.now();
    write(
        visit, access,
        [scope, form, now](app::Transaction& tx) {
            return app::save_report_texts(tx, scope, form, now);
        },
        form, editor_path(scope.event_id) + "?opgeslagen=1");
}

void ReportPages::publish(const VisitPtr& visit, const Access& access) {
    const auto publication =
        visit->form.get("publish") == "ja" ? app::Publication::published : app::Publication::draft;
    const auto scope = access.event_scope();
    const auto now = site_.now();
    write(
        visit, access,
        [scope, publication, now](app::Transaction& tx) {
            return app::set_report_publication(tx, scope, publication, now);
        },
        stored_form(scope.event_id), editor_path(scope.event_id));
}

void ReportPages::draft_pdf(const VisitPtr& visit, const Access& access) {
    auto report = report_of(*visit, access.event(), std::nullopt);
    if (!report) return site_.respond_error(visit, 404, "error.event_not_found");
    send_pdf(visit, std::move(*report));
}

void ReportPages::magazine_page(const VisitPtr& visit, const Access&) {
    MagazineForm form;
    // A year back from today: the period most magazines cover.
    const std::string today = time::format_date_input(site_.now());
    form.period.to = today;
    form.period.from = std::to_string(std::stoi(today.substr(0, 4)) - 1) + today.substr(4);
    if (form.period.from.ends_with("-02-29")) form.period.from.replace(8, 2, "28");
    site_.finish(visit, magazine_response(visit, form, {}));
}

Response ReportPages::magazine_response(const VisitPtr& visit, const MagazineForm& form,
                                        const FieldErrors& errors) {
    data values(data::type::object);
    values.set("value_from", form.period.from);
    values.set("value_to", form.period.to);
    values.set("value_foreword", form.foreword);
    values.set("is_html", form.format == "html");
    set_field_errors(values, errors, *visit->texts, "report.field");
    return site_.page(visit, "report_magazine", values, visit->text("report.magazine_page_title"),
                      errors.empty() ? 200 : 422);
}

void ReportPages::magazine_download(const VisitPtr& visit, const Access& access) {
    MagazineForm form;
    form.period = {text::trim(visit->form.get("from")), text::trim(visit->form.get("to"))};
    form.format = visit->form.get("format") == "html" ? "html" : "pdf";
    form.foreword = visit->form.get("foreword");
    FieldErrors errors = app::validate(form.period);
    validation::check_text(errors, "foreword", form.foreword, validation::Presence::optional,
                           app::ReportLimits::introduction, validation::Lines::multiple);
    if (!errors.empty()) return site_.finish(visit, magazine_response(visit, form, errors));
    const web::reports::MagazineRequest request{
        access.werkplaats_id(), form.period, form.foreword,
        site_.public_base_url() + site_.site_prefix_for(*visit, access.werkplaats_id())};
    renderer_.post([this, visit, request, form] {
        try {
            const web::reports::CatalogueWords words(*visit->texts);
            const auto magazine = kc::reports::build_magazine(
                web::reports::magazine_sources(site_.store().read(), request, site_.now()), words);
            const std::string name = "magazine-" + form.period.from + "-" + form.period.to;
            site_.finish(visit, form.format == "html"
                                    ? download(kc::reports::magazine_html(magazine, words),
                                               "text/html; charset=utf-8", name + ".html")
                                    : download(kc::reports::magazine_pdf(magazine, words, nullptr),
                                               "application/pdf", name + ".pdf"));
        } catch (const std::exception& failure) {
            site_.respond_failure(visit, failure, "report.error.render");
        }
    });
}

}  // namespace

std::unique_ptr<Component> make_report_pages(Site& site) {
    return std::make_unique<ReportPages>(site);
}

}  // namespace kc::web
