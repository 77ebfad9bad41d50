#pragma once

#include "model/error.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <algorithm>
#include <utility>

namespace BidTracker::Model {

/// The key a record is found by; overloaded for records whose key is not `id`.
template <typename Record> qint64 recordId(const Record& record)
{
    return record.id;
}

/// The row bookkeeping shared by the tables that hold one record per row, keyed by the
/// record's id: applying a fresh copy of a record updates, inserts or removes its row with
/// the matching model signals, so views keep their selection and scroll position.
template <typename Record, int Columns> class RecordTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : Columns;
    }
    /// The row holding the record with this id, or -1.
    int rowOfId(qint64 id) const { return m_rowById.value(id, -1); }
    const Record& recordAt(int row) const { return m_rows.at(row); }
    const QList<Record>& records() const { return m_rows; }

protected:
    /// Flags that make `nameColumn` editable in place.
    Qt::ItemFlags flagsWithEditableName(const QModelIndex& index, int nameColumn) const
    {
        Qt::ItemFlags flags = QAbstractTableModel::flags(index);
        if (index.isValid() && index.column() == nameColumn)
            flags |= Qt::ItemIsEditable;
        return flags;
    }
    /// The record and the new name an in-place edit asks for, or null when it asks nothing.
    const Record* renameAskedFor(const QModelIndex& index, const QVariant& value, int role,
                                 int nameColumn) const
    {
        if (role != Qt::EditRole ||
            !this->checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid) ||
            index.column() != nameColumn)
            return nullptr;
        const Record& record = recordAt(index.row());
        return value.toString() == record.name ? nullptr : &record;
    }

    void resetRows(QList<Record> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        reindexFrom(0);
        endResetModel();
    }

    /// `fresh` is the record as the database has it now; NotFound means it is gone.
    /// Other failures leave the row as it is: the next change will bring it up to date.
    void applyRecord(qint64 id, const Result<Record>& fresh, bool insertAtTop = false)
    {
        if (!fresh) {
            if (fresh.error().code == Error::Code::NotFound)
                removeRecord(id);
            return;
        }
        if (const int row = rowOfId(id); row >= 0) {
            m_rows[row] = *fresh;
            Q_EMIT dataChanged(index(row, 0), index(row, Columns - 1));
            return;
        }
        const int row = insertAtTop ? 0 : static_cast<int>(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.insert(row, *fresh);
        reindexFrom(row);
        endInsertRows();
    }

    /// Fresh copies of many records at once (a batch of changes): the rows still there are
    /// updated in place with one dataChanged() over their span, so a sorting proxy and the
    /// view take them in once, not once a row; new records are inserted, gone ones removed.
    void applyRecords(const QList<std::pair<qint64, Result<Record>>>& fresh)
    {
        int first = -1;
        int last = -1;
        for (const auto& [id, record] : fresh) {
            const int row = rowOfId(id);
            if (!record || row < 0)
                continue;
            m_rows[row] = *record;
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
        if (last >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, Columns - 1));
        for (const auto& [id, record] : fresh) {
            if (!record || rowOfId(id) < 0)
                applyRecord(id, record);
        }
    }

    /// Adds rows at the end (for models that fetch more as the view scrolls).
    void appendRecords(QList<Record> more)
    {
        if (more.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(more.size()) - 1);
        m_rows.append(std::move(more));
        reindexFrom(first);
        endInsertRows();
    }

    /// Brings the rows in line with `fresh` one row at a time: rows gone are removed, the
    /// others updated in place or appended.
    void syncRecords(const QList<Record>& fresh)
    {
        QSet<qint64> keep;
        for (const Record& record : fresh)
            keep.insert(recordId(record));
        QList<qint64> gone;
        for (const Record& record : std::as_const(m_rows)) {
            if (!keep.contains(recordId(record)))
                gone.append(recordId(record));
        }
        for (const qint64 id : gone)
            removeRecord(id);
        for (const Record& record : fresh)
            applyRecord(recordId(record), record);
    }

    void removeRecord(qint64 id)
    {
        const int row = rowOfId(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m_rowById.remove(id);
        reindexFrom(row);
        endRemoveRows();
    }

private:
    void reindexFrom(int first)
    {
        if (first == 0)
            m_rowById.clear();
        for (int row = first; row < m_rows.size(); ++row)
            m_rowById.insert(recordId(m_rows[row]), row);
    }

    QList<Record> m_rows;
    QHash<qint64, int> m_rowById;
};

} // namespace BidTracker::Model
