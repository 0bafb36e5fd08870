#include "web/reports/report_sources.hpp"

#include "app/privacy.hpp"
#include "live/room.hpp"
#include "web/view_helpers.hpp"

namespace kc::web::reports {

std::string CatalogueWords::text(std::string_view key, long long number) const {
    return catalogue_.text(key, number);
}

std::string CatalogueWords::date(time::Timestamp instant) const {
    return long_date(instant, catalogue_);
}

std::optional<app::ReportSources> report_sources(app::Queries& queries,
                                                 const app::EventScope& scope) {
    auto sources = app::gather_report(queries, scope);
    if (!sources) return sources;
    for (const auto& session : queries.live_sessions(scope.event_id)) {
        live::Room room;
        if (!room.load(queries, session.id)) continue;
        domain::live::ResultOptions options;
        options.by_group = true;  // the report model keeps the groups that answered
        options.reveal_correct = true;
        options.small_numbers = room.small_numbers;
        for (const auto& question : room.questions) {
            sources->live.push_back(
                {question.record, question.tally.results(options), room.group_names()});
        }
    }
    return sources;
}

kc::reports::MagazineSources magazine_sources(
    app::Queries& queries, const MagazineRequest& request, time::Timestamp now,
    const std::function<void(std::size_t read, std::size_t total)>& progress) {
    kc::reports::MagazineSources sources;
    if (auto werkplaats = queries.werkplaats(request.werkplaats_id)) {
        sources.werkplaats = std::move(*werkplaats);
    }
    sources.contact = app::privacy_settings(queries, request.werkplaats_id);
    sources.site_url = request.site_url;
    sources.from = request.period.from;
    sources.to = request.period.to;
    sources.foreword = request.foreword;
    const auto events = app::magazine_events(queries, request.werkplaats_id, request.period.from,
                                             request.period.to, now);
    for (const auto& event : events) {
        if (auto cafe = report_sources(queries, {request.werkplaats_id, event.id})) {
            sources.cafes.push_back(std::move(*cafe));
        }
        if (progress) progress(sources.cafes.size(), events.size());
    }
    return sources;
}

}  // namespace kc::web::reports
