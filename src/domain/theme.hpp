#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include "core/field_error.hpp"
#include "core/time.hpp"
namespace kc::domain {
enum class ThemeStatus {proposed, adopted, scheduled, declined};
enum class ThemeSource {public_form, evaluation, organiser};
struct Theme { std::int64_t id; std::int64_t werkplaats_id; std::string title, description, place; ThemeStatus status; ThemeSource source; std::string decline_reason; std::optional<std::int64_t> event_id; time::Timestamp proposed_at, status_changed_at; std::int64_t supporters; };
FieldErrors validate(const Theme&);
}
