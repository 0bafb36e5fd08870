// Exports of registrations and attendance as CSV and Excel: a café's own export from its
// pages, a period's export from /beheer/export, and the same café export in the API for an
// organiser's token. Every route is for organisers (and admins) of the café's Werkplaats: the
// files hold names and e-mail addresses. Each export is written to the audit log with what it
// held before the file goes out; when that record cannot be written, no file goes out.
#include "app/exports.hpp"
#include "core/text.hpp"
#include "reports/export_csv.hpp"
#include "reports/export_xlsx.hpp"
#include "web/background_worker.hpp"
#include "web/components.hpp"
#include "web/form_data.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

enum class Format { csv, xlsx };

// A file to write: its format and, for CSV, its separator.
struct FileKind {
    Format format = Format::csv;
    reports::Separator separator = reports::Separator::comma;

    std::string extension() const { return format == Format::csv ? "csv" : "xlsx"; }
    // How the audit log names the format.
    std::string audit_name() const {
        if (format == Format::xlsx) return "xlsx";
        return separator == reports::Separator::semicolon ? "csv met puntkomma" : "csv";
    }
    std::unique_ptr<reports::ExportWriter> writer(reports::ExportLayout layout) const {
        if (format == Format::xlsx) {
            return std::make_unique<reports::XlsxExport>(std::move(layout), "Aanmeldingen");
        }
        return std::make_unique<reports::CsvExport>(std::move(layout), separator);
    }
};

constexpr std::string_view xlsx_type =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// What one download covers: the rows it gathers, how they are laid out, the file's name and
// its audit record (without the count of rows, which the gathering tells).
struct Download {
    reports::ExportLayout layout;
    FileKind kind;
    std::string file_name;
    app::ExportRecord record;
    std::function<int(app::Queries&, const app::RegistrationVisitor&)> gather;
};

// How a café's export reads for its audience: the organiser's pages or a script of the API.
struct EventExportStyle {
    reports::ExportLayout (*layout)();
    std::string_view name_prefix;
    // The query parameter and value that choose the semicolon.
    std::string_view separator_field;
    std::string_view semicolon;
};

const EventExportStyle site_style = {
    [] {
        return reports::organiser_layout(reports::ExportSpan::one_event, reports::Notes::included);
    },
    "aanmeldingen-", "scheidingsteken", "puntkomma"};
const EventExportStyle api_style = {reports::api_layout, "registrations-", "separator",
                                    "semicolon"};

class ExportPages final : public Component {
  public:
    explicit ExportPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.members("GET", "/beheer/export", Role::organiser,
                       bind_handler(this, &ExportPages::period_form));
        routes.members("GET", "/beheer/export/bestand", Role::organiser,
                       bind_handler(this, &ExportPages::period_file));
        for (const auto format : {Format::csv, Format::xlsx}) {
            const std::string extension = FileKind{format}.extension();
            const auto handler = [this, format](const EventExportStyle& style) {
                return [this, format, &style](const VisitPtr& visit, const Access& access) {
                    event_file(visit, access, format, style);
                };
            };
            routes.members("GET", "/beheer/events/{id}/aanmeldingen." + extension, Role::organiser,
                           handler(site_style));
            routes.members("GET", "/api/v1/events/{id}/registrations." + extension, Role::organiser,
                           handler(api_style));
        }
    }

  private:
    void period_form(const VisitPtr& visit, const Access& access);
    void period_file(const VisitPtr& visit, const Access& access);
    void event_file(const VisitPtr& visit, const Access& access, Format format,
                    const EventExportStyle& style);
    Response period_page(const VisitPtr& visit, const FormData& typed, const FieldErrors& errors);
    // Gathers and writes the file away from the I/O threads, records it in the audit log,
    // and then sends it.
    void send(const VisitPtr& visit, const Access& access, Download download);

    Site& site_;
    // Declared last so it is stopped first, while everything its jobs use still exists.
    BackgroundWorker worker_;
};

