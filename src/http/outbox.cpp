#include "http/outbox.hpp"

#include <algorithm>
#include <utility>

namespace kc::http {

void Outbox::push(Message message, std::string_view slot) {
    if (!slot.empty()) {
        std::erase_if(entries_, [slot](const Entry& entry) { return entry.slot == slot; });
    }
    entries_.push_back(Entry{std::move(message), std::string(slot)});
}

Outbox::Message Outbox::pop() {
    Message message = std::move(entries_.front().message);
    entries_.erase(entries_.begin());
    // Gives the storage back once the burst is written: thousands of idle connections should
    // not each keep the capacity of their busiest moment.
    if (entries_.empty()) clear();
    return message;
}

void Outbox::clear() { std::vector<Entry>().swap(entries_); }

}  // namespace kc::http
