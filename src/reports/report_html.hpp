#pragma once

#include <string>

#include "reports/report_model.hpp"

namespace kc::reports {

// A report as an HTML fragment: one <section> per part that has data, headed at
// `heading_level` (2 on the report's own page, 3 inside a magazine chapter), the organiser's
// Markdown rendered safely, attendance as a bar chart with the same numbers in a table
// beneath it, the live questions as the presenter's charts. Ids start with `id_prefix`, so
// several reports can share one page. The title is left to the caller, who knows its level.
std::string report_html(const Report& report, const Words& words, int heading_level,
                        const std::string& id_prefix);

// Attendance by group: a bar chart of the counts the public may read exactly, and a table
// beneath it with every group, a hidden one as "minder dan 5", and the total.
std::string attendance_html(const AttendanceTable& table, const Words& words,
                            const std::string& title, const std::string& id_prefix);

// The magazine as one standalone HTML document with its own print style sheet: cover,
// foreword, overview with the attendance charts, contents, a chapter per café and the
// Werkplaats's contact details.
std::string magazine_html(const Magazine& magazine, const Words& words);

}  // namespace kc::reports
