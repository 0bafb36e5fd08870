#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc::reports {

// A QR code as a square of modules, row by row; true is dark. Readers need a light quiet
// zone of four modules around it, which the drawing functions add.
struct QrCode {
    int size = 0;
    std::vector<bool> dark;

    bool is_dark(int x, int y) const { return dark[static_cast<std::size_t>(y) * size + x]; }
};

// Modules of quiet zone that readers need around a code.
inline constexpr int qr_quiet_zone = 4;

// Encodes `text` (UTF-8, e.g. a personal link) with medium error correction, which still
// scans from a creased or slightly stained card. Throws std::runtime_error when the text is
// too long for a QR code.
QrCode encode_qr(std::string_view text);

// The code as a scalable SVG with its quiet zone, one path for all dark modules, and
// role="img" with `label` as its accessible name.
std::string qr_svg(const QrCode& code, std::string_view label);

}  // namespace kc::reports
