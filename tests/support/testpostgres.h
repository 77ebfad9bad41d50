#pragma once

#include <QString>

namespace BidTracker::Testing {

/// The throwaway PostgreSQL cluster the test run started (tests/pg/pgcluster.sh, a ctest
/// fixture), read from the file named by BIDTRACKER_TEST_PG_ENV.
struct TestPostgres
{
    /// True when this run of the suite is meant for PostgreSQL
    /// (BIDTRACKER_TEST_ENGINE=postgresql).
    static bool selected();
    /// postgresql://... of the cluster's own database; empty (and a test failure) when the
    /// cluster's file is missing.
    static QString adminUrl();
    /// Creates a new, empty database on the cluster and returns its URL.
    static QString createDatabase();
    /// Drops a database made by createDatabase(), closing whatever is still connected.
    static void dropDatabase(const QString& url);
};

} // namespace BidTracker::Testing
