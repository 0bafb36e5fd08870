#pragma once

#include <optional>
#include <string>

#include "app/library.hpp"
#include "web/routes.hpp"
#include "web/site.hpp"

namespace kc::web {

// What an organiser typed in the publication form, kept to show it again with its errors.
struct PublicationForm {
    domain::Publication publication;
    std::string published_on;  // as typed
    std::string kind;          // as chosen
    std::optional<app::FileUpload> file;
    FieldErrors errors;
};

// The knowledge library ("Kennisbank"): the public search and publication pages with their
// files and JSON-LD, the organisers' pages to add, change and delete publications
// (library_pages.cpp), and its JSON API (library_api.cpp).
class LibraryPages final : public Component {
  public:
    explicit LibraryPages(Site& site) : site_(site) {}
    void add_routes(Routes& routes) override;

  private:
    void search_page(const VisitPtr& visit);
    void publication_page(const VisitPtr& visit);
    void file_download(const VisitPtr& visit);

    void manage_page(const VisitPtr& visit, const Access& access);
    void new_page(const VisitPtr& visit, const Access& access);
    // Adds a publication, or changes the one the path names.
    void save_submit(const VisitPtr& visit, const Access& access);
    void edit_page(const VisitPtr& visit, const Access& access);
    void delete_page(const VisitPtr& visit, const Access& access);
    void delete_submit(const VisitPtr& visit, const Access& access);
    Response form_response(const VisitPtr& visit, const Access& access, const PublicationForm& form,
                           int status);
    // Answers a write of the form: to the edit page when done, else the form again.
    Response form_outcome(const VisitPtr& visit, const Access& access, PublicationForm form,
                          const app::LibraryOutcome& outcome);

    void api_search(const VisitPtr& visit);
    void api_create(const VisitPtr& visit, const Access& access);

    // A publication of the visit's public site, deleted ones included (410).
    std::optional<domain::Publication> site_publication(const Visit& visit);

    Site& site_;
};

}  // namespace kc::web
