#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "app/store.hpp"
#include "domain/oai_pmh.hpp"

namespace kc::app {

// How many records one page of a harvested list holds before a resumption token continues
// it: small enough for a quick answer, large enough that a library of a thousand
// publications is harvested in ten requests.
constexpr std::size_t oai_page_size = 100;

// One Werkplaats's library as the repository its public site offers.
struct OaiRepository {
    std::int64_t werkplaats_id = 0;
    // Name, endpoint, identifier host and contact; the earliest datestamp is read here.
    domain::oai::Repository repository;
    // The public site, whose publication pages the records link to.
    std::string site_url;
};

// Words an OAI error in the harvester's language.
using OaiDescribe = std::function<std::string(const domain::oai::Error&)>;

// The XML answer to one OAI-PMH request. Only the Werkplaats's own publications exist for
// it; a deleted one is a deleted record; a list longer than `page_size` continues through
// resumption tokens, counted once when the list begins.
std::string answer_oai(Queries& queries, const OaiRepository& repository,
                       const domain::oai::Arguments& arguments, time::Timestamp now,
                       const OaiDescribe& describe, std::size_t page_size = oai_page_size);

}  // namespace kc::app
