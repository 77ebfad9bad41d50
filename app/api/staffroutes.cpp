// Staff accounts, their tokens and the audit log (API.md "Staff"): admin only, refused by the
// model (forbidden_role) for any other role.
#include "jsonwriter.h"
#include "model/csv/csvwriter.h"
#include "model/staffservice.h"
#include "requestinput.h"
#include "routecontext.h"

#include <QBuffer>
#include <QJsonDocument>

namespace BidTracker::Api {

namespace {

using Model::StaffService;

QString staffId(qint64 id)
{
    return QStringLiteral("staff%1").arg(id);
}

/// "staff7" -> 7; 404 unknown_staff (unknown_token) for anything else.
Input::Parsed<qint64> prefixedId(const QString& text, const QString& prefix,
                                 Model::Error::Reason unknown)
{
    bool ok = false;
    const qint64 id = text.startsWith(prefix) ? text.mid(prefix.size()).toLongLong(&ok) : 0;
    if (ok && id > 0 && !text.mid(prefix.size()).startsWith(u'+'))
        return id;
    return std::unexpected(Input::fromError(
        Model::Error::refused(unknown,
                              QStringLiteral("No %1 is called \"%2\"").arg(prefix, text.left(40)))
            .with(prefix, text.left(40))));
}

QJsonObject staffJson(const Model::StaffAccount& account)
{
    return {{QStringLiteral("name"), account.name},
            {QStringLiteral("role"), Model::roleName(account.role)},
            {QStringLiteral("active"), account.active}};
}

ApiResponse invalid(const QString& field, const QString& message)
{
    return Input::invalidField(field, message);
}

/// The "staff" object of a POST or PUT, every field checked for its type; unknown fields
/// are refused, naming them.
Input::Parsed<StaffService::AccountChanges> accountFields(const QByteArray& body, bool creating)
{
    auto root = Input::jsonObject(body);
    if (!root)
        return std::unexpected(root.error());
    const QJsonValue wrapped = root->value(QStringLiteral("staff"));
    if (!wrapped.isObject())
        return std::unexpected(invalid(QStringLiteral("staff"),
                                       QStringLiteral("The body must be {\"staff\": {...}}")));
    const QJsonObject fields = wrapped.toObject();
    StaffService::AccountChanges changes;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString key = it.key();
        if (key == u"name" || key == u"pin") {
            if (!it->isString())
                return std::unexpected(invalid(key, key + QStringLiteral(" must be a string")));
            (key == u"name" ? changes.name : changes.secret) = it->toString();
        } else if (key == u"role") {
            const auto role = Model::parseRole(it->toString());
            if (!it->isString() || !role)
                return std::unexpected(invalid(
                    key, QStringLiteral("role must be viewer, check-in, clerk, cashier or admin")));
            changes.role = role;
        } else if (key == u"active" && !creating) {
            if (!it->isBool())
                return std::unexpected(
                    invalid(key, QStringLiteral("active must be true or false")));
            changes.active = it->toBool();
        } else {
            return std::unexpected(invalid(key, QStringLiteral("Unknown field \"%1\"").arg(key)));
        }
    }
    if (creating) {
        for (const auto& [present, name] : {std::pair{changes.name.has_value(), "name"},
                                            std::pair{changes.role.has_value(), "role"},
                                            std::pair{changes.secret.has_value(), "pin"}}) {
            if (!present)
                return std::unexpected(invalid(
                    QString::fromLatin1(name),
                    QStringLiteral("Missing required field %1").arg(QString::fromLatin1(name))));
        }
    }
    return changes;
}

QJsonObject entryJson(const Model::AuditEntry& entry)
{
    return {{QStringLiteral("entry_id"), entry.id},
            {QStringLiteral("at"), entry.at},
            {QStringLiteral("staff"), entry.staff},
            {QStringLiteral("station"), entry.station},
            {QStringLiteral("action"), entry.action},
            {QStringLiteral("object"), entry.object},
            {QStringLiteral("before"), QJsonDocument::fromJson(entry.before).object()},
            {QStringLiteral("after"), QJsonDocument::fromJson(entry.after).object()},
            {QStringLiteral("hash"), entry.hash}};
}

Model::AuditFilter auditFilter(const QUrlQuery& query)
{
    const auto value = [&](const char* name) {
        return query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    return {value("object"), value("staff"), value("station"),
            value("action"), value("since"), value("until")};
}

void addAccountRoutes(Router& router, RouteContext& context)
{
    const QString staff = apiPrefix + QStringLiteral("/staff");
    router.add("GET", staff, [&context](const ApiRequest& request, const Router::Params&) {
        auto accounts = StaffService(context.db, request.actor).accounts();
        if (!accounts)
            return Input::fromError(accounts.error());
        QJsonArray list;
        for (const Model::StaffAccount& account : *accounts) {
            QJsonObject row = staffJson(account);
            row.insert(QStringLiteral("staff_id"), staffId(account.id));
            list.append(row);
        }
        return ApiResponse::json(200, list);
    });
    router.add("POST", staff, [&context](const ApiRequest& request, const Router::Params&) {
        auto fields = accountFields(request.body, true);
        if (!fields)
            return fields.error();
        auto added = StaffService(context.db, request.actor)
                         .addAccount(*fields->name, *fields->role, *fields->secret);
        if (!added)
            return Input::fromError(added.error());
        return created(QJsonObject{{QStringLiteral("staff_id"), staffId(added->id)},
                                   {QStringLiteral("staff"), staffJson(*added)}},
                       apiPrefix + QStringLiteral("/staff/") + staffId(added->id));
    });
    const QString one = staff + QStringLiteral("/{staff_id}");
    router.add("PUT", one, [&context](const ApiRequest& request, const Router::Params& params) {
        auto id =
            prefixedId(params[0], QStringLiteral("staff"), Model::Error::Reason::UnknownStaff);
        if (!id)
            return id.error();
        auto fields = accountFields(request.body, false);
        if (!fields)
            return fields.error();
        auto changed = StaffService(context.db, request.actor).updateAccount(*id, *fields);
        if (!changed)
            return Input::fromError(changed.error());
        return ApiResponse::json(200, QJsonObject{{QStringLiteral("staff_id"), staffId(*id)},
                                                  {QStringLiteral("staff"), staffJson(*changed)}});
    });
    router.add("DELETE", one, [&context](const ApiRequest& request, const Router::Params& params) {
        auto id =
            prefixedId(params[0], QStringLiteral("staff"), Model::Error::Reason::UnknownStaff);
        if (!id)
            return id.error();
        auto gone = StaffService(context.db, request.actor).deactivate(*id);
        return gone ? ApiResponse::noContent() : Input::fromError(gone.error());
    });
}

void addTokenRoutes(Router& router, RouteContext& context)
{
    router.add(
        "POST", apiPrefix + QStringLiteral("/staff/{staff_id}/tokens"),
        [&context](const ApiRequest& request, const Router::Params& params) {
            auto id =
                prefixedId(params[0], QStringLiteral("staff"), Model::Error::Reason::UnknownStaff);
            if (!id)
                return id.error();
            auto root = Input::jsonObject(request.body);
            if (!root)
                return root.error();
            const QJsonValue name =
                root->value(QStringLiteral("token")).toObject().value(QStringLiteral("name"));
            if (!name.isString())
                return invalid(QStringLiteral("name"),
                               QStringLiteral("The body must be {\"token\": {\"name\": "
                                              "\"...\"}}"));
            auto made = StaffService(context.db, request.actor).addToken(*id, name.toString());
            if (!made)
                return Input::fromError(made.error());
            const QString tokenId = QStringLiteral("token%1").arg(made->first.id);
            return created(QJsonObject{{QStringLiteral("token_id"), tokenId},
                                       {QStringLiteral("token"), made->second}},
                           apiPrefix + QStringLiteral("/tokens/") + tokenId);
        });
    router.add("DELETE", apiPrefix + QStringLiteral("/tokens/{token_id}"),
               [&context](const ApiRequest& request, const Router::Params& params) {
                   auto id = prefixedId(params[0], QStringLiteral("token"),
                                        Model::Error::Reason::UnknownToken);
                   if (!id)
                       return id.error();
                   auto gone = StaffService(context.db, request.actor).revokeToken(*id);
                   return gone ? ApiResponse::noContent() : Input::fromError(gone.error());
               });
}

void addAuditRoutes(Router& router, RouteContext& context)
{
    router.add("GET", apiPrefix + QStringLiteral("/audit"),
               [&context](const ApiRequest& request, const Router::Params&) {
                   const auto page = Input::page(request.query);
                   if (!page)
                       return page.error();
                   auto found = StaffService(context.db, request.actor)
                                    .audit(auditFilter(request.query),
                                           page->limit < 0 ? Input::DefaultPageRows : page->limit,
                                           page->offset);
                   if (!found)
                       return Input::fromError(found.error());
                   QJsonArray rows;
                   for (const Model::AuditEntry& entry : found->first)
                       rows.append(entryJson(entry));
                   return listResponse(QJsonDocument(rows).toJson(QJsonDocument::Compact),
                                       found->second, request, *page, rows.size());
               });
    router.add("GET", apiPrefix + QStringLiteral("/export/audit.csv"),
               [&context](const ApiRequest& request, const Router::Params&) {
                   StaffService staff(context.db, request.actor);
                   QByteArray csv;
                   QBuffer buffer(&csv);
                   buffer.open(QIODevice::WriteOnly);
                   Model::CsvWriter writer(buffer);
                   writer.writeRow({QStringLiteral("entry_id"), QStringLiteral("at"),
                                    QStringLiteral("staff"), QStringLiteral("station"),
                                    QStringLiteral("action"), QStringLiteral("object"),
                                    QStringLiteral("before"), QStringLiteral("after"),
                                    QStringLiteral("hash")});
                   constexpr qint64 Slice = 5000;
                   for (qint64 offset = 0;; offset += Slice) {
                       auto found = staff.audit({}, Slice, offset);
                       if (!found)
                           return Input::fromError(found.error());
                       for (const Model::AuditEntry& e : found->first)
                           writer.writeRow({QString::number(e.id), e.at, e.staff, e.station,
                                            e.action, e.object, QString::fromUtf8(e.before),
                                            QString::fromUtf8(e.after), e.hash});
                       if (found->first.size() < Slice)
                           break;
                   }
                   writer.flush();
                   return ApiResponse::raw(200, QByteArrayLiteral("text/csv; charset=utf-8"), csv);
               });
}

} // namespace

void addStaffRoutes(Router& router, RouteContext& context)
{
    addAccountRoutes(router, context);
    addTokenRoutes(router, context);
    addAuditRoutes(router, context);
}

} // namespace BidTracker::Api
