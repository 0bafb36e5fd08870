#pragma once

#include <string>

#include "planner/model.hpp"
#include "planner/problem.hpp"
#include "planner/quality.hpp"

namespace kc::planner {

struct PlanResult {
    Plan plan;
    Quality quality;
    // How the plan was found, for the curious and for the benchmark ("affine plane", ...).
    std::string method;
};

// Seats everyone for every round: hard rules always, goals in the problem's order as far as
// the time limit allows. The same problem, options and seed give the same plan unless the
// time limit cuts the search short. Throws PlanningError when the hard rules cannot be kept.
PlanResult plan_tables(const Problem& problem, const Options& options = {});

// Plans a model: a known construction when the room has the shape of one, then local search.
// Rounds before the model's first open round are left as they are.
PlanResult plan_model(const Model& model, const Options& options);

}  // namespace kc::planner