Response ExportPages::period_page(const VisitPtr& visit, const FormData& typed,
                                  const FieldErrors& errors) {
    data values(data::type::object);
    const auto value = [&](const char* field, std::string fallback) {
        const std::string given = typed.get(field);
        return given.empty() && errors.empty() ? fallback : given;
    };
    // By default the year so far: what a yearly report or a subsidy account asks for.
    const std::string today = time::format_date_input(site_.now());
    values.set("value_van", value("van", today.substr(0, 4) + "-01-01"));
    values.set("value_tot", value("tot", today));
    const bool xlsx = typed.get("formaat") == "xlsx";
    values.set("format_csv", !xlsx);
    values.set("format_xlsx", xlsx);
    const bool semicolon = typed.get("scheidingsteken") == "puntkomma";
    values.set("separator_comma", !semicolon);
    values.set("separator_semicolon", semicolon);
    set_field_errors(values, errors, *visit->texts, "export.field");
    return site_.page(visit, "export", values, visit->text("export.title"),
                      errors.empty() ? 200 : 422);
}

void ExportPages::period_form(const VisitPtr& visit, const Access&) {
    site_.finish(visit, period_page(visit, FormData{}, {}));
}

void ExportPages::period_file(const VisitPtr& visit, const Access& access) {
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    auto outcome = app::read_period(query.get("van"), query.get("tot"));
    FileKind kind;
    const std::string format = query.get("formaat");
    if (format == "xlsx") {
        kind.format = Format::xlsx;
    } else if (format != "csv") {
        outcome.errors.push_back({"formaat", "error.choose_option"});
    }
    const std::string separator = query.get("scheidingsteken");
    if (separator == "puntkomma") {
        kind.separator = reports::Separator::semicolon;
    } else if (!separator.empty() && separator != "komma") {
        outcome.errors.push_back({"scheidingsteken", "error.choose_option"});
    }
    if (!outcome.errors.empty()) {
        return site_.finish(visit, period_page(visit, query, outcome.errors));
    }
    const auto period = outcome.period;
    send(visit, access,
         {reports::organiser_layout(reports::ExportSpan::period, reports::Notes::left_out),
          kind,
          "aanmeldingen-" + period.from + "-tot-en-met-" + period.to + "." + kind.extension(),
          {"aanmeldingen", std::nullopt, period, kind.audit_name(), 0},
          [werkplaats_id = access.werkplaats_id(), period](
              app::Queries& queries, const app::RegistrationVisitor& visit_row) {
              return app::each_registration(queries, werkplaats_id, period, visit_row);
          }});
}

void ExportPages::event_file(const VisitPtr& visit, const Access& access, Format format,
                             const EventExportStyle& style) {
    FileKind kind{format};
    if (query_value(visit->request.query, style.separator_field) == style.semicolon) {
        kind.separator = reports::Separator::semicolon;
    }
    const auto& event = access.event();
    send(visit, access,
         {style.layout(),
          kind,
          std::string(style.name_prefix) + std::to_string(event.id) + "-" +
              time::format_date_input(event.details.starts_at) + "." + kind.extension(),
          {"aanmeldingen", event.id, std::nullopt, kind.audit_name(), 0},
          [scope = access.event_scope()](app::Queries& queries,
                                         const app::RegistrationVisitor& visit_row) {
              return app::each_registration(queries, scope, visit_row);
          }});
}

void ExportPages::send(const VisitPtr& visit, const Access& access, Download download) {
    worker_.post([this, visit, werkplaats_id = access.werkplaats_id(), actor = access.audit_actor(),
                  download = std::move(download)]() mutable {
        auto file = std::make_shared<std::string>();
        try {
            auto writer = download.kind.writer(std::move(download.layout));
            download.record.rows = download.gather(
                site_.store().read(),
                [&writer](const domain::Event& event, const domain::Registration& registration,
                          std::string_view group) {
                    writer->add({event, registration, group});
                });
            *file = writer->finish();
        } catch (const std::exception& failure) {
            return site_.respond_failure(visit, failure, "export.failed");
        }
        site_.write(
            visit,
            [werkplaats_id, actor, record = download.record,
             now = site_.now()](app::Transaction& tx) {
                app::record_export(tx, werkplaats_id, actor, record, now);
            },
            [file, kind = download.kind, name = download.file_name] {
                Response response;
                response.content_type =
                    kind.format == Format::csv ? "text/csv; charset=utf-8" : std::string(xlsx_type);
                response.body = std::move(*file);
                response.add_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
                response.add_header("Cache-Control", "no-store");
                return response;
            });
    });
}

}  // namespace

std::unique_ptr<Component> make_export_pages(Site& site) {
    return std::make_unique<ExportPages>(site);
}

}  // namespace kc::web
