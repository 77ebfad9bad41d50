#include "writetransaction.h"

#include "storage/database.h"

namespace BidTracker::Model {

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        m_db.storage().rollback();
}

Result<void> WriteTransaction::begin()
{
    auto ok = m_db.storage().beginWrite();
    m_active = ok.has_value();
    return ok;
}

Result<void> WriteTransaction::commit()
{
    auto ok = m_db.storage().commit();
    if (ok)
        m_active = false;
    return ok;
}

} // namespace BidTracker::Model
