// The command line's parser: a database file as the only argument opens it (the launcher's
// Exec=bidtracker %f), in the window or with --headless; a mistyped command is still one.
#include "app/options.h"

#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace BidTracker::App;

TEST(Options, ADatabaseAsTheOnlyArgumentOpensIt)
{
    QTemporaryDir dir;
    const QString gala = dir.filePath(QStringLiteral("gala.sqlite"));
    auto window = parseOptions({gala});
    ASSERT_TRUE(window.has_value()) << window.error().toStdString();
    EXPECT_EQ(window->mode, Options::Mode::Window);
    EXPECT_EQ(window->databasePath, gala);
    auto headless = parseOptions({QStringLiteral("--headless"), gala});
    ASSERT_TRUE(headless.has_value());
    EXPECT_EQ(headless->mode, Options::Mode::Headless);
    EXPECT_EQ(headless->databasePath, gala);
    // An existing file without the usual suffix too, and a PostgreSQL URL
    const QString plain = dir.filePath(QStringLiteral("tonight"));
    QFile file(plain);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.close();
    EXPECT_EQ(parseOptions({plain})->databasePath, plain);
    EXPECT_EQ(parseOptions({QStringLiteral("postgresql://a@h/gala")})->databasePath,
              QStringLiteral("postgresql://a@h/gala"));
}

TEST(Options, ADatabaseGivenTwiceOrAMistypedCommandIsRefused)
{
    const auto twice = parseOptions(
        {QStringLiteral("gala.sqlite"), QStringLiteral("--db"), QStringLiteral("x.sqlite")});
    ASSERT_FALSE(twice.has_value());
    EXPECT_TRUE(twice.error().contains(QStringLiteral("twice"))) << twice.error().toStdString();
    const auto typo = parseOptions({QStringLiteral("exprot")});
    ASSERT_FALSE(typo.has_value());
    EXPECT_TRUE(typo.error().startsWith(QStringLiteral("Unknown command \"exprot\"")));
    // A command keeps its meaning even where a file of its name exists
    EXPECT_EQ(parseOptions({QStringLiteral("close-all")})->mode, Options::Mode::CloseAll);
    EXPECT_EQ(parseOptions({QStringLiteral("--help-keys")})->mode, Options::Mode::HelpKeys);
}
