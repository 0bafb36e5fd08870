#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <string_view>

namespace kc::web {

enum class Language { nl, en };

std::string_view to_code(Language language);

// The interface texts of one language, from i18n/<code>.json: nested objects of
// strings, looked up by dotted keys ("error.required") in code and as
// {{t.error.required}} in templates.
class Catalogue {
  public:
    // Loads and checks a file; throws std::runtime_error naming the file and problem.
    static Catalogue load(const std::string& path);

    // The text for a key, with "{n}" replaced by `number`. A missing key shows the
    // key itself, which tests catch.
    std::string text(std::string_view key, long long number = 0) const;
    bool has(std::string_view key) const { return texts_.count(std::string(key)) > 0; }
    const kainjow::mustache::data& as_template_data() const { return template_data_; }

  private:
    std::map<std::string, std::string> texts_;
    kainjow::mustache::data template_data_;
};

// Both languages; Dutch is the default.
class Translations {
  public:
    static Translations load(const std::string& directory);
    const Catalogue& operator[](Language language) const {
        return language == Language::en ? en_ : nl_;
    }

  private:
    Catalogue nl_;
    Catalogue en_;
};

}  // namespace kc::web
