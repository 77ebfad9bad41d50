#pragma once

#include <QAbstractItemModelTester>
#include <QStringList>
#include <memory>

namespace BidTracker::Testing {

/// Runs Qt's QAbstractItemModelTester on a model for as long as it lives, collecting every
/// complaint it makes so a GoogleTest can assert there were none.
class ModelCheck
{
public:
    explicit ModelCheck(QAbstractItemModel* model);
    ~ModelCheck();

    /// The tester's complaints so far.
    QStringList failures() const;

private:
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

} // namespace BidTracker::Testing
