#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/reports.hpp"
#include "reports/report_model.hpp"
#include "web/i18n.hpp"

// What the web pages and the command line share to make reports: the catalogue as the
// report's words, and the sources of a report with its live results replayed.
namespace kc::web::reports {

// A catalogue as the words of a report.
class CatalogueWords final : public kc::reports::Words {
  public:
    explicit CatalogueWords(const Catalogue& catalogue) : catalogue_(catalogue) {}
    std::string text(std::string_view key, long long number = 0) const override;
    std::string date(time::Timestamp instant) const override;

  private:
    const Catalogue& catalogue_;
};

// app::gather_report with the results of the café's live questions, replayed the way the live
// engine rebuilds them (moderation applied, the correct quiz answer shown, small groups hidden).
std::optional<app::ReportSources> report_sources(app::Queries& queries,
                                                 const app::EventScope& scope);

// What a magazine of the Werkplaats for a valid period is made of; `progress` is told after
// each café is read.
struct MagazineRequest {
    std::int64_t werkplaats_id = 0;
    app::MagazinePeriod period;
    std::string foreword;
    std::string site_url;
};
kc::reports::MagazineSources magazine_sources(
    app::Queries& queries, const MagazineRequest& request, time::Timestamp now,
    const std::function<void(std::size_t read, std::size_t total)>& progress = nullptr);

}  // namespace kc::web::reports
