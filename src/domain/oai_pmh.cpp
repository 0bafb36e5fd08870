#include "domain/oai_pmh.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>

#include "core/text.hpp"

namespace kc::domain::oai {

namespace {

constexpr time::Timestamp seconds_per_day = 86'400;
// 9999-12-31T23:59:59Z: the last instant a four-digit year can name.
constexpr time::Timestamp last_datestamp = 253'402'300'799;

constexpr std::array<std::pair<Verb, std::string_view>, 6> verb_names{{
    {Verb::identify, "Identify"},
    {Verb::list_metadata_formats, "ListMetadataFormats"},
    {Verb::list_sets, "ListSets"},
    {Verb::list_identifiers, "ListIdentifiers"},
    {Verb::list_records, "ListRecords"},
    {Verb::get_record, "GetRecord"},
}};

std::optional<Verb> verb_from_name(std::string_view name) {
    for (const auto& [verb, spelled] : verb_names) {
        if (spelled == name) return verb;
    }
    return std::nullopt;
}

bool is_list(Verb verb) { return verb == Verb::list_identifiers || verb == Verb::list_records; }

// The arguments a verb takes besides itself; the required ones are checked separately.
std::vector<std::string_view> arguments_of(Verb verb) {
    switch (verb) {
        case Verb::identify:
            return {};
        case Verb::list_metadata_formats:
            return {"identifier"};
        case Verb::list_sets:
            return {"resumptionToken"};
        case Verb::get_record:
            return {"identifier", "metadataPrefix"};
        case Verb::list_identifiers:
        case Verb::list_records:
            return {"metadataPrefix", "from", "until", "set", "resumptionToken"};
    }
    return {};
}

// ---- Resumption tokens ------------------------------------------------------------------

constexpr std::string_view token_version = "1";
constexpr char token_separator = '|';
constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view bytes) {
    std::string encoded;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            encoded += base64_alphabet[(buffer >> bits) & 0x3f];
        }
    }
    if (bits > 0) encoded += base64_alphabet[(buffer << (6 - bits)) & 0x3f];
    return encoded;
}

std::optional<std::string> base64url_decode(std::string_view encoded) {
    std::string bytes;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : encoded) {
        const auto value = base64_alphabet.find(c);
        if (value == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return bytes;
}

// FNV-1a: enough to notice a token that was cut off or edited by hand.
std::string checksum(std::string_view text) {
    std::uint32_t hash = 2'166'136'261u;
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 16'777'619u;
    }
    static constexpr std::string_view hex = "0123456789abcdef";
    std::string written(8, '0');
    for (int i = 7; i >= 0; --i, hash >>= 4) written[static_cast<std::size_t>(i)] = hex[hash & 0xf];
    return written;
}

std::string optional_number(const std::optional<time::Timestamp>& value) {
    return value ? std::to_string(*value) : std::string("-");
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// ---- Requests -----------------------------------------------------------------------------

Error error(ErrorCode code, std::string key, std::string argument = {}) {
    return {code, std::move(key), std::move(argument)};
}

// The value of an argument that may be absent; a present one must not be empty.
const std::string* value_of(const Arguments& arguments, std::string_view name) {
    for (const auto& [given, value] : arguments) {
        if (given == name) return &value;
    }
    return nullptr;
}

// Reads from/until into the selection. Both must have the same granularity.
void read_bounds(const Arguments& arguments, Selection& selection, std::vector<Error>& errors) {
    const std::string* from = value_of(arguments, "from");
    const std::string* until = value_of(arguments, "until");
    if (from) {
        selection.from = parse_datestamp(*from, false);
        if (!selection.from)
            errors.push_back(error(ErrorCode::bad_argument, "oai.bad_date", "from"));
    }
    if (until) {
        selection.until = parse_datestamp(*until, true);
        if (!selection.until) {
            errors.push_back(error(ErrorCode::bad_argument, "oai.bad_date", "until"));
        }
    }
    if (!selection.from || !selection.until) return;
    if (from->size() != until->size()) {
        errors.push_back(error(ErrorCode::bad_argument, "oai.mixed_granularity", "until"));
    } else if (*selection.from > *selection.until) {
        errors.push_back(error(ErrorCode::bad_argument, "oai.from_after_until", "from"));
    }
}

// The checks every verb shares: each argument known to the verb, given once and not empty.
void check_argument_names(Verb verb, const Arguments& arguments, std::vector<Error>& errors) {
    const auto allowed = arguments_of(verb);
    std::vector<std::string_view> seen;
    for (const auto& [name, value] : arguments) {
        if (name == "verb") continue;
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            errors.push_back(error(ErrorCode::bad_argument, "oai.unknown_argument", name));
        } else if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
            errors.push_back(error(ErrorCode::bad_argument, "oai.repeated_argument", name));
        } else if (value.empty()) {
            errors.push_back(error(ErrorCode::bad_argument, "oai.empty_argument", name));
        }
        seen.push_back(name);
    }
}

