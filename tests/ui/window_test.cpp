// The window as an operator uses it, on the offscreen platform: dialogs filled in and
// submitted, confirmations, undo, inline edits, and a bid arriving over HTTP.
#include "app/api/serverthread.h"
#include "model/tables/bidstablemodel.h"
#include "model/tables/itembidsmodel.h"
#include "model/tables/itemstablemodel.h"
#include "model/tables/tablesupport.h"
#include "model/tables/useritemsmodel.h"
#include "model/tables/userstablemodel.h"
#include "support/testauction.h"
#include "ui/auctionactions.h"
#include "ui/csvtransfer.h"
#include "ui/mainwindow.h"
#include "ui/placebiddialog.h"
#include "ui/servercontrol.h"
#include "ui/tablepage.h"
#include "windowfixture.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressDialog>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace BidTracker;
using namespace BidTracker::Testing;

TEST(Window, PlacesABidFromTheDialog)
{
    // GIVEN the sample auction with item2 selected
    WindowFixture f;
    f.window->itemsPage()->selectId(2);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    dialog->show();
    // THEN the amount starts at the lowest acceptable bid
    auto* amount = dialog->amountField();
    EXPECT_EQ(amount->text(), QStringLiteral("0.01"));
    // WHEN the operator picks Constance, types 250 and presses Enter
    auto boxes = dialog->findChildren<QComboBox*>();
    ASSERT_EQ(boxes.size(), 2);
    boxes[1]->setFocus();
    boxes[1]->lineEdit()->selectAll();
    QTest::keyClicks(boxes[1]->lineEdit(), QStringLiteral("Constance"));
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("250"));
    QTest::keyClick(amount, Qt::Key_Return);
    // THEN the bid is recorded and shown as the lot's winner
    EXPECT_EQ(dialog->result(), QDialog::Accepted) << dialog->message().toStdString();
    const auto winning = f.auction.service().winningBid(2);
    ASSERT_TRUE(winning.has_value());
    EXPECT_EQ(winning->value.cents(), 25000);
    EXPECT_EQ(winning->userName, QStringLiteral("Constance"));
    EXPECT_EQ(cell(f.items(), 1, Model::ItemsTableModel::Winner),
              QStringLiteral("Constance (102)"));
    EXPECT_EQ(f.rowsOf(f.window->itemBidsView()), 1);
}

TEST(Window, ARejectedBidSaysWhyInTheDialog)
{
    WindowFixture f;
    f.window->itemsPage()->selectId(1);
    std::unique_ptr<Gui::PlaceBidDialog> dialog(f.window->makePlaceBidDialog());
    dialog->show();
    auto* amount = dialog->amountField();
    EXPECT_EQ(amount->text(), QStringLiteral("1,000.01"));
    auto* bidder = dialog->findChildren<QComboBox*>().at(1);
    bidder->lineEdit()->setText(QStringLiteral("Constance"));
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("600"));
    QTest::keyClick(amount, Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->message().contains(QStringLiteral("too low")))
        << dialog->message().toStdString();
    EXPECT_TRUE(dialog->message().contains(QStringLiteral("1,000.01")));
    EXPECT_EQ(f.auction.service().item(1)->bidCount, 2);
    // Text that is no amount at all is explained too.
    amount->selectAll();
    QTest::keyClicks(amount, QStringLiteral("12.345"));
    QTest::keyClick(amount, Qt::Key_Return);
    EXPECT_TRUE(dialog->message().contains(QStringLiteral("two decimals")));
}

TEST(Window, DeletesAfterConfirmingAndUndoes)
{
    // GIVEN the confirmation is answered "Cancel" first, then "Yes"
    WindowFixture f;
    bool answer = false;
    QStringList questions;
    f.window->actions()->setConfirm([&](const QString& question) {
        questions.append(question);
        return answer;
    });
    EXPECT_FALSE(f.window->actions()->deleteItem(2));
    EXPECT_TRUE(f.auction.service().item(2).has_value());
    answer = true;
    // WHEN the lot without bids is deleted
    ASSERT_TRUE(f.window->actions()->deleteItem(2));
    ASSERT_EQ(questions.size(), 2);
    EXPECT_TRUE(questions[1].contains(QString::fromUtf8("Item Nº 2")));
    EXPECT_EQ(f.rowsOf(f.items()), 1);
    // THEN Undo brings it back under its old id, and Redo deletes it again
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.rowsOf(f.items()), 2);
    EXPECT_EQ(f.auction.service().item(2)->name, QString::fromUtf8("Item Nº 2"));
    f.window->actions()->undoStack()->redo();
    EXPECT_FALSE(f.auction.service().item(2).has_value());
}

