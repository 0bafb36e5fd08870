#include "web/live/live_channel.hpp"

#include <variant>

#include "live/messages.hpp"

namespace kc::web {

std::shared_ptr<PhoneChannel> PhoneChannel::open(live::Engine& engine, std::int64_t session_id,
                                                 std::int64_t participant_id,
                                                 std::shared_ptr<ChannelSink> sink,
                                                 SeatingSubscriber seating) {
    auto channel = std::shared_ptr<PhoneChannel>(
        new PhoneChannel(engine, session_id, participant_id, std::move(sink)));
    for (auto& message : engine.phone_greeting(session_id, participant_id)) {
        channel->sink_->send(std::move(message));
    }
    auto subscription = engine.subscribe_phone(session_id, participant_id, channel->outlet_);
    if (!subscription) return nullptr;
    channel->subscription_ = std::move(subscription);
    // One channel per phone: a participant from a personal link hears its world-café table
    // on the same connection.
    if (participant_id != 0 && seating)
        channel->seating_ = seating(participant_id, channel->outlet_);
    return channel;
}

PhoneChannel::PhoneChannel(live::Engine& engine, std::int64_t session_id,
                           std::int64_t participant_id, std::shared_ptr<ChannelSink> sink)
    : engine_(engine),
      session_id_(session_id),
      participant_id_(participant_id),
      sink_(std::move(sink)),
      outlet_(std::make_shared<SinkOutlet>(sink_)) {}

void PhoneChannel::send(std::string message) {
    sink_->send(std::make_shared<const std::string>(std::move(message)));
}

void PhoneChannel::on_message(std::string text) {
    std::string problem;
    auto message = live::parse_client_message(text, problem);
    if (!message) return send(live::error_message(problem));
    const std::int64_t participant = participant_id_.load();

    if (auto* join = std::get_if<live::JoinMessage>(&*message)) {
        if (participant != 0 || joining_.exchange(true)) {
            return send(live::error_message("Deze telefoon doet al mee."));
        }
        const std::int64_t group = engine_.group_by_slug(session_id_, join->group);
        engine_.join(session_id_, group, std::move(join->nickname), std::nullopt,
                     [self = shared_from_this()](std::optional<live::Ticket> ticket) {
                         self->joining_ = false;
                         if (!ticket) {
                             return self->send(live::error_message(
                                 "Meedoen lukte niet. Probeer het zo opnieuw."));
                         }
                         self->joined(*ticket);
                     });
        return;
    }
    if (participant == 0) {
        return send(live::error_message("Doe eerst mee (join) voordat je antwoordt."));
    }
    if (auto* group = std::get_if<live::GroupMessage>(&*message)) {
        const std::int64_t group_id = engine_.group_by_slug(session_id_, group->group);
        if (!engine_.set_group(session_id_, participant, group_id)) {
            return send(live::error_message("Je groep staat al vast, of deze groep bestaat niet."));
        }
        for (auto& greeting : engine_.phone_greeting(session_id_, participant)) {
            sink_->send(std::move(greeting));
        }
        return;
    }
    if (std::holds_alternative<live::PingMessage>(*message)) return send(live::pong_message());

    auto& answer = std::get<live::AnswerMessage>(*message);
    std::string client_id = answer.client_id;
    engine_.answer(session_id_, participant, std::move(answer),
                   [sink = sink_, client_id = std::move(client_id)](live::AnswerStatus status) {
                       auto reply = live::is_acknowledged(status)
                                        ? live::ack_message(client_id, status)
                                        : live::rejected_message(client_id, status);
                       sink->send(std::make_shared<const std::string>(std::move(reply)));
                   });
}

void PhoneChannel::joined(const live::Ticket& ticket) {
    participant_id_ = ticket.participant_id;
    {
        std::lock_guard lock(subscription_mutex_);
        if (subscription_) subscription_->set_participant(ticket.participant_id);
    }
    send(live::welcome_message(ticket));
    // The question came with the greeting when the channel opened; only the phone's own
    // state is new.
    if (auto you = engine_.you(session_id_, ticket.participant_id)) sink_->send(std::move(you));
}

void PhoneChannel::on_close() {
    std::lock_guard lock(subscription_mutex_);
    subscription_.reset();
    seating_.reset();
}

}  // namespace kc::web
