#include "web/i18n.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kc::web {

namespace {

using kainjow::mustache::data;

data flatten_into(const boost::json::object& object, const std::string& prefix,
                  std::map<std::string, std::string>& texts, const std::string& path) {
    data node(data::type::object);
    for (const auto& [key, value] : object) {
        const std::string full_key =
            prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
        if (value.is_string()) {
            const std::string text(value.get_string());
            texts[full_key] = text;
            node.set(std::string(key), data(text));
        } else if (value.is_object()) {
            node.set(std::string(key), flatten_into(value.get_object(), full_key, texts, path));
        } else {
            throw std::runtime_error(path + ": '" + full_key + "' must be a text or an object");
        }
    }
    return node;
}

}  // namespace

std::string_view to_code(Language language) { return language == Language::en ? "en" : "nl"; }

Catalogue Catalogue::load(const std::string& path) {
    std::ifstream file(path);
    if (!file) throw std::runtime_error("cannot read translations " + path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    boost::system::error_code error;
    const auto parsed = boost::json::parse(buffer.str(), error);
    if (error || !parsed.is_object()) {
        throw std::runtime_error(path + " is not a JSON object: " + error.message());
    }
    Catalogue catalogue;
    catalogue.template_data_ = data(data::type::object);
    catalogue.template_data_.set("t",
                                 flatten_into(parsed.get_object(), "", catalogue.texts_, path));
    return catalogue;
}

std::string Catalogue::text(std::string_view key, long long number) const {
    const auto found = texts_.find(std::string(key));
    if (found == texts_.end()) return std::string(key);
    std::string result = found->second;
    const auto placeholder = result.find("{n}");
    if (placeholder != std::string::npos) result.replace(placeholder, 3, std::to_string(number));
    return result;
}

Translations Translations::load(const std::string& directory) {
    Translations translations;
    translations.nl_ = Catalogue::load(directory + "/nl.json");
    translations.en_ = Catalogue::load(directory + "/en.json");
    return translations;
}

}  // namespace kc::web
