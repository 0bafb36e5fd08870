#include "reports/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "reports/svg_chart.hpp"

namespace kc::reports {

QrCode encode_qr(std::string_view text) {
    const std::string copy(text);
    // Version 0 lets libqrencode pick the smallest version that holds the text.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(
        QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!encoded) throw std::runtime_error("text too long for a QR code: " + copy);
    QrCode code;
    code.size = encoded->width;
    code.dark.resize(static_cast<std::size_t>(code.size) * code.size);
    for (std::size_t i = 0; i < code.dark.size(); ++i) {
        // The lowest bit of each byte says whether the module is dark.
        code.dark[i] = (encoded->data[i] & 1) != 0;
    }
    return code;
}

std::string qr_svg(const QrCode& code, std::string_view label) {
    const int side = code.size + 2 * qr_quiet_zone;
    std::string path;
    for (int y = 0; y < code.size; ++y) {
        for (int x = 0; x < code.size; ++x) {
            if (!code.is_dark(x, y)) continue;
            path += 'M' + std::to_string(x + qr_quiet_zone) + ' ' +
                    std::to_string(y + qr_quiet_zone) + "h1v1h-1z";
        }
    }
    const std::string size = std::to_string(side);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + ' ' + size +
           "\" role=\"img\" aria-label=\"" + xml_escape(label) +
           "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size +
           "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace kc::reports
