#pragma once

#include "requestinput.h"

#include "model/rules/invoicemath.h"

#include <QJsonObject>
#include <QJsonValue>

// The field readers the JSON bodies share (defined in checkoutbodies.cpp).
namespace BidTracker::Api::Body {

/// The object under `key` of the body, or the 400 that says why there is none.
Input::Parsed<QJsonObject> envelope(const QByteArray& body, const QString& key,
                                    const QString& label);
/// The shortest text that reads back as the same double: what the sender wrote.
QString numberText(double value);
/// A percentage such as 15 or 8.25, in basis points.
std::expected<Model::Rules::BasisPoints, QString> rateField(const QJsonValue& value,
                                                            const QString& label);
/// A whole JSON number from `low` to `high`.
std::expected<qint64, QString> wholeField(const QJsonValue& value, const QString& label, qint64 low,
                                          qint64 high);
/// A string field; null reads as empty (clears it).
void textField(const QJsonObject& fields, const QString& key, const QString& label,
               std::optional<QString>& target, QJsonObject& problems);

} // namespace BidTracker::Api::Body
