#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "domain/evaluation.hpp"
#include "domain/experience.hpp"

namespace kc::app {

struct ExperienceFilter {
    std::int64_t event_id = 0;
    // Only these; all statuses when absent.
    std::optional<domain::ExperienceStatus> status;
};

// The reads of evaluations and experiences; `Queries` extends this, so every backend
// implements them (src/storage/sqlite/sqlite_evaluations.cpp). Same threading contract as
// `Queries`. Lists are paged: a café can collect answers for years.
class EvaluationQueries {
  public:
    virtual ~EvaluationQueries() = default;

    // The evaluations of an event counted per group, rating and come-again answer.
    virtual std::vector<domain::EvaluationTally> evaluation_tallies(std::int64_t event_id) = 0;
    // The evaluations of an event that hold any text, newest first.
    virtual Page<domain::Evaluation> evaluations_with_text(std::int64_t event_id,
                                                           const PageRequest& page) = 0;
    virtual bool has_evaluation_from(std::int64_t registration_id) = 0;

    virtual std::optional<domain::Experience> experience(std::int64_t id) = 0;
    // By the digest of the person's link (security::token_digest).
    virtual std::optional<domain::Experience> experience_by_token_hash(
        const std::string& token_hash) = 0;
    // Newest first.
    virtual Page<domain::Experience> experiences(const ExperienceFilter& filter,
                                                 const PageRequest& page) = 0;
    // The experiences that came through these registrations' personal links.
    virtual std::vector<domain::Experience> experiences_of_registrations(
        const std::vector<std::int64_t>& registration_ids) = 0;
};

// The writes; `Transaction` extends this.
class EvaluationWrites {
  public:
    virtual ~EvaluationWrites() = default;

    virtual std::int64_t insert_evaluation(const domain::Evaluation& evaluation) = 0;
    // `token_hash`: the digest of the person's link to see and withdraw it.
    virtual std::int64_t insert_experience(const domain::Experience& experience,
                                           const std::string& token_hash) = 0;
    // Its texts, status and consent dates.
    virtual void update_experience(const domain::Experience& experience) = 0;
    // Deletes the experiences of an event that the public does not see (hidden by an
    // organiser or withdrawn); returns how many. For the retention purge.
    virtual int delete_unpublished_experiences(std::int64_t event_id) = 0;
};

}  // namespace kc::app
