#pragma once

#include "model/rules/increments.h"

#include <QWidget>
#include <expected>

class QPushButton;
class QTableWidget;

namespace BidTracker::Gui {

/// The auction's increment table as editable rows "from" / "step" (RULES.md 2), with rows
/// added and removed and the common table of online auctions offered as a preset.
class IncrementTableEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncrementTableEditor)

public:
    explicit IncrementTableEditor(QWidget* parent = nullptr);

    /// The common online table: 0.05 up to 1, 0.25 up to 5, ... 100 above 5,000.
    static Model::Rules::IncrementTable commonOnlineTable();

    void setTable(const Model::Rules::IncrementTable& table);
    /// The rows as typed, or why not, naming the row and column ("Increments, row 2, step:
    /// ..."). Blank rows are left out; ascending order is the model's check.
    std::expected<Model::Rules::IncrementTable, QString> table() const;

    QTableWidget* rows() const { return m_rows; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* presetButton() const { return m_preset; }

private:
    void appendRow(const QString& from, const QString& step);

    QTableWidget* m_rows;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_preset;
};

} // namespace BidTracker::Gui
