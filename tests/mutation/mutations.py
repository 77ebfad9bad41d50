# The mutations tests/mutation/run.py applies, one at a time, to a copy of the tree. Each is
# a small textual change found by a regular expression (so that it survives code moving
# around it), and the test executables and gtest filters that should kill it.
#
#   name      what the mutation does, in words
#   file      the file it changes (relative to the tree)
#   find      a regular expression; its first match is replaced (it must match)
#   replace   the replacement (re.sub syntax)
#   tests     [(executable under build/tests, gtest filter), ...]: the suite that must fail

MODEL = "model_tests"
API = "api_tests"

MUTATIONS = [
    dict(
        name="drop the increment of the item's bid count",
        file="model/auctionservice_bids.cpp",
        find=r"m_storage\.setItemStanding\(target->id, winner, added,",
        replace="m_storage.setItemStanding(target->id, winner, 0,",
        tests=[(MODEL, "BidService.*:UserService.*:ItemService.*:Generator.*:SaleRules.*"), (API, "Api*")],
    ),
    dict(
        name="keep a refused low bid's row",
        file="model/auctionservice_bids.cpp",
        find=r"(const Money lowest = lowestAcceptable\(\*target, settings\.increments\);\n)",
        replace=r"""\1        if (request.value && *request.value < lowest)
            (void)m_storage.insertBid(Bid{0, request.itemId, request.userId, *request.value, utcTimestampNow(), {}, {}});
""",
        tests=[(API, "ApiBids.*:Requests/ApiBadInput.*")],
    ),
    dict(
        name="accept a bid equal to the winning one (minimum increment ignored)",
        file="model/auctionservice_bids.cpp",
        find=r"\} else if \(value < lowest\) \{",
        replace="} else if (value < *target->winningValue) {",
        tests=[(MODEL, "BidService.*:SaleRules.*"), (API, "HttpBidRace.*:ApiBids.*")],
    ),
    dict(
        name="accept bids on a closed item",
        file="model/auctionservice_bids.cpp",
        find=r"if \(target->status == ItemStatus::Closed\)",
        replace="if (false)",
        tests=[(MODEL, "BidService.*"), (API, "ApiBids.*")],
    ),
    dict(
        name="skip BEGIN IMMEDIATE (a deferred transaction)",
        file="model/storage/sqlitestorage.cpp",
        find=r"BEGIN IMMEDIATE",
        replace="BEGIN DEFERRED",
        tests=[(MODEL, "BidRace.*:BidService.*"), (API, "HttpBidRace.*")],
    ),
    dict(
        name="no transaction at all (each statement commits alone)",
        file="model/storage/sqlitestorage.cpp",
        find=r'm_db\.exec\(QStringLiteral\("BEGIN IMMEDIATE"\)\)',
        replace='m_db.exec(QStringLiteral("SELECT 1"))',
        tests=[(MODEL, "BidRace.*:BidService.*:CsvImport.*"), (API, "HttpBidRace.*")],
    ),
    dict(
        name="recompute the winner in the wrong order after a delete (the leader's lowest bid)",
        file="model/auctionservice_lots.cpp",
        find=r"if \(cents > own\.cents\)",
        replace="if (own.bidId == 0 || cents < own.cents)",
        tests=[(MODEL, "BidService.*:SaleRules.*"), (API, "ApiBids.*")],
    ),
    dict(
        name="keep the automatic bids made after a deleted bid",
        file="model/auctionservice_lots.cpp",
        find=r"if \(e\.automatic && after\) \{",
        replace="if (false) {",
        tests=[(MODEL, "SaleRules.*")],
    ),
    dict(
        name="accept a bid after the lot's closing time",
        file="model/auctionservice_bids.cpp",
        find=r"!closes\.isEmpty\(\) && now >= closes\)",
        replace="false)",
        tests=[(MODEL, "Closing.*"), (API, "ApiSaleRules.*")],
    ),
    dict(
        name="close a lot on time however often it closed already",
        file="model/storage/sqlstorage_lots.cpp",
        find=r"WHERE status = 'open' AND closes_at IS NOT NULL",
        replace="WHERE closes_at IS NOT NULL",
        tests=[(MODEL, "Closing.*")],
    ),
    dict(
        name="soft close without its cap",
        file="model/lotrules.cpp",
        find=r"std::min\(at\.addSecs\(softClose\.extendSeconds\), cap\)",
        replace="at.addSecs(softClose.extendSeconds)",
        tests=[(MODEL, "Closing.*")],
    ),
    dict(
        name="skip the Host check",
        file="app/api/apiserver.cpp",
        find=r"!hostAllowed\(",
        replace="false && !hostAllowed(",
        tests=[(API, "*")],
    ),
    dict(
        name="skip the token check",
        file="app/api/apiserver.cpp",
        find=r"request\.authorized = !m_settings\.authRequired \|\| tokenMatches\(",
        replace="request.authorized = true || tokenMatches(",
        tests=[(API, "*")],
    ),
    dict(
        name="serve invoices, payments and the summary without the token",
        file="app/api/apiserver.cpp",
        find=r"!request\.authorized && needsToken\(",
        replace="false && needsToken(",
        tests=[(API, "ApiPersonalData.*")],
    ),
    dict(
        name="one answer cache for every reader",
        file="app/api/apiserver.cpp",
        find=r"\(request\.authorized \? QStringLiteral\(\"token \"\)",
        replace='(true ? QStringLiteral("token ")',
        tests=[(API, "ApiPersonalData.*")],
    ),
    dict(
        name="read and write a FIFO or a folder as a file",
        file="model/filepolicy.cpp",
        find=r"if \(!S_ISREG\(target->st_mode\)\)",
        replace="if (false)",
        tests=[(MODEL, "FilePolicy.*")],
    ),
    dict(
        name="take an SQLite file for a CSV",
        file="model/filepolicy.cpp",
        find=r"case Header::Database:\n(\s*)return refusal",
        replace=r"case Header::Database:\n\1if (false) return refusal",
        tests=[(MODEL, "FilePolicy.*")],
    ),
    dict(
        name="serve a stale cached answer after this process's own change",
        file="app/api/answercache.cpp",
        find=r"(if \(m_announced != m_announcedSeen \|\| own != m_ownChangesSeen\) \{\n)(\s*)clear\(\);",
        replace=r"\1\2(void)0;",
        tests=[(API, "*")],
    ),
    dict(
        name="no body cap (the guard lets any declared length through)",
        file="app/api/connectionguard.cpp",
        find=r"if \(head->contentLength > m_limits\.maxBodyBytes\)",
        replace="if (false)",
        tests=[(API, "ConnectionGuard.*")],
    ),
    dict(
        name="sell a lot closed below its reserve (the one decision of sold)",
        file="model/rules/lotview.cpp",
        find=r"if \(reserveCents && priceCents < \*reserveCents\)",
        replace="if (false)",
        tests=[(MODEL, "LotView.*:CsvExport.*:LotColumns.*")],
    ),
    dict(
        name="count down to the lot's own time, ignoring close_all_at",
        file="model/rules/lotview.cpp",
        find=r"view\.closesAt = closingTime\(item, settings\);",
        replace="view.closesAt = normalizedUtc(item.closesAt);",
        tests=[(MODEL, "LotView.*:LotColumns.*")],
    ),
    dict(
        name="keep a 429 or 5xx answer under its Idempotency-Key (the key never free again)",
        file="model/idempotency.cpp",
        find=r"return \(status >= 200 && status < 300\) \|\| \(status >= 400 && status < 500 && status != 429\);",
        replace="return status >= 200;",
        tests=[(API, "ApiIdempotency.*")],
    ),
    dict(
        name="replay a kept answer for another body under the same key",
        file="model/idempotency.cpp",
        find=r"if \(kept\.bodyHash == key\.bodyHash\)",
        replace="if (true)",
        tests=[(API, "ApiIdempotency.*")],
    ),
    dict(
        name="carry out a repeat while the first still waits for its batch",
        file="app/api/apiserver.cpp",
        find=r"if \(m_inFlight\.contains\(scope\)\)",
        replace="if (false)",
        tests=[(API, "ApiIdempotency.*")],
    ),
    dict(
        name="keep no answer for a bid placed in a batch",
        file="app/api/bidbatcher.cpp",
        find=r"if \(auto ok = m_service\.keepAnswer\(\*keys\[i\], Idempotency::kept\(answers\[i\]\)\); !ok\)",
        replace="if (Model::Result<void> ok; !ok)",
        tests=[(API, "ApiIdempotency.*")],
    ),
]
