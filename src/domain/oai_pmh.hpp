#pragma once

// OAI-PMH 2.0 (https://www.openarchives.org/OAI/openarchivesprotocol.html) for the knowledge
// library, so that repositories such as the national knowledge bank of the universities of
// applied sciences can harvest a Werkplaats's publications as Dublin Core. Pure: the caller
// reads the store and passes plain values; this file parses requests, keeps the resumption
// state in tokens and writes the XML answers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.hpp"
#include "domain/publication.hpp"

namespace kc::domain::oai {

enum class Verb {
    identify,
    list_metadata_formats,
    list_sets,
    list_identifiers,
    list_records,
    get_record
};

// The verb as the protocol spells it ("ListRecords").
std::string_view to_name(Verb verb);

enum class ErrorCode {
    bad_argument,
    bad_resumption_token,
    bad_verb,
    cannot_disseminate_format,
    id_does_not_exist,
    no_records_match,
    no_metadata_formats,
    no_set_hierarchy,
};

// The code as the protocol spells it ("badArgument").
std::string_view to_name(ErrorCode code);

// One OAI error. The message is a key into the translation catalogue (under "oai."), so the
// caller words it; `argument` names the argument it is about, if any.
struct Error {
    ErrorCode code = ErrorCode::bad_argument;
    std::string message_key;
    std::string argument;

    bool operator==(const Error&) const = default;
};

// An error as it goes into the answer, worded.
struct ErrorText {
    ErrorCode code = ErrorCode::bad_argument;
    std::string text;
};

// The arguments of a request in the order given, from the query of a GET or the form of a
// POST; a name may repeat (which is an error the parser reports).
using Arguments = std::vector<std::pair<std::string, std::string>>;

// The only metadata format: unqualified Dublin Core, which every harvester understands.
inline constexpr std::string_view dublin_core_prefix = "oai_dc";

// Where a list continues: after the change with this datestamp and publication id (the
// store orders changes by both).
struct Cursor {
    time::Timestamp datestamp = 0;
    std::int64_t publication_id = 0;

    bool operator==(const Cursor&) const = default;
};

// What a ListIdentifiers or ListRecords selects. Bounds are inclusive; an `until` given as a
// day means up to the last second of that day (UTC).
struct Selection {
    std::string metadata_prefix;
    std::optional<time::Timestamp> from;
    std::optional<time::Timestamp> until;

    bool operator==(const Selection&) const = default;
};

// Everything needed to go on with an incomplete list, carried by its resumption token, so
// the server keeps no state per harvester.
struct Resumption {
    Verb verb = Verb::list_records;
    Selection selection;
    Cursor after;
    std::size_t cursor = 0;              // records sent before the next page
    std::size_t complete_list_size = 0;  // counted when the list began

