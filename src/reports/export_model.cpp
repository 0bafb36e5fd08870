#include "reports/export_model.hpp"

#include <array>

namespace kc::reports {

namespace {

using Column = ExportColumn;
using Kind = ExportCell::Kind;

struct ColumnInfo {
    Column column;
    std::string_view dutch;
    std::string_view slug;
    double width;
};

// Every column once, in the order of the enum.
constexpr std::array<ColumnInfo, 15> columns = {{
    {Column::event_title, "Bijeenkomst", "event", 40},
    {Column::event_date, "Datum", "event_date", 12},
    {Column::name, "Naam", "name", 24},
    {Column::email, "E-mail", "email", 30},
    {Column::group, "Groep", "group", 22},
    {Column::organisation, "Organisatie", "organisation", 28},
    {Column::status, "Status", "status", 14},
    {Column::attendance, "Aanwezigheid", "attendance", 16},
    {Column::walk_in, "Inloop", "walk_in", 8},
    {Column::registered_at, "Aangemeld op", "registered_at", 17},
    {Column::checked_in_at, "Ingecheckt om", "checked_in_at", 17},
    {Column::consent_photos, "Toestemming foto's", "consent_photos", 19},
    {Column::consent_contact, "Toestemming contact", "consent_contact", 20},
    {Column::dietary, "Dieetwensen", "dietary", 30},
    {Column::accessibility, "Toegankelijkheid", "accessibility", 30},
}};

const ColumnInfo& info(Column column) { return columns[static_cast<std::size_t>(column)]; }

ExportCell text(std::string_view value) {
    return value.empty() ? ExportCell{} : ExportCell{Kind::text, value, 0};
}

ExportCell yes_no(bool value, Labels labels) {
    if (labels == Labels::slugs) return text(value ? "true" : "false");
    return text(value ? "ja" : "nee");
}

}  // namespace

ExportLayout organiser_layout(ExportSpan span, Notes notes) {
    ExportLayout layout;
    if (span == ExportSpan::period) layout.columns = {Column::event_title, Column::event_date};
    layout.columns.insert(
        layout.columns.end(),
        {Column::name, Column::email, Column::group, Column::organisation, Column::status,
         Column::attendance, Column::walk_in, Column::registered_at, Column::checked_in_at,
         Column::consent_photos, Column::consent_contact});
    if (notes == Notes::included) {
        layout.columns.insert(layout.columns.end(), {Column::dietary, Column::accessibility});
    }
    return layout;
}

ExportLayout api_layout() {
    return {{Column::name, Column::group, Column::organisation, Column::status, Column::attendance},
            Labels::slugs};
}

std::string_view heading(ExportColumn column, Labels labels) {
    return labels == Labels::dutch ? info(column).dutch : info(column).slug;
}

double column_width(ExportColumn column) { return info(column).width; }

std::string_view dutch_label(domain::RegistrationStatus status) {
    switch (status) {
        case domain::RegistrationStatus::registered:
            return "Aangemeld";
        case domain::RegistrationStatus::waitlisted:
            return "Wachtlijst";
        case domain::RegistrationStatus::cancelled:
            return "Afgemeld";
    }
    return {};
}

std::string_view dutch_label(domain::Attendance attendance) {
    switch (attendance) {
        case domain::Attendance::unknown:
            return "Nog niet bekend";
        case domain::Attendance::checked_in:
            return "Aanwezig";
        case domain::Attendance::no_show:
            return "Niet gekomen";
    }
    return {};
}

ExportCell cell(const RegistrationRow& row, ExportColumn column, Labels labels) {
    const auto& registration = row.registration;
    const auto& form = registration.form;
    const bool dutch = labels == Labels::dutch;
    switch (column) {
        case Column::event_title:
            return text(row.event.details.title);
        case Column::event_date:
            return {Kind::date, {}, row.event.details.starts_at};
        case Column::name:
            return text(form.name);
        case Column::email:
            return text(form.email);
        case Column::group:
            return text(row.group);
        case Column::organisation:
            return text(form.organisation);
        case Column::status:
            return text(dutch ? dutch_label(registration.status)
                              : domain::to_slug(registration.status));
        case Column::attendance:
            return text(dutch ? dutch_label(registration.attendance)
                              : domain::to_slug(registration.attendance));
        case Column::walk_in:
            return yes_no(registration.walk_in, labels);
        case Column::registered_at:
            return {Kind::date_time, {}, registration.created_at};
        case Column::checked_in_at:
            if (!registration.checked_in_at) return {};
            return {Kind::date_time, {}, *registration.checked_in_at};
        case Column::consent_photos:
            return yes_no(form.consent_photos, labels);
        case Column::consent_contact:
            return yes_no(form.consent_contact, labels);
        case Column::dietary:
            return text(form.dietary);
        case Column::accessibility:
            return text(form.accessibility);
    }
    return {};
}

}  // namespace kc::reports
