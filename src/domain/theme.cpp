// STAND-IN for the lead's contract.
#include "domain/theme.hpp"
namespace kc::domain {
FieldErrors validate(const Theme& theme) {
    FieldErrors errors;
    if (theme.title.empty()) errors.push_back({"title", "error.required"});
    return errors;
}
}  // namespace kc::domain
