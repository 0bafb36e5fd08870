#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <string>

namespace kc::web {

// The mustache templates of templates/*.mustache, read once at start. Compiled
// templates are not safe to share between threads, so each thread compiles its
// own copy on first use. Mustache escapes {{values}} by default; only {{{body}}}
// of the layout takes ready-made HTML.
class Templates {
  public:
    // Reads every *.mustache file in the directory; throws std::runtime_error
    // naming a file that is missing or does not parse.
    static Templates load(const std::string& directory);

    // Renders a template with the page data on top of the language's texts.
    std::string render(const std::string& name, const kainjow::mustache::data& page,
                       const kainjow::mustache::data& texts) const;

  private:
    std::map<std::string, std::string> sources_;
    // Every template is also available as a partial: {{> name}}.
    kainjow::mustache::data partials_;
    std::uint64_t serial_ = 0;
};

}  // namespace kc::web
