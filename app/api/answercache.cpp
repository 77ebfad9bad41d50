#include "answercache.h"

#include "model/auctionservice.h"

namespace BidTracker::Api {

AnswerCache::AnswerCache(Model::AuctionService& service) : m_service(service) {}

bool AnswerCache::current()
{
    const quint64 own = m_service.ownChanges();
    if (m_announced != m_announcedSeen || own != m_ownChangesSeen) {
        m_answers.clear();
        m_announcedSeen = m_announced;
        m_ownChangesSeen = own;
    }
    if (!m_dataVersion || !m_sinceVersionCheck.isValid() ||
        m_sinceVersionCheck.elapsed() >= ExternalCheckMs) {
        const auto stamp = m_service.changeStamp();
        m_sinceVersionCheck.start();
        if (!stamp) {
            m_answers.clear();
            m_dataVersion.reset();
            return false;
        }
        if (stamp->dataVersion != m_dataVersion)
            m_answers.clear();
        m_dataVersion = stamp->dataVersion;
    }
    return true;
}

std::optional<ApiResponse> AnswerCache::find(const QString& target)
{
    if (!current())
        return std::nullopt;
    if (auto hit = m_answers.constFind(target); hit != m_answers.constEnd())
        return *hit;
    return std::nullopt;
}

void AnswerCache::store(const QString& target, const ApiResponse& answer)
{
    if (!m_dataVersion)
        return;
    if (m_answers.size() >= MaxAnswers)
        m_answers.clear();
    m_answers.insert(target, answer);
}

} // namespace BidTracker::Api
