#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "live/engine.hpp"
#include "web/http_types.hpp"

namespace kc::web {

// A live outlet that writes to an HTTP channel (WebSocket or event stream).
class SinkOutlet final : public live::Outlet {
  public:
    explicit SinkOutlet(std::shared_ptr<ChannelSink> sink) : sink_(std::move(sink)) {}
    void send(std::shared_ptr<const std::string> message, std::string_view slot) override {
        sink_->send(std::move(message), slot);
    }

  private:
    std::shared_ptr<ChannelSink> sink_;
};

// A phone's channel to a running session (docs/live.md): it joins, states its group and
// answers over it, and hears the question, its acknowledgements and the results.
class PhoneChannel final : public Channel, public std::enable_shared_from_this<PhoneChannel> {
  public:
    // Subscribes an outlet to the seating of the participant's world café, for a phone
    // that joined from its personal link; nullptr when it has none.
    using SeatingSubscriber = std::function<std::unique_ptr<live::Subscription>(
        std::int64_t participant_id, std::shared_ptr<live::Outlet> outlet)>;

    // `participant_id` 0: the phone has not joined yet and may send "join".
    static std::shared_ptr<PhoneChannel> open(live::Engine& engine, std::int64_t session_id,
                                              std::int64_t participant_id,
                                              std::shared_ptr<ChannelSink> sink,
                                              SeatingSubscriber seating);

    void on_message(std::string message) override;
    void on_close() override;

  private:
    PhoneChannel(live::Engine& engine, std::int64_t session_id, std::int64_t participant_id,
                 std::shared_ptr<ChannelSink> sink);
    void send(std::string message);
    void joined(const live::Ticket& ticket);

    live::Engine& engine_;
    const std::int64_t session_id_;
    std::atomic<std::int64_t> participant_id_;
    std::atomic<bool> joining_{false};
    std::shared_ptr<ChannelSink> sink_;
    std::shared_ptr<SinkOutlet> outlet_;
    std::mutex subscription_mutex_;
    std::unique_ptr<live::Subscription> subscription_;
    std::unique_ptr<live::Subscription> seating_;
};

// A channel that only listens: a presenter screen's snapshots, a personal page's seating.
class ListeningChannel final : public Channel {
  public:
    explicit ListeningChannel(std::unique_ptr<live::Subscription> subscription)
        : subscription_(std::move(subscription)) {}
    void on_message(std::string) override {}
    void on_close() override { subscription_.reset(); }

  private:
    std::unique_ptr<live::Subscription> subscription_;
};

}  // namespace kc::web