TEST(Window, DeletingALotWithBidsIsRefusedInWords)
{
    WindowFixture f;
    EXPECT_FALSE(f.window->actions()->deleteItem(1));
    ASSERT_EQ(f.reports.size(), 1);
    EXPECT_TRUE(f.reports[0].contains(QStringLiteral("has 2 bid(s) and cannot be deleted")))
        << f.reports[0].toStdString();
}

TEST(Window, UndoesABidAndAClosedLot)
{
    WindowFixture f;
    ASSERT_TRUE(f.window->actions()->placeBid(1, 3, Model::Money::fromCents(200000)).has_value());
    ASSERT_TRUE(f.window->actions()->setLotOpen(1, false));
    EXPECT_EQ(cell(f.items(), 0, Model::ItemsTableModel::Status), QStringLiteral("closed"));
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(cell(f.items(), 0, Model::ItemsTableModel::Status), QStringLiteral("open"));
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.auction.service().winningBid(1)->id, 2);
    f.window->actions()->undoStack()->redo();
    EXPECT_EQ(f.auction.service().winningBid(1)->value.cents(), 200000);
}

TEST(Window, EditsANameInline)
{
    // GIVEN the Bidders tab
    WindowFixture f;
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::UsersTab);
    QTableView* users = f.window->usersPage()->view();
    const QModelIndex name = users->model()->index(0, Model::UsersTableModel::Name);
    // WHEN the operator presses F2 on Albert's name, types a new one and Enter
    users->setFocus();
    users->setCurrentIndex(name);
    QTest::keyClick(users, Qt::Key_F2);
    auto* editor = users->viewport()->findChild<QLineEdit*>();
    ASSERT_NE(editor, nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Albert Einstein"));
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits in a queued call
    EXPECT_TRUE(waitFor([&] { return f.auction.service().user(1)->name != u"Albert"; }, 2000));
    // THEN the name is changed in the auction and in the table, and can be undone
    EXPECT_EQ(f.auction.service().user(1)->name, QStringLiteral("Albert Einstein"));
    EXPECT_EQ(cell(users, 0, Model::UsersTableModel::Name), QStringLiteral("Albert Einstein"));
    f.window->actions()->undoStack()->undo();
    EXPECT_EQ(f.auction.service().user(1)->name, QStringLiteral("Albert"));
}

