// AuctionService::writeTransaction, shared by the service's source files (not a public
// header: it is part of the service's implementation).
#pragma once

#include "auctionservice.h"
#include "storage/storage.h"
#include "writetransaction.h"

namespace BidTracker::Model {

template <typename Work> auto AuctionService::writeTransaction(Work&& work) -> decltype(work())
{
    if (m_joined) {
        // Part of inOneTransaction(): a savepoint, so a refusal undoes only this write; the
        // changes are announced when the whole transaction commits.
        if (auto ok = m_storage.savepoint(); !ok)
            return fail(ok.error());
        const qsizetype recorded = m_pending.size();
        const qsizetype noted = m_auditNotes.size(); // written when the whole one commits
        auto done = work();
        if (done) {
            if (auto ok = m_storage.releaseSavepoint(); !ok)
                return fail(ok.error());
            return done;
        }
        m_pending.resize(recorded);
        m_auditNotes.resize(noted);
        m_joinedTransient = m_joinedTransient || done.error().transient;
        m_storage.rollbackToSavepoint();
        return done;
    }
    for (int attempt = 1;; ++attempt) {
        m_pending.clear();
        m_auditNotes.clear();
        auto result = [&]() -> decltype(work()) {
            WriteTransaction transaction(m_db);
            if (auto ok = transaction.begin(); !ok)
                return fail(ok.error());
            auto done = work();
            if (!done)
                return done; // the transaction rolls back as it goes out of scope
            if (auto ok = writeAudit(); !ok)
                return fail(ok.error());
            if (auto ok = m_storage.announceToOthers(m_pending); !ok)
                return fail(ok.error());
            if (auto ok = transaction.commit(); !ok)
                return fail(ok.error());
            return done;
        }();
        if (result) {
            announcePending();
            return result;
        }
        m_pending.clear();
        if (!result.error().transient || attempt == MaxAttempts)
            return result;
    }
}

} // namespace BidTracker::Model