void read_metadata_prefix(const Arguments& arguments, Selection& selection,
                          std::vector<Error>& errors) {
    const std::string* prefix = value_of(arguments, "metadataPrefix");
    if (!prefix) {
        errors.push_back(error(ErrorCode::bad_argument, "oai.missing_argument", "metadataPrefix"));
        return;
    }
    selection.metadata_prefix = *prefix;
    if (*prefix != dublin_core_prefix) {
        errors.push_back(
            error(ErrorCode::cannot_disseminate_format, "oai.unknown_format", "metadataPrefix"));
    }
}

void read_list_arguments(const Arguments& arguments, Request& request, std::vector<Error>& errors) {
    if (const std::string* token = value_of(arguments, "resumptionToken")) {
        // A resumption token is exclusive: it stands for all the other arguments.
        if (arguments.size() > 2) {
            errors.push_back(
                error(ErrorCode::bad_argument, "oai.token_exclusive", "resumptionToken"));
            return;
        }
        request.resumption = decode_token(*token);
        if (!request.resumption || request.resumption->verb != request.verb) {
            errors.push_back(
                error(ErrorCode::bad_resumption_token, "oai.bad_token", "resumptionToken"));
            request.resumption.reset();
        } else {
            request.selection = request.resumption->selection;
        }
        return;
    }
    read_metadata_prefix(arguments, request.selection, errors);
    read_bounds(arguments, request.selection, errors);
    if (value_of(arguments, "set")) {
        errors.push_back(error(ErrorCode::no_set_hierarchy, "oai.no_sets", "set"));
    }
}

bool refuses_echo(const std::vector<Error>& errors) {
    return std::any_of(errors.begin(), errors.end(), [](const Error& e) {
        return e.code == ErrorCode::bad_verb || e.code == ErrorCode::bad_argument;
    });
}

// ---- XML ----------------------------------------------------------------------------------

