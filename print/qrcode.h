#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

class QPainter;
class QRectF;

namespace BidTracker::Print {

/// A QR code made by libqrencode (error correction level M, so a smudged or creased sheet
/// still scans), painted as vector squares: sharp on paper at any size.
class QrCode
{
public:
    /// Nothing when the text does not fit in a QR code (far beyond any id).
    static std::optional<QrCode> encode(const QByteArray& text);

    /// Modules per side, without the quiet zone.
    int size() const { return m_size; }
    bool isDark(int x, int y) const { return m_dark[y * m_size + x]; }
    /// Paints the code centred in the largest square that fits `target`, with the four-module
    /// white quiet zone scanners need inside that square.
    void paint(QPainter& painter, const QRectF& target) const;

private:
    QrCode(int size, QList<bool> dark) : m_size(size), m_dark(std::move(dark)) {}

    int m_size = 0;
    QList<bool> m_dark;
};

} // namespace BidTracker::Print
