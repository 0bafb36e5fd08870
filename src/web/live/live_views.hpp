#pragma once

#include <kainjow/mustache.hpp>
#include <optional>

#include "live/engine.hpp"
#include "web/visit.hpp"

// Template data for the live pages, from the engine's plain views.
namespace kc::web {

// The question as a phone shows it: the answer form for its kind, filled in with the
// phone's own answer, and whether it is open.
kainjow::mustache::data question_data(const VisitPtr& visit, const live::QuestionView& view,
                                      const std::optional<domain::live::AnswerValue>& answer);

// The five labels of a statement, from "helemaal oneens" (1) to "helemaal eens" (5).
std::string statement_label(const VisitPtr& visit, int level);

// Open answers and Q&A questions as a list (id, text, votes, pending).
kainjow::mustache::data entries_data(const domain::live::Results& results);

// An organiser's question form from its fields, for saving and for showing it again.
domain::live::QuestionSettings question_from_form(const FormData& form);
kainjow::mustache::data question_form_data(const VisitPtr& visit,
                                           const domain::live::QuestionSettings& settings);

}  // namespace kc::web
