// The rules of real sales as the operator meets them in the window: the lot dialog's
// reserve, buy-now price and closing time, the lots' live countdown, maximum bids and
// automatic ones, buy now and closing every open lot at once.
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "ui/itemdialog.h"
#include "ui/tablepage.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QUndoStack>
#include <functional>

using namespace BidTracker;
using namespace BidTracker::Testing;

namespace {

/// Runs `fill` on the lot dialog once it is open (the dialog runs its own event loop).
void whenItemDialogOpens(std::function<void(Gui::ItemDialog*)> fill)
{
    QTimer::singleShot(50, [fill = std::move(fill)] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* dialog = qobject_cast<Gui::ItemDialog*>(widget);
                dialog && dialog->isVisible()) {
                fill(dialog);
                return;
            }
        ADD_FAILURE() << "no lot dialog open";
    });
}

template <typename Field> Field* field(Gui::ItemDialog* dialog, const char* name)
{
    auto* found = dialog->findChild<Field*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

void setText(Gui::ItemDialog* dialog, const char* name, const QString& text)
{
    field<QLineEdit>(dialog, name)->setText(text);
}

/// The lots table's cell for this lot and column, as the view shows it.
QModelIndex lotCell(WindowFixture& f, qint64 id, int column)
{
    QAbstractItemModel* shown = f.items()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        if (shown->index(row, 0).data(Model::IdRole).toLongLong() == id)
            return shown->index(row, column);
    return {};
}

/// Seconds in a time left as the table shows it ("0:04", "1:05:09").
int secondsIn(const QString& text)
{
    int seconds = 0;
    for (const QString& part : text.split(u':'))
        seconds = seconds * 60 + part.toInt();
    return seconds;
}

} // namespace

TEST(Countdown, ALotClosingInSecondsCountsDownInRedThenSaysClosed)
{
    // GIVEN lot 2 closing six seconds from now, selected in the Lots table
    WindowFixture f;
    Model::ItemChanges changes;
    changes.closesAt = QDateTime::currentDateTimeUtc().addSecs(6).toString(Qt::ISODateWithMs);
    ASSERT_TRUE(f.auction.service().updateItem(2, changes).has_value());
    f.window->itemsPage()->selectId(1);
    const QModelIndex left = lotCell(f, 2, Model::ItemsTableModel::TimeLeft);
    ASSERT_TRUE(left.isValid());
    const QString first = left.data().toString();
    // THEN it counts down without the table being reset, in red
    QSignalSpy resets(f.items()->model(), &QAbstractItemModel::modelReset);
    ASSERT_TRUE(waitFor([&] { return left.data().toString() != first; }, 2500))
        << first.toStdString();
    EXPECT_LT(secondsIn(left.data().toString()), secondsIn(first));
    EXPECT_LE(secondsIn(first), 6);
    auto* delegate = qobject_cast<Gui::HighlightDelegate*>(f.items()->itemDelegate());
    ASSERT_NE(delegate, nullptr);
    const QColor red = delegate->optionFor(left, f.items()).palette.color(QPalette::Text);
    EXPECT_GT(red.red(), 150);
    EXPECT_LT(red.green(), 100);
    EXPECT_EQ(resets.size(), 0);
    // AND its column stays wide enough for what it shows
    EXPECT_GE(f.items()->columnWidth(Model::ItemsTableModel::TimeLeft),
              f.items()->fontMetrics().horizontalAdvance(left.data().toString()));
    // WHEN the lot is closed
    ASSERT_TRUE(f.window->actions()->setLotOpen(2, false));
    // THEN it says closed, in the table's grey
    EXPECT_EQ(left.data().toString(), QStringLiteral("closed"));
    EXPECT_NE(delegate->optionFor(left, f.items()).palette.color(QPalette::Text), red);
}

