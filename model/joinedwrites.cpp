#include "joinedwrites.h"

namespace BidTracker::Model {

namespace {

/// Each thread has its own connections, so the mark is the thread's.
thread_local const Database* t_joined = nullptr;

} // namespace

bool writesJoined(const Database& db)
{
    return t_joined == &db;
}

JoinedWrites::JoinedWrites(const Database& db) : m_previous(t_joined)
{
    t_joined = &db;
}

JoinedWrites::~JoinedWrites()
{
    t_joined = m_previous;
}

} // namespace BidTracker::Model
