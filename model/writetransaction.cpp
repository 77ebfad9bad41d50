#include "writetransaction.h"

#include "database.h"

namespace BidTracker::Model {

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
}

Result<void> WriteTransaction::begin()
{
    auto ok = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    m_active = ok.has_value();
    return ok;
}

Result<void> WriteTransaction::commit()
{
    auto ok = m_db.exec(QStringLiteral("COMMIT"));
    if (ok)
        m_active = false;
    return ok;
}

} // namespace BidTracker::Model
