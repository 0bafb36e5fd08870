#include "web/event_form.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

constexpr std::size_t max_rows = 40;

std::size_t rows_in(const FormData& form, const char* probe) {
    std::size_t rows = 0;
    while (rows < max_rows && form.has(row_field(probe, rows + 1))) ++rows;
    return rows;
}

std::optional<time::Timestamp> local_instant(const std::string& date, const std::string& clock) {
    return time::parse_iso8601(date + "T" + clock);
}

}  // namespace

ParsedEvent parse_event_form(const FormData& form) {
    ParsedEvent parsed;
    auto& d = parsed.details;
    d.title = text::trim(form.get("title"));
    d.theme = text::trim(form.get("theme"));
    d.description = text::trim(form.get("description"));
    d.location_name = text::trim(form.get("location_name"));
    d.location_address = text::trim(form.get("location_address"));
    d.accessibility = text::trim(form.get("accessibility"));
    if (const auto type = domain::event_type_from_slug(form.get("type"))) {
        d.type = *type;
    } else {
        parsed.errors.push_back({"type", "error.choose_option"});
    }
    const std::string date = text::trim(form.get("date"));
    const auto starts = local_instant(date, text::trim(form.get("start_time")));
    const auto ends = local_instant(date, text::trim(form.get("end_time")));
    if (!starts) {
        parsed.errors.push_back({"starts_at", "error.invalid_datetime"});
    } else {
        d.starts_at = *starts;
        if (!ends) {
            parsed.errors.push_back({"ends_at", "error.invalid_time"});
        } else {
            d.ends_at = *ends;
        }
    }
    const std::string capacity = text::trim(form.get("capacity"));
    if (capacity.empty()) {
        d.capacity = 0;
    } else if (const auto value = text::parse_integer(capacity, 0, domain::EventLimits::capacity)) {
        d.capacity = static_cast<int>(*value);
    } else {
        parsed.errors.push_back(
            {"capacity", "error.capacity_range", domain::EventLimits::capacity});
    }
    for (const auto& partner : form.get_all("partner")) {
        if (const auto id = text::parse_integer(partner, 1, INT64_MAX)) {
            d.partner_ids.push_back(*id);
        } else {
            parsed.errors.push_back({"partners", "error.unknown_partner"});
        }
    }
    for (std::size_t row = 1; row <= rows_in(form, "speaker_name"); ++row) {
        domain::Speaker speaker{text::trim(form.get(row_field("speaker_name", row))),
                                text::trim(form.get(row_field("speaker_role", row)))};
        if (speaker.name.empty() && speaker.role.empty()) continue;
        d.speakers.push_back(std::move(speaker));
    }
    for (std::size_t row = 1; row <= rows_in(form, "programme_time"); ++row) {
        domain::ProgrammeItem item;
        item.time = text::trim(form.get(row_field("programme_time", row)));
        item.title = text::trim(form.get(row_field("programme_title", row)));
        if (item.time.empty() && item.title.empty()) continue;
        item.work_form = domain::work_form_from_slug(form.get(row_field("programme_form", row)))
                             .value_or(domain::WorkForm::talk);
        d.programme.push_back(std::move(item));
    }
    return parsed;
}

FormData event_to_form(const domain::Event& event) {
    const auto& d = event.details;
    FormData form;
    form.add("title", d.title);
    form.add("theme", d.theme);
    form.add("type", std::string(domain::to_slug(d.type)));
    form.add("description", d.description);
    form.add("date", time::format_date_input(d.starts_at));
    form.add("start_time", time::format_time_input(d.starts_at));
    form.add("end_time", time::format_time_input(d.ends_at));
    form.add("location_name", d.location_name);
    form.add("location_address", d.location_address);
    form.add("accessibility", d.accessibility);
    form.add("capacity", d.capacity > 0 ? std::to_string(d.capacity) : std::string());
    for (const auto partner_id : d.partner_ids) form.add("partner", std::to_string(partner_id));
    for (std::size_t i = 0; i < d.speakers.size(); ++i) {
        form.add(row_field("speaker_name", i + 1), d.speakers[i].name);
        form.add(row_field("speaker_role", i + 1), d.speakers[i].role);
    }
    for (std::size_t i = 0; i < d.programme.size(); ++i) {
        form.add(row_field("programme_time", i + 1), d.programme[i].time);
        form.add(row_field("programme_title", i + 1), d.programme[i].title);
        form.add(row_field("programme_form", i + 1),
                 std::string(domain::to_slug(d.programme[i].work_form)));
    }
    return form;
}

data event_form_data(const FormData& form, const std::vector<app::Partner>& partners,
                     const Catalogue& texts) {
    data values(data::type::object);
    for (const char* field : {"title", "theme", "description", "date", "start_time", "end_time",
                              "location_name", "location_address", "accessibility", "capacity"}) {
        values.set(std::string("value_") + field, form.get(field));
    }
    const std::string type = form.has("type") ? form.get("type") : "kenniscafe";
    data types(data::type::list);
    for (const auto candidate : domain::all_event_types()) {
        const std::string slug(domain::to_slug(candidate));
        data item(data::type::object);
        item.set("slug", slug);
        item.set("name", texts.text("event_type." + slug));
        item.set("selected", slug == type);
        types.push_back(item);
    }
    values.set("types", types);

    const auto chosen = form.get_all("partner");
    data partner_list(data::type::list);
    for (const auto& partner : partners) {
        data item(data::type::object);
        item.set("id", std::to_string(partner.id));
        item.set("name", partner.name);
        item.set("checked", std::find(chosen.begin(), chosen.end(), std::to_string(partner.id)) !=
                                chosen.end());
        partner_list.push_back(item);
    }
    values.set("partners", partner_list);
    values.set("has_partners", !partners.empty());

    data speakers(data::type::list);
    const std::size_t speaker_rows = std::max<std::size_t>(rows_in(form, "speaker_name") + 2, 3);
    for (std::size_t row = 1; row <= speaker_rows; ++row) {
        data item(data::type::object);
        item.set("row", std::to_string(row));
        item.set("name", form.get(row_field("speaker_name", row)));
        item.set("role", form.get(row_field("speaker_role", row)));
        speakers.push_back(item);
    }
    values.set("speakers", speakers);

    data programme(data::type::list);
    const std::size_t programme_rows =
        std::max<std::size_t>(rows_in(form, "programme_time") + 3, 6);
    for (std::size_t row = 1; row <= programme_rows; ++row) {
        data item(data::type::object);
        item.set("row", std::to_string(row));
        item.set("time", form.get(row_field("programme_time", row)));
        item.set("title", form.get(row_field("programme_title", row)));
        const std::string current = form.get(row_field("programme_form", row));
        data forms(data::type::list);
        for (const auto candidate : domain::all_work_forms()) {
            const std::string slug(domain::to_slug(candidate));
            data option(data::type::object);
            option.set("slug", slug);
            option.set("name", texts.text("work_form." + slug));
            option.set("selected", slug == current);
            forms.push_back(option);
        }
        item.set("forms", forms);
        programme.push_back(item);
    }
    values.set("programme", programme);
    return values;
}

}  // namespace kc::web
