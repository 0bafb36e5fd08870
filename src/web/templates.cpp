#include "web/templates.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace kc::web {

namespace {

using kainjow::mustache::mustache;

std::atomic<std::uint64_t> next_serial{1};

// Per thread and per Templates instance, the compiled templates by name.
thread_local std::unordered_map<std::uint64_t,
                                std::unordered_map<std::string, std::unique_ptr<mustache>>>
    compiled_per_thread;

}  // namespace

Templates Templates::load(const std::string& directory) {
    Templates templates;
    templates.serial_ = next_serial.fetch_add(1);
    if (!std::filesystem::is_directory(directory)) {
        throw std::runtime_error("template folder not found: " + directory);
    }
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.path().extension() != ".mustache") continue;
        std::ifstream file(entry.path());
        std::stringstream buffer;
        buffer << file.rdbuf();
        mustache check(buffer.str());
        if (!check.is_valid()) {
            throw std::runtime_error("template " + entry.path().string() + ": " +
                                     check.error_message());
        }
        templates.sources_[entry.path().stem().string()] = buffer.str();
    }
    templates.partials_ = kainjow::mustache::data(kainjow::mustache::data::type::object);
    for (const auto& [name, source] : templates.sources_) {
        templates.partials_.set(name,
                                kainjow::mustache::partial([source = source] { return source; }));
    }
    return templates;
}

std::string Templates::render(const std::string& name, const kainjow::mustache::data& page,
                              const kainjow::mustache::data& texts) const {
    auto& compiled = compiled_per_thread[serial_];
    auto found = compiled.find(name);
    if (found == compiled.end()) {
        const auto source = sources_.find(name);
        if (source == sources_.end()) throw std::logic_error("no template named " + name);
        found = compiled.emplace(name, std::make_unique<mustache>(source->second)).first;
    }
    kainjow::mustache::context<std::string> context(&partials_);
    context.push(&texts);
    context.push(&page);
    return found->second->render(context);
}

}  // namespace kc::web
