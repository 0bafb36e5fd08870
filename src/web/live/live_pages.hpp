#pragma once

#include <memory>

#include "live/engine.hpp"
#include "web/routes.hpp"
#include "web/site.hpp"

namespace kc::web {

// The participant's side of a live session: joining with the code, answering without an
// account (also without JavaScript), and the phone's channel (live_phone_pages.cpp).
class PhonePages {
  public:
    PhonePages(Site& site, live::Engine& engine) : site_(site), engine_(engine) {}
    void add_routes(Routes& routes);

  private:
    struct Phone;
    // The running session the path's {code} names, and the phone's participant in it.
    std::optional<Phone> phone_of(const VisitPtr& visit);
    void code_page(const VisitPtr& visit);
    void code_submit(const VisitPtr& visit);
    void phone_page(const VisitPtr& visit);
    void join_submit(const VisitPtr& visit);
    void answer_submit(const VisitPtr& visit);
    void group_submit(const VisitPtr& visit);
    void channel(const VisitPtr& visit);
    void api_join(const VisitPtr& visit);
    void api_answer(const VisitPtr& visit);
    Response code_response(const VisitPtr& visit, const std::string& typed, bool not_found);

    Site& site_;
    live::Engine& engine_;
};

// Preparing, presenting and steering live sessions (organisers and hosts), and mounting
// the participant's pages.
class LivePages final : public Component {
  public:
    explicit LivePages(Site& site);
    void add_routes(Routes& routes) override;

  private:
    void sessions_page(const VisitPtr& visit, const Access& access);
    Response sessions_response(const VisitPtr& visit, const Access& access,
                               const FieldErrors& errors, const std::string& title);
    void create_session(const VisitPtr& visit, const Access& access);
    void editor_page(const VisitPtr& visit, const Access& access);
    // The question form shows `form`; the settings form shows `settings` (what was typed
    // when it came back with errors, else the session as stored).
    Response editor_response(const VisitPtr& visit, const Access& access,
                             const domain::live::QuestionSettings& form, std::int64_t editing_id,
                             const app::LiveSession& settings, const FieldErrors& errors);
    void settings_submit(const VisitPtr& visit, const Access& access);
    void delete_session(const VisitPtr& visit, const Access& access);
    void question_submit(const VisitPtr& visit, const Access& access);
    void question_delete(const VisitPtr& visit, const Access& access);
    void question_move(const VisitPtr& visit, const Access& access);
    void control_page(const VisitPtr& visit, const Access& access);
    void control_submit(const VisitPtr& visit, const Access& access);
    void moderation_submit(const VisitPtr& visit, const Access& access);
    void screen_page(const VisitPtr& visit, const Access& access);
    void presenter_channel(const VisitPtr& visit, const Access& access);
    void results_csv(const VisitPtr& visit, const Access& access);

    Site& site_;
    live::Engine& engine_;
    PhonePages phone_pages_;
};

}  // namespace kc::web
