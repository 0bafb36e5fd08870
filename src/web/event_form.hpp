#pragma once

#include <kainjow/mustache.hpp>

#include "app/records.hpp"
#include "core/field_error.hpp"
#include "domain/event.hpp"
#include "web/form_data.hpp"
#include "web/i18n.hpp"

namespace kc::web {

struct ParsedEvent {
    domain::EventDetails details;
    FieldErrors errors;  // fields that could not be read at all (a malformed date, ...)
};

// Reads the organiser's event form. Blank speaker and programme rows are skipped.
ParsedEvent parse_event_form(const FormData& form);

// The form fields of an existing event, so editing starts from what is stored.
FormData event_to_form(const domain::Event& event);

// Template data for the event form: values, choices (types, work forms, partners)
// with the current ones selected, and enough empty rows to add speakers and items.
kainjow::mustache::data event_form_data(const FormData& form,
                                        const std::vector<app::Partner>& partners,
                                        const Catalogue& texts);

}  // namespace kc::web