    bool operator==(const Resumption&) const = default;
};

// The resumption token: opaque (URL-safe base64) and checked strictly when it comes back.
// It carries a checksum, so a token that was cut off or edited is refused as a whole
// instead of being read as some other list. It is not a secret: a forged token could only
// ask for another page of the same public records of the same Werkplaats.
std::string encode_token(const Resumption& resumption);
std::optional<Resumption> decode_token(std::string_view token);

// A request that passed every check the protocol defines without looking at the records.
struct Request {
    Verb verb = Verb::identify;
    std::string identifier;  // GetRecord, and ListMetadataFormats when given
    Selection selection;     // GetRecord (metadata_prefix), ListIdentifiers, ListRecords
    std::optional<Resumption> resumption;
};

// The parsed request, or why it was refused. `echo` holds the arguments for the answer's
// <request> element: they are left out when the verb or an argument is bad, as the protocol
// asks.
struct ParsedRequest {
    std::optional<Request> request;
    std::vector<Error> errors;
    Arguments echo;
};

// Checks the verb, which arguments it takes (none unknown, none repeated, the required ones
// present, a resumption token alone), the dates (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, both
// bounds alike, from not after until) and the metadata prefix. The library has no sets: it is
// small enough to harvest whole, and a deleted publication keeps nothing to place it in one,
// so a set-selective harvester would never learn of its deletion. A set is refused with
// noSetHierarchy.
ParsedRequest parse_request(const Arguments& arguments);

// "2018-10-18T14:00:00Z", the repository's granularity.
std::string format_datestamp(time::Timestamp utc_seconds);

// A datestamp of either granularity; nullopt for anything else. A day is its first second
// (or, with `end_of_day`, its last).
std::optional<time::Timestamp> parse_datestamp(std::string_view text, bool end_of_day);

// The identifier of a publication, "oai:kenniscafe.example.nl:publication/12", and back:
// nullopt unless it is one of this repository's (its host) in exactly that form.
std::string identifier_of(std::string_view repository_host, std::int64_t publication_id);
std::optional<std::int64_t> publication_id_of(std::string_view identifier,
                                              std::string_view repository_host);

// The repository as Identify describes it.
struct Repository {
    std::string name;
    std::string base_url;  // the endpoint itself, e.g. "https://kenniscafe.example.nl/oai"
    std::string host;      // the namespace of the identifiers
    std::string admin_email;
    time::Timestamp earliest_datestamp = 0;
};

// The unqualified Dublin Core of one publication.
struct DublinCore {
    std::string title;
    std::vector<std::string> creators;
    std::vector<std::string> subjects;
    std::string description;
    std::string date;  // "2019-03-01"
    std::vector<std::string> types;
    std::string format;  // a MIME type
    std::vector<std::string> identifiers;
    std::string language = "nl";
    std::string publisher;
};

// What a publication's record says beyond the publication itself.
struct PublicationContext {
    std::string page_url;               // its page on the Werkplaats's public site
    std::string publisher;              // the Werkplaats
    std::vector<std::string> subjects;  // the titles of its themes
};

// The Dublin Core of a publication: a creator per author, its themes as subjects, its summary
// as description, its publication date, its kind as types (`dc_types`), the file's media
// type as format (else "text/html": the page or the link is what one reads), its page and
// link as identifiers, Dutch, and the Werkplaats as publisher.
DublinCore dublin_core(const Publication& publication, const PublicationContext& context);

// A kind as the Dutch repositories type it: the info:eu-repo/semantics type (the
// vocabulary NARCIS and the HBO Kennisbank harvest by), then DCMI's "Text".
std::vector<std::string> dc_types(PublicationKind kind);

// One record: a publication's Dublin Core, or only its header when it was deleted (the
// repository keeps deleted records persistently).
struct Record {
    std::int64_t publication_id = 0;
    time::Timestamp datestamp = 0;
    std::optional<DublinCore> metadata;  // nothing: deleted
};

// The resumption token element of a list page. Every page of an incomplete list has one,
// the last with an empty token; a list that fits one page has none.
struct ResumptionElement {
    std::string token;
    std::size_t complete_list_size = 0;
    std::size_t cursor = 0;
};

// The complete XML answers. `now` is the responseDate; `echo` fills the <request> element.
std::string identify_response(const Repository& repository, const Arguments& echo,
                              time::Timestamp now);
std::string metadata_formats_response(const Repository& repository, const Arguments& echo,
                                      time::Timestamp now);
// ListIdentifiers (headers only), ListRecords or GetRecord (one record).
std::string records_response(Verb verb, const Repository& repository, const Arguments& echo,
                             const std::vector<Record>& records,
                             const std::optional<ResumptionElement>& resumption,
                             time::Timestamp now);
std::string error_response(const Repository& repository, const Arguments& echo,
                           const std::vector<ErrorText>& errors, time::Timestamp now);

// Text made safe for XML 1.0 character data and attribute values: markup characters escaped,
// control characters other than tab and line breaks, characters XML 1.0 does not allow and
// broken UTF-8 left out.
std::string xml_text(std::string_view text);

}  // namespace kc::domain::oai
