#include "answercache.h"

#include "model/auctionservice.h"

namespace BidTracker::Api {

AnswerCache::AnswerCache(Model::AuctionService& service) : m_service(service) {}

bool AnswerCache::current()
{
    const quint64 own = m_service.ownChanges();
    if (m_announced != m_announcedSeen || own != m_ownChangesSeen) {
        clear();
        m_announcedSeen = m_announced;
        m_ownChangesSeen = own;
    }
    if (!m_dataVersion || !m_sinceVersionCheck.isValid() ||
        m_sinceVersionCheck.elapsed() >= ExternalCheckMs) {
        const auto stamp = m_service.changeStamp();
        m_sinceVersionCheck.start();
        if (!stamp) {
            clear();
            m_dataVersion.reset();
            return false;
        }
        if (stamp->dataVersion != m_dataVersion)
            clear();
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

void AnswerCache::clear()
{
    m_answers.clear();
    m_bytes = 0;
}

qint64 AnswerCache::weight(const QString& target, const ApiResponse& answer)
{
    qint64 bytes = answer.body.size() + answer.contentType.size() + target.size() * 2 + 128;
    for (const auto& [name, value] : answer.headers)
        bytes += name.size() + value.size() + 32;
    return bytes;
}

void AnswerCache::store(const QString& target, const ApiResponse& answer)
{
    if (!m_dataVersion)
        return;
    const qint64 bytes = weight(target, answer);
    if (bytes > MaxAnswerBytes || m_answers.contains(target))
        return;
    if (m_answers.size() >= MaxAnswers || m_bytes + bytes > MaxBytes)
        clear();
    m_answers.insert(target, answer);
    m_bytes += bytes;
}

} // namespace BidTracker::Api
