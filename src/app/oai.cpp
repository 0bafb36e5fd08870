#include "app/oai.hpp"

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "app/library.hpp"

namespace kc::app {

namespace {

namespace oai = domain::oai;

// Builds the records of one answer; remembers theme titles, which many publications share.
class RecordMaker {
  public:
    RecordMaker(Queries& queries, const OaiRepository& repository)
        : queries_(queries), repository_(repository) {}

    oai::Record record(const domain::Publication& publication, time::Timestamp datestamp) {
        oai::Record record{publication.id, datestamp, std::nullopt};
        if (publication.deleted_at) return record;
        std::vector<std::string> subjects;
        for (const auto theme_id : publication.theme_ids) {
            if (const auto& title = theme_title(theme_id)) subjects.push_back(*title);
        }
        record.metadata =
            oai::dublin_core(publication, {repository_.site_url + publication_path(publication.id),
                                           repository_.repository.name, std::move(subjects)});
        return record;
    }

  private:
    const std::optional<std::string>& theme_title(std::int64_t theme_id) {
        const auto known = titles_.find(theme_id);
        if (known != titles_.end()) return known->second;
        std::optional<std::string> title;
        // A theme of another Werkplaats is never named, whatever a publication points at.
        if (const auto theme = queries_.theme(theme_id);
            theme && theme->werkplaats_id == repository_.werkplaats_id) {
            title = theme->title;
        }
        return titles_.emplace(theme_id, std::move(title)).first->second;
    }

    Queries& queries_;
    const OaiRepository& repository_;
    std::map<std::int64_t, std::optional<std::string>> titles_;
};

// The publication an identifier names, when it is one of this Werkplaats's (deleted or not).
std::optional<domain::Publication> harvested_publication(Queries& queries,
                                                         const OaiRepository& repository,
                                                         const std::string& identifier) {
    const auto id = oai::publication_id_of(identifier, repository.repository.host);
    if (!id) return std::nullopt;
    auto publication = queries.publication(*id);
    if (!publication || publication->werkplaats_id != repository.werkplaats_id) {
        return std::nullopt;
    }
    return publication;
}

class Answer {
  public:
    Answer(Queries& queries, const OaiRepository& repository, oai::ParsedRequest parsed,
           time::Timestamp now, const OaiDescribe& describe, std::size_t page_size)
        : queries_(queries),
          site_(repository),
          repository_(repository.repository),
          parsed_(std::move(parsed)),
          now_(now),
          describe_(describe),
          page_size_(page_size) {
        repository_.earliest_datestamp =
            queries.earliest_publication_change(repository.werkplaats_id).value_or(now);
    }

    std::string write() {
        if (!parsed_.request) return refuse(parsed_.errors);
        const auto& request = *parsed_.request;
        switch (request.verb) {
            case oai::Verb::identify:
                return oai::identify_response(repository_, parsed_.echo, now_);
            case oai::Verb::list_metadata_formats:
                if (!request.identifier.empty() &&
                    !harvested_publication(queries_, site_, request.identifier)) {
                    return refuse_unknown_identifier();
                }
                return oai::metadata_formats_response(repository_, parsed_.echo, now_);
            case oai::Verb::get_record:
                return record(request);
            case oai::Verb::list_identifiers:
            case oai::Verb::list_records:
                return list(request);
            case oai::Verb::list_sets:
                break;  // the parser refuses it: there are no sets
        }
        return refuse({{oai::ErrorCode::no_set_hierarchy, "oai.no_sets", {}}});
    }

  private:
    std::string refuse(const std::vector<oai::Error>& errors) const {
        std::vector<oai::ErrorText> texts;
        for (const auto& error : errors) texts.push_back({error.code, describe_(error)});
        return oai::error_response(repository_, parsed_.echo, texts, now_);
    }

    std::string refuse_unknown_identifier() const {
        return refuse(
            {{oai::ErrorCode::id_does_not_exist, "oai.unknown_identifier", "identifier"}});
    }

    std::string record(const oai::Request& request) {
        const auto publication = harvested_publication(queries_, site_, request.identifier);
        if (!publication) return refuse_unknown_identifier();
        RecordMaker maker(queries_, site_);
        return oai::records_response(request.verb, repository_, parsed_.echo,
                                     {maker.record(*publication, publication->updated_at)},
                                     std::nullopt, now_);
    }

    std::string list(const oai::Request& request) {
        const auto& selection = request.selection;
        oai::Resumption state;
        std::optional<PublicationCursor> after;
        if (request.resumption) {
            state = *request.resumption;
            after = PublicationCursor{state.after.datestamp, state.after.publication_id};
        } else {
            state.verb = request.verb;
            state.selection = selection;
            state.complete_list_size = queries_.count_publication_changes(
                site_.werkplaats_id, selection.from, selection.until);
        }
        // One more than a page tells whether another page follows.
        auto changes = queries_.publication_changes(site_.werkplaats_id, selection.from,
                                                    selection.until, after, page_size_ + 1);
        // Also when a token's remaining records have all changed beyond `until` since: a list
        // element may not be empty.
        if (changes.empty())
            return refuse({{oai::ErrorCode::no_records_match, "oai.no_records", {}}});
        const bool more = changes.size() > page_size_;
        if (more) changes.resize(page_size_);

        RecordMaker maker(queries_, site_);
        std::vector<oai::Record> records;
        records.reserve(changes.size());
        for (const auto& change : changes) {
            records.push_back(maker.record(change.publication, change.updated_at));
        }
        // A list that fits one page has no token; every page of a longer one has, the last
        // an empty one.
        std::optional<oai::ResumptionElement> element;
        if (more || request.resumption) {
            element = oai::ResumptionElement{{}, state.complete_list_size, state.cursor};
        }
        if (more) {
            oai::Resumption next = state;
            next.after = {changes.back().updated_at, changes.back().publication.id};
            next.cursor += changes.size();
            element->token = oai::encode_token(next);
        }
        return oai::records_response(request.verb, repository_, parsed_.echo, records, element,
                                     now_);
    }

    Queries& queries_;
    const OaiRepository& site_;
    oai::Repository repository_;
    oai::ParsedRequest parsed_;
    time::Timestamp now_;
    const OaiDescribe& describe_;
    std::size_t page_size_;
};

}  // namespace

std::string answer_oai(Queries& queries, const OaiRepository& repository,
                       const domain::oai::Arguments& arguments, time::Timestamp now,
                       const OaiDescribe& describe, std::size_t page_size) {
    return Answer(queries, repository, oai::parse_request(arguments), now, describe, page_size)
        .write();
}

}  // namespace kc::app
