# Precompiled headers: every file of a target parses the same standard, Qt and GoogleTest
# headers, which is about half of its compile time. Precompiling them once per target cuts
# the cold build (and so each CI stage) by the figure in the README (Development).
# Only headers every file of the target may see: the model links no Widgets.
option(BIDTRACKER_PCH "Precompile the common standard, Qt and GoogleTest headers" ON)

set(BIDTRACKER_PCH_CORE
    <algorithm> <expected> <functional> <memory> <optional> <utility> <vector>
    <QByteArray> <QDateTime> <QHash> <QList> <QObject> <QSet> <QString> <QStringList>
    <QVariant> <QJsonArray> <QJsonDocument> <QJsonObject>)
set(BIDTRACKER_PCH_SQL <QSqlDatabase> <QSqlError> <QSqlQuery>)
set(BIDTRACKER_PCH_WIDGETS <QWidget> <QDialog> <QLineEdit> <QLabel> <QAbstractItemModel>)
set(BIDTRACKER_PCH_TESTS <gtest/gtest.h>)

# bidtracker_precompile(TARGET [SQL] [WIDGETS] [TESTS])
function(bidtracker_precompile target)
    if(NOT BIDTRACKER_PCH)
        return()
    endif()
    set(headers ${BIDTRACKER_PCH_CORE})
    foreach(part IN LISTS ARGN)
        list(APPEND headers ${BIDTRACKER_PCH_${part}})
    endforeach()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