// What XML 1.0 allows, less the control characters it discourages (DEL and C1), which no
// publication's text means to hold.
bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c < 0x7F) ||
           (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

class Writer {
  public:
    void open(std::string_view name, const Arguments& attributes = {}) {
        out_ += '<';
        out_ += name;
        for (const auto& [attribute, value] : attributes) {
            out_ += ' ' + attribute + "=\"" + xml_text(value) + '"';
        }
        out_ += '>';
    }
    void close(std::string_view name) {
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
    void element(std::string_view name, std::string_view text, const Arguments& attributes = {}) {
        open(name, attributes);
        out_ += xml_text(text);
        close(name);
    }
    void elements(std::string_view name, const std::vector<std::string>& texts) {
        for (const auto& text : texts) {
            if (!text.empty()) element(name, text);
        }
    }
    void raw(std::string_view markup) { out_ += markup; }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

constexpr std::string_view xsi_namespace = "http://www.w3.org/2001/XMLSchema-instance";

// The envelope: responseDate and request, then the verb's own element, filled by `body`.
template <typename Body>
std::string envelope(const Repository& repository, const Arguments& echo, time::Timestamp now,
                     std::string_view verb_element, Body body) {
    Writer xml;
    xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.open("OAI-PMH", {{"xmlns", "http://www.openarchives.org/OAI/2.0/"},
                         {"xmlns:xsi", std::string(xsi_namespace)},
                         {"xsi:schemaLocation",
                          "http://www.openarchives.org/OAI/2.0/ "
                          "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"}});
    xml.raw("\n");
    xml.element("responseDate", format_datestamp(now));
    xml.element("request", repository.base_url, echo);
    if (verb_element.empty()) {
        body(xml);
    } else {
        xml.open(verb_element);
        xml.raw("\n");
        body(xml);
        xml.close(verb_element);
    }
    xml.close("OAI-PMH");
    return xml.take();
}

void write_header(Writer& xml, const Repository& repository, const Record& record) {
    Arguments status;
    if (!record.metadata) status.emplace_back("status", "deleted");
    xml.open("header", status);
    xml.element("identifier", identifier_of(repository.host, record.publication_id));
    xml.element("datestamp", format_datestamp(record.datestamp));
    xml.close("header");
}

void write_dublin_core(Writer& xml, const DublinCore& dc) {
    xml.open("oai_dc:dc", {{"xmlns:oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"},
                           {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                           {"xmlns:xsi", std::string(xsi_namespace)},
                           {"xsi:schemaLocation",
                            "http://www.openarchives.org/OAI/2.0/oai_dc/ "
                            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"}});
    xml.raw("\n");
    xml.elements("dc:title", {dc.title});
    xml.elements("dc:creator", dc.creators);
    xml.elements("dc:subject", dc.subjects);
    xml.elements("dc:description", {dc.description});
    xml.elements("dc:publisher", {dc.publisher});
    xml.elements("dc:date", {dc.date});
    xml.elements("dc:type", dc.types);
    xml.elements("dc:format", {dc.format});
    xml.elements("dc:identifier", dc.identifiers);
    xml.elements("dc:language", {dc.language});
    xml.close("oai_dc:dc");
}

// A repository identifier the oai-identifier scheme accepts: a domain name of at least two
// labels that start with a letter (so not an IP address or "localhost").
bool is_oai_identifier_host(std::string_view host) {
    const auto labels = split(host, '.');
    if (labels.size() < 2) return false;
    return std::all_of(labels.begin(), labels.end(), [](std::string_view label) {
        if (label.empty() ||
            !((label[0] >= 'a' && label[0] <= 'z') || (label[0] >= 'A' && label[0] <= 'Z'))) {
            return false;
        }
        return std::all_of(label.begin(), label.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-';
        });
    });
}

}  // namespace

std::string_view to_name(Verb verb) {
    for (const auto& [known, spelled] : verb_names) {
        if (known == verb) return spelled;
    }
    return {};
}

std::string_view to_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::bad_argument:
            return "badArgument";
        case ErrorCode::bad_resumption_token:
            return "badResumptionToken";
        case ErrorCode::bad_verb:
            return "badVerb";
        case ErrorCode::cannot_disseminate_format:
            return "cannotDisseminateFormat";
        case ErrorCode::id_does_not_exist:
            return "idDoesNotExist";
        case ErrorCode::no_records_match:
            return "noRecordsMatch";
        case ErrorCode::no_metadata_formats:
            return "noMetadataFormats";
        case ErrorCode::no_set_hierarchy:
            return "noSetHierarchy";
    }
    return {};
}

std::string encode_token(const Resumption& r) {
    std::string payload;
    for (const std::string& field :
         {std::string(token_version), std::string(to_name(r.verb)), r.selection.metadata_prefix,
          optional_number(r.selection.from), optional_number(r.selection.until),
          std::to_string(r.after.datestamp), std::to_string(r.after.publication_id),
          std::to_string(r.cursor), std::to_string(r.complete_list_size)}) {
        payload += field;
        payload += token_separator;
    }
    payload += checksum(payload);
    return base64url_encode(payload);
}

std::optional<Resumption> decode_token(std::string_view token) {
    if (token.empty() || token.size() > 600) return std::nullopt;
    const auto payload = base64url_decode(token);
    if (!payload) return std::nullopt;
    const auto fields = split(*payload, token_separator);
    if (fields.size() != 10 || fields[0] != token_version) return std::nullopt;
    const auto verb = verb_from_name(fields[1]);
    if (!verb || !is_list(*verb) || fields[2] != dublin_core_prefix) return std::nullopt;
    const auto bound = [](std::string_view text) -> std::optional<std::optional<time::Timestamp>> {
        if (text == "-") return std::optional<time::Timestamp>();
        const auto value = text::parse_integer(text, 0, last_datestamp);
        if (!value) return std::nullopt;
        return std::optional<time::Timestamp>(*value);
    };
    const auto from = bound(fields[3]);
    const auto until = bound(fields[4]);
    const auto after_datestamp = text::parse_integer(fields[5], 0, last_datestamp);
    const auto after_id =
        text::parse_integer(fields[6], 0, std::numeric_limits<std::int64_t>::max());
    const auto cursor = text::parse_integer(fields[7], 0, std::numeric_limits<int>::max());
    const auto size = text::parse_integer(fields[8], 0, std::numeric_limits<int>::max());
    if (!from || !until || !after_datestamp || !after_id || !cursor || !size) return std::nullopt;

    Resumption resumption;
    resumption.verb = *verb;
    resumption.selection = {std::string(fields[2]), *from, *until};
    resumption.after = {*after_datestamp, *after_id};
    resumption.cursor = static_cast<std::size_t>(*cursor);
    resumption.complete_list_size = static_cast<std::size_t>(*size);
    if (from->has_value() && until->has_value() && **from > **until) return std::nullopt;
    // Only the token this server wrote is accepted, byte for byte: a changed, shortened or
    // differently spelled one (leading zeros, other padding bits) is not read as something else.
    if (encode_token(resumption) != token) return std::nullopt;
    return resumption;
}

ParsedRequest parse_request(const Arguments& arguments) {
    ParsedRequest parsed;
    std::vector<std::string_view> verbs;
    for (const auto& [name, value] : arguments) {
        if (name == "verb") verbs.push_back(value);
    }
    const auto verb = verbs.size() == 1 ? verb_from_name(verbs.front()) : std::nullopt;
    if (!verb) {
        parsed.errors.push_back(error(ErrorCode::bad_verb,
                                      verbs.size() > 1 ? "oai.repeated_verb"
                                      : verbs.empty()  ? "oai.missing_verb"
                                                       : "oai.unknown_verb",
                                      "verb"));
        return parsed;
    }
    Request request;
    request.verb = *verb;
    check_argument_names(*verb, arguments, parsed.errors);
    if (!parsed.errors.empty()) return parsed;

    switch (*verb) {
        case Verb::identify:
            break;
        case Verb::list_metadata_formats:
            if (const std::string* identifier = value_of(arguments, "identifier")) {
                request.identifier = *identifier;
            }
            break;
        case Verb::list_sets:
            // There are no sets, so no token was ever handed out for this list either.
            parsed.errors.push_back(
                value_of(arguments, "resumptionToken")
                    ? error(ErrorCode::bad_resumption_token, "oai.bad_token", "resumptionToken")
                    : error(ErrorCode::no_set_hierarchy, "oai.no_sets"));
            break;
        case Verb::get_record:
            if (const std::string* identifier = value_of(arguments, "identifier")) {
                request.identifier = *identifier;
            } else {
                parsed.errors.push_back(
                    error(ErrorCode::bad_argument, "oai.missing_argument", "identifier"));
            }
            read_metadata_prefix(arguments, request.selection, parsed.errors);
            break;
        case Verb::list_identifiers:
        case Verb::list_records:
            read_list_arguments(arguments, request, parsed.errors);
            break;
    }
    if (!refuses_echo(parsed.errors)) parsed.echo = arguments;
    if (parsed.errors.empty()) parsed.request = std::move(request);
    return parsed;
}

std::string format_datestamp(time::Timestamp utc_seconds) {
    const auto t = time::civil_from_seconds(utc_seconds);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day,
                  t.hour, t.minute, t.second);
    return buffer;
}

std::optional<time::Timestamp> parse_datestamp(std::string_view text, bool end_of_day) {
    if (text.size() != 10 && text.size() != 20) return std::nullopt;
    // Every character is fixed: a digit where the pattern has one, else the punctuation.
    constexpr std::string_view pattern = "dddd-dd-ddTdd:dd:ddZ";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool digit = text[i] >= '0' && text[i] <= '9';
        if (pattern[i] == 'd' ? !digit : text[i] != pattern[i]) return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t digits) {
        return static_cast<int>(*text::parse_integer(text.substr(at, digits), 0, 9999));
    };
    time::LocalDateTime t{number(0, 4), number(5, 2), number(8, 2), 0, 0, 0};
    if (text.size() == 20) {
        t.hour = number(11, 2);
        t.minute = number(14, 2);
        t.second = number(17, 2);
    }
    if (!time::is_valid(t)) return std::nullopt;
    time::Timestamp seconds = time::days_from_civil(t.year, t.month, t.day) * seconds_per_day +
                              t.hour * 3600 + t.minute * 60 + t.second;
    if (text.size() == 10 && end_of_day) seconds += seconds_per_day - 1;
    if (seconds < 0) return std::nullopt;
    return seconds;
}

std::string identifier_of(std::string_view repository_host, std::int64_t publication_id) {
    return "oai:" + std::string(repository_host) + ":publication/" + std::to_string(publication_id);
}

std::optional<std::int64_t> publication_id_of(std::string_view identifier,
                                              std::string_view repository_host) {
    const std::string prefix = "oai:" + std::string(repository_host) + ":publication/";
    if (!identifier.starts_with(prefix)) return std::nullopt;
    const std::string_view number = identifier.substr(prefix.size());
    // Digits only, no leading zero: one spelling per identifier.
    if (number.empty() || number.front() == '0') return std::nullopt;
    const auto id = text::parse_integer(number, 1, std::numeric_limits<std::int64_t>::max());
    if (!id || number.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    return *id;
}

DublinCore dublin_core(const Publication& publication, const PublicationContext& context) {
    DublinCore dc;
    dc.title = publication.title;
    dc.creators = publication.authors;
    dc.subjects = context.subjects;
    dc.description = publication.summary;
    dc.date = format_calendar_date(publication.published_on);
    dc.types = dc_types(publication.kind);
    dc.format = publication.file ? publication.file->media_type : "text/html";
    dc.identifiers.push_back(context.page_url);
    if (!publication.link.empty()) dc.identifiers.push_back(publication.link);
    dc.publisher = context.publisher;
    return dc;
}

std::vector<std::string> dc_types(PublicationKind kind) {
    const auto eu_repo = [](std::string_view type) {
        return "info:eu-repo/semantics/" + std::string(type);
    };
    std::string type;
    switch (kind) {
        case PublicationKind::research_article:
            type = eu_repo("article");
            break;
        case PublicationKind::advisory_report:
        case PublicationKind::report:
            type = eu_repo("report");
            break;
        case PublicationKind::column:
            type = eu_repo("contributionToPeriodical");
            break;
        // A guide, a blog, a case collection or a magazine issue has no type of its own in the
        // vocabulary.
        case PublicationKind::guide:
        case PublicationKind::blog:
        case PublicationKind::case_collection:
        case PublicationKind::magazine:
            type = eu_repo("other");
            break;
    }
    return {type, "Text"};
}

std::string identify_response(const Repository& repository, const Arguments& echo,
                              time::Timestamp now) {
    return envelope(repository, echo, now, "Identify", [&](Writer& xml) {
        xml.element("repositoryName", repository.name);
        xml.element("baseURL", repository.base_url);
        xml.element("protocolVersion", "2.0");
        xml.element("adminEmail", repository.admin_email);
        xml.element("earliestDatestamp", format_datestamp(repository.earliest_datestamp));
        xml.element("deletedRecord", "persistent");
        xml.element("granularity", "YYYY-MM-DDThh:mm:ssZ");
        if (!is_oai_identifier_host(repository.host)) return;
        xml.open("description");
        xml.open("oai-identifier", {{"xmlns", "http://www.openarchives.org/OAI/2.0/oai-identifier"},
                                    {"xmlns:xsi", std::string(xsi_namespace)},
                                    {"xsi:schemaLocation",
                                     "http://www.openarchives.org/OAI/2.0/oai-identifier "
                                     "http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"}});
        xml.element("scheme", "oai");
        xml.element("repositoryIdentifier", repository.host);
        xml.element("delimiter", ":");
        xml.element("sampleIdentifier", identifier_of(repository.host, 1));
        xml.close("oai-identifier");
        xml.close("description");
    });
}

std::string metadata_formats_response(const Repository& repository, const Arguments& echo,
                                      time::Timestamp now) {
    return envelope(repository, echo, now, "ListMetadataFormats", [](Writer& xml) {
        xml.open("metadataFormat");
        xml.element("metadataPrefix", dublin_core_prefix);
        xml.element("schema", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
        xml.element("metadataNamespace", "http://www.openarchives.org/OAI/2.0/oai_dc/");
        xml.close("metadataFormat");
    });
}

std::string records_response(Verb verb, const Repository& repository, const Arguments& echo,
                             const std::vector<Record>& records,
                             const std::optional<ResumptionElement>& resumption,
                             time::Timestamp now) {
    return envelope(repository, echo, now, to_name(verb), [&](Writer& xml) {
        for (const auto& record : records) {
            if (verb == Verb::list_identifiers) {
                write_header(xml, repository, record);
                continue;
            }
            xml.open("record");
            write_header(xml, repository, record);
            if (record.metadata) {
                xml.open("metadata");
                write_dublin_core(xml, *record.metadata);
                xml.close("metadata");
            }
            xml.close("record");
        }
        if (resumption && verb != Verb::get_record) {
            xml.element("resumptionToken", resumption->token,
                        {{"completeListSize", std::to_string(resumption->complete_list_size)},
                         {"cursor", std::to_string(resumption->cursor)}});
        }
    });
}

std::string error_response(const Repository& repository, const Arguments& echo,
                           const std::vector<ErrorText>& errors, time::Timestamp now) {
    return envelope(repository, echo, now, {}, [&](Writer& xml) {
        for (const auto& e : errors) {
            xml.element("error", e.text, {{"code", std::string(to_name(e.code))}});
        }
    });
}

std::string xml_text(std::string_view text) {
    std::string safe;
    safe.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto decoded = text::decode_code_point(text, at);
        if (decoded.length == 0) {
            ++at;  // not UTF-8: left out
            continue;
        }
        const std::string_view bytes = text.substr(at, decoded.length);
        at += decoded.length;
        if (!is_xml_char(decoded.value)) continue;
        switch (decoded.value) {
            case '&':
                safe += "&amp;";
                break;
            case '<':
                safe += "&lt;";
                break;
            case '>':
                safe += "&gt;";
                break;
            case '"':
                safe += "&quot;";
                break;
            case '\'':
                safe += "&apos;";
                break;
            // Kept as characters in element text, but an attribute value would turn them
            // into spaces: written as references, they survive both.
            case '\t':
                safe += "&#9;";
                break;
            case '\n':
                safe += "&#10;";
                break;
            case '\r':
                safe += "&#13;";
                break;
            default:
                safe += bytes;
        }
    }
    return safe;
}

}  // namespace kc::domain::oai
