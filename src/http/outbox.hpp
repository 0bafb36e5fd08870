#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kc::http {

// The messages waiting to be written to one long-lived channel, in the order they were sent.
// It knows nothing of sockets, so that its rules can be tested without a server.
//
// A message sent with a non-empty slot is a snapshot: it drops the unsent message of the same
// slot, and goes to the end of the queue instead of taking the old one's place. So every message
// still arrives after everything that was sent before it (a tally never overtakes the question it
// counts), and a slow client gets the latest state instead of a backlog of stale ones.
class Outbox {
  public:
    using Message = std::shared_ptr<const std::string>;

    void push(Message message, std::string_view slot);

    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }

    // Takes the oldest message; the outbox must not be empty.
    Message pop();

    void clear();

  private:
    struct Entry {
        Message message;
        std::string slot;
    };

    // A vector rather than a deque: a deque allocates a block even when it is empty, and an
    // idle connection should cost nothing here. Queues are short, so taking from the front is
    // cheap enough.
    std::vector<Entry> entries_;
};

}  // namespace kc::http