TEST(Window, ABidPostedOverHttpAppearsAtOnceAndKeepsTheSelection)
{
    // GIVEN the operator has lot 2 selected and many lots, scrolled down a little
    WindowFixture f;
    for (int i = 0; i < 60; ++i)
        f.auction.addItem(QStringLiteral("Extra lot %1").arg(i));
    f.window->itemsPage()->selectId(2);
    f.items()->verticalScrollBar()->setValue(3);
    const int scroll = f.items()->verticalScrollBar()->value();
    // WHEN a client posts a bid on lot 1 over the REST API
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(f.server->baseUrl() + QStringLiteral("/api/v1/bids")));
    request.setRawHeader("Authorization", "Bearer window-test-token");
    request.setRawHeader("Content-Type", "application/json");
    QElapsedTimer timer;
    timer.start();
    QNetworkReply* reply = network.post(
        request, QByteArray(R"({"bid": {"item": "item1", "value": 1500, "user": "user3"}})"));
    // THEN the lot's row shows the new winner within 250 ms of the answer
    ASSERT_TRUE(waitFor([&] { return reply->isFinished(); }, 5000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    const qint64 answeredAt = timer.elapsed();
    EXPECT_TRUE(waitFor(
        [&] { return cell(f.items(), 0, Model::ItemsTableModel::Winner) == u"Constance (102)"; },
        1000));
    EXPECT_LT(timer.elapsed() - answeredAt, 250);
    // AND the selection and scroll position are as they were
    EXPECT_EQ(f.window->itemsPage()->currentId(), 2);
    EXPECT_EQ(f.items()->verticalScrollBar()->value(), scroll);
    EXPECT_EQ(cell(f.window->bidsPage()->view(), 2, Model::BidsTableModel::User),
              QStringLiteral("Constance (102)")); // the paddle tells namesakes apart
    reply->deleteLater();
}

TEST(Window, FiltersLotsByName)
{
    WindowFixture f;
    QTest::keyClicks(f.window->itemsPage()->searchField(), QStringLiteral("nº 2"));
    ASSERT_EQ(f.rowsOf(f.items()), 1);
    EXPECT_EQ(cell(f.items(), 0, Model::ItemsTableModel::Id), QStringLiteral("item2"));
}

TEST(Window, ShowsALotsBidsNewestFirstAndABiddersStanding)
{
    WindowFixture f;
    f.window->itemsPage()->selectId(1);
    QTableView* bids = f.window->itemBidsView();
    ASSERT_EQ(f.rowsOf(bids), 2);
    EXPECT_EQ(cell(bids, 0, Model::ItemBidsModel::Id), QStringLiteral("bid2"));
    EXPECT_TRUE(bids->model()->index(0, 0).data(Model::HighlightRole).toBool());
    f.window->tabs()->setCurrentIndex(Gui::MainWindow::UsersTab);
    f.window->usersPage()->selectId(1);
    QTableView* items = f.window->userItemsView();
    ASSERT_EQ(f.rowsOf(items), 1);
    EXPECT_EQ(cell(items, 0, Model::UserItemsModel::Standing), QStringLiteral("Outbid"));
}

TEST(Window, ImportPreviewShowsProblemsAndImportsOnlyACleanFile)
{
    WindowFixture f;
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    const QString good = dir.filePath(QStringLiteral("good.csv"));
    for (const auto& [path, text] :
         {std::pair{bad, QByteArray("name,starting_price\r\nVase,10\r\n,5\r\n")},
          std::pair{good, QByteArray("name,starting_price\r\nVase,10\r\nClock,5.50\r\n")}}) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    // A file with a bad row: the problem is shown, Import is not possible, nothing written
    Gui::ImportDialog refused(f.auction.service(), Model::CsvKind::Items, bad, f.window.get());
    EXPECT_FALSE(refused.canImport());
    EXPECT_TRUE(refused.problems().contains(QStringLiteral("line 3: Name must not be empty")));
    EXPECT_EQ(f.auction.service().items()->total, 2);
    // A clean file: imported at once, and the Lots table shows the new rows
    Gui::ImportDialog accepted(f.auction.service(), Model::CsvKind::Items, good, f.window.get());
    ASSERT_TRUE(accepted.canImport());
    accepted.accept();
    EXPECT_EQ(accepted.imported(), 2);
    EXPECT_EQ(f.rowsOf(f.items()), 4);
}

TEST(Window, ExportsWithProgressOffTheGuiThread)
{
    // GIVEN an auction with enough bids that exporting them takes a while
    WindowFixture f;
    QList<Model::BidRequest> batch;
    constexpr int Bids = 15'000;
    for (int i = 1; i <= Bids; ++i)
        batch.append({2, 1 + i % 3, Model::Money::fromCents(1000 + i)});
    for (const auto& placed : f.auction.service().placeBids(batch))
        ASSERT_TRUE(placed.has_value());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bids.csv"));
    // WHEN it is exported, while a timer of the GUI thread watches
    int ticksDuringExport = 0;
    bool sawProgressDialog = false;
    QTimer watcher;
    QObject::connect(&watcher, &QTimer::timeout, [&] {
        ++ticksDuringExport;
        sawProgressDialog = sawProgressDialog || f.window->findChild<QProgressDialog*>();
    });
    watcher.start(1);
    const QString message =
        Gui::exportWithProgress(f.auction.path(), Model::CsvKind::Bids, file, f.window.get());
    watcher.stop();
    // THEN the GUI thread kept running its events (the export ran on another thread) with a
    // progress dialog up, and the whole file was written
    EXPECT_GE(ticksDuringExport, 2);
    EXPECT_TRUE(sawProgressDialog);
    EXPECT_TRUE(message.contains(QStringLiteral("Exported %1 bids").arg(Bids + 2)))
        << message.toStdString();
    QFile written(file);
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    EXPECT_TRUE(text.startsWith("bid_id,item_id,item_name"));
    EXPECT_EQ(text.count('\n'), Bids + 3);
    written.close();

    // AND WHEN the dialog's Cancel is pressed during an export THEN no file is written
    const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
    QTimer canceller;
    QObject::connect(&canceller, &QTimer::timeout, [&] {
        if (auto* progress = f.window->findChild<QProgressDialog*>())
            Q_EMIT progress->canceled(); // as its Cancel button does
    });
    canceller.start(0);
    EXPECT_TRUE(
        Gui::exportWithProgress(f.auction.path(), Model::CsvKind::Bids, cancelled, f.window.get())
            .isEmpty());
    canceller.stop();
    EXPECT_FALSE(QFile::exists(cancelled));
}