TEST(LotDialog, KeepsReserveBuyNowAndClosingTimeAndRefusesABadAmountNamingTheField)
{
    // GIVEN lot 2 of the sample auction, which closes by hand
    WindowFixture f;
    const Model::Item before = *f.auction.service().item(2);
    ASSERT_TRUE(before.closesAt.isEmpty());
    const QDateTime closes =
        QDateTime(QDate::currentDate().addDays(3), QTime(21, 30), Qt::LocalTime);
    const QLocale locale;
    QString refusal;
    bool stayedOpen = false;
    // WHEN the operator types a reserve with three decimals, then corrects it, and fills in
    // the rest as people type amounts in this locale
    whenItemDialogOpens([&](Gui::ItemDialog* dialog) {
        field<QPlainTextEdit>(dialog, "description")
            ->setPlainText(QStringLiteral("Oak, 1890.\nRestored in 2020."));
        setText(dialog, "donor", QStringLiteral("  Smith   family "));
        setText(dialog, "fairMarketValue", locale.toString(1500) + QStringLiteral(".00"));
        setText(dialog, "reserve", QStringLiteral("12.345"));
        setText(dialog, "buyNow", locale.toString(2500));
        field<QCheckBox>(dialog, "closesByHand")->setChecked(false);
        field<QDateTimeEdit>(dialog, "closesAt")->setDateTime(closes);
        dialog->accept();
        refusal = dialog->error();
        stayedOpen = dialog->isVisible();
        setText(dialog, "reserve", QStringLiteral("900"));
        dialog->accept();
    });
    ASSERT_EQ(f.window->actions()->editItem(2), 2);
    // THEN the bad amount was refused in the dialog, naming the field, and nothing changed then
    EXPECT_TRUE(stayedOpen);
    EXPECT_TRUE(refusal.startsWith(QStringLiteral("Reserve: "))) << refusal.toStdString();
    // AND the lot keeps every field, the closing time in UTC
    const Model::Item after = *f.auction.service().item(2);
    EXPECT_EQ(after.description, QStringLiteral("Oak, 1890.\nRestored in 2020."));
    EXPECT_EQ(after.donor, QStringLiteral("Smith family"));
    EXPECT_EQ(after.fairMarketValue, Model::Money::fromCents(150000));
    EXPECT_EQ(after.reserve, Model::Money::fromCents(90000));
    EXPECT_EQ(after.buyNow, Model::Money::fromCents(250000));
    EXPECT_EQ(after.closesAt, closes.toUTC().toString(Qt::ISODateWithMs));
    EXPECT_TRUE(after.closesAt.endsWith(u'Z'));
    // AND the dialog opened again shows them, the time in local time
    whenItemDialogOpens([&](Gui::ItemDialog* dialog) {
        EXPECT_EQ(field<QLineEdit>(dialog, "reserve")->text(), QStringLiteral("900.00"));
        EXPECT_FALSE(field<QCheckBox>(dialog, "closesByHand")->isChecked());
        EXPECT_EQ(field<QDateTimeEdit>(dialog, "closesAt")->dateTime(), closes);
        // WHEN the reserve is emptied and the lot closes by hand again
        setText(dialog, "reserve", QString());
        field<QCheckBox>(dialog, "closesByHand")->setChecked(true);
        dialog->accept();
    });
    ASSERT_EQ(f.window->actions()->editItem(2), 2);
    EXPECT_FALSE(f.auction.service().item(2)->reserve.has_value());
    EXPECT_TRUE(f.auction.service().item(2)->closesAt.isEmpty());
    EXPECT_EQ(f.auction.service().item(2)->buyNow, Model::Money::fromCents(250000));
    // AND undo puts back each step
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.auction.service().item(2)->reserve, Model::Money::fromCents(90000));
    EXPECT_EQ(f.auction.service().item(2)->closesAt, after.closesAt);
    f.window->actions()->undoStack()->undo();
    const Model::Item undone = *f.auction.service().item(2);
    EXPECT_FALSE(undone.reserve.has_value());
    EXPECT_FALSE(undone.buyNow.has_value());
    EXPECT_TRUE(undone.closesAt.isEmpty());
    EXPECT_EQ(undone.description, before.description);
}

TEST(LotDialog, RefusesAClosingTimeAlreadyPast)
{
    WindowFixture f;
    QString refusal;
    whenItemDialogOpens([&](Gui::ItemDialog* dialog) {
        setText(dialog, "name", QStringLiteral("Late lot"));
        field<QCheckBox>(dialog, "closesByHand")->setChecked(false);
        field<QDateTimeEdit>(dialog, "closesAt")
            ->setDateTime(QDateTime::currentDateTime().addSecs(-600));
        dialog->accept();
        refusal = dialog->error();
        dialog->reject();
    });
    const qint64 lots = f.auction.service().items()->total;
    EXPECT_EQ(f.window->actions()->addItem(), 0);
    EXPECT_TRUE(refusal.startsWith(QStringLiteral("Closes at: "))) << refusal.toStdString();
    EXPECT_EQ(f.auction.service().items()->total, lots);
}
