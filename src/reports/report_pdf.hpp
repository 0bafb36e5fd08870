#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "reports/report_model.hpp"

namespace kc::reports {

// A café's report as an A4 PDF for print: real text in DejaVu Sans (selectable, searchable,
// the font embedded), the organiser's Markdown as paragraphs, lists and quotes, attendance
// and live results as bars drawn in vector graphics with their numbers beside them, and the
// page number at the foot of every page. Throws std::runtime_error if cairo cannot write it.
std::string report_pdf(const Report& report, const Words& words);

// Told after each chapter of a magazine is set: how many of how many, and which café.
using MagazineProgress =
    std::function<void(std::size_t done, std::size_t total, const std::string& cafe)>;

// The magazine as an A4 PDF: a cover, the foreword, an overview of the cafés with the
// attendance charts, a table of contents with page numbers, a chapter per café (each on a
// new page, each a bookmark in the reader's outline) and a closing page with the contact
// details. The document is set twice: the first pass finds the page every chapter starts on,
// the second writes the contents with those numbers. `progress` is told about the second.
std::string magazine_pdf(const Magazine& magazine, const Words& words,
                         const MagazineProgress& progress);

}  // namespace kc::reports
