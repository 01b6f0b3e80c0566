// Issue 16 item 13: every colour Faultboard paints itself is readable in both themes. Text
// needs 4.5:1 against what it is painted on, marks 3:1 (WCAG 2.1, 1.4.3 and 1.4.11).
#include "models/ClusterSession.h"
#include "models/NodeGridModel.h"
#include "models/Taxonomy.h"
#include "tests/common/TestCluster.h"
#include "tests/common/TestSettings.h"
#include "ui/ActionController.h"
#include "ui/ClusterView.h"
#include "ui/DrainDialog.h"
#include "ui/MainWindow.h"
#include "ui/NodeGridView.h"
#include "ui/SeverityStyle.h"
#include "ui/StatusColors.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace models;
using ui::StatusColors;

namespace {
constexpr double TextContrast = 4.5;
constexpr double MarkContrast = 3.0;
const Severity kSeverities[] = {Severity::Healthy, Severity::Info, Severity::Minor, Severity::Major,
                                Severity::Critical};

// A translucent colour as it shows over an opaque one.
QColor blend(const QColor &over, const QColor &under)
{
    const double a = over.alphaF();
    return QColor::fromRgbF(float(over.redF() * a + under.redF() * (1 - a)),
                            float(over.greenF() * a + under.greenF() * (1 - a)),
                            float(over.blueF() * a + under.blueF() * (1 - a)));
}

QString describe(const QColor &a, const QColor &b)
{
    return QStringLiteral("%1 on %2: %3:1")
        .arg(a.name(), b.name())
        .arg(StatusColors::contrast(a, b), 0, 'f', 2);
}
} // namespace

class TestContrast : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCluster> m_cluster;

private slots:
    void initTestCase()
    {
        QVERIFY(useTestSettings());
        m_cluster = std::make_unique<TestCluster>(QStringList{QStringLiteral("--paused")});
        QVERIFY2(m_cluster->start(), qPrintable(m_cluster->errorString()));
    }

    void cleanupTestCase()
    {
        ui::Theme::apply(QStringLiteral("system"));
        m_cluster.reset();
    }

    void contrastIsWcags()
    {
        QCOMPARE(StatusColors::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(StatusColors::contrast(Qt::white, Qt::white), 1.0);
        // #767676 is the lightest grey that passes 4.5:1 on white.
        QVERIFY(StatusColors::contrast(QColor(0x76, 0x76, 0x76), Qt::white) >= 4.5);
        QVERIFY(StatusColors::contrast(QColor(0x77, 0x77, 0x77), Qt::white) < 4.5);
    }

    void themes_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void statusTextIsReadable_data() { themes_data(); }
    void statusTextIsReadable()
    {
        QFETCH(QString, theme);
        ui::Theme::apply(theme);
        const QPalette palette = QApplication::palette();
        for (auto tone : {StatusColors::Tone::Plain, StatusColors::Tone::Good,
                          StatusColors::Tone::Warning, StatusColors::Tone::Bad}) {
            const QColor text = StatusColors::text(tone, palette);
            for (auto role : {QPalette::Base, QPalette::AlternateBase}) {
                const QColor bg = palette.color(role);
                QVERIFY2(StatusColors::contrast(text, bg) >= TextContrast,
                         qPrintable(describe(text, bg)));
            }
        }
    }

    // The ink (glyph, name), the hatching and the isolated frame on every tile colour.
    void tileInkAndMarksStandOut_data() { themes_data(); }
    void tileInkAndMarksStandOut()
    {
        QFETCH(QString, theme);
        ui::Theme::apply(theme);
        const QPalette palette = QApplication::palette();
        const bool dark = ui::SeverityStyle::isDark(palette);
        QCOMPARE(dark, theme == QLatin1String("dark"));
        const QColor base = palette.color(QPalette::Base);
        const QColor outer = ui::SeverityStyle::frameOuterColor(palette);
        QVERIFY2(StatusColors::contrast(outer, base) >= MarkContrast,
                 qPrintable(describe(outer, base)));
        // The selection ring is drawn around a tile, on the background.
        const QColor ring = palette.color(QPalette::Highlight);
        QVERIFY2(StatusColors::contrast(ring, base) >= MarkContrast,
                 qPrintable(describe(ring, base)));
        for (Severity s : kSeverities) {
            const QColor fill = ui::SeverityStyle::color(s, dark);
            const QColor ink = ui::SeverityStyle::textColor(s);
            QVERIFY2(StatusColors::contrast(ink, fill) >= TextContrast,
                     qPrintable(describe(ink, fill)));
            const QColor hatch = blend(ui::SeverityStyle::hatchColor(), fill);
            QVERIFY2(StatusColors::contrast(hatch, fill) >= MarkContrast,
                     qPrintable(describe(hatch, fill)));
            const QColor inner = ui::SeverityStyle::frameInnerColor(s);
            QVERIFY2(StatusColors::contrast(inner, fill) >= MarkContrast,
                     qPrintable(describe(inner, fill)));
        }
    }

    // What the grid really paints: an isolated tile's frame against the background and the fill.
    void isolatedFrameAsPainted_data() { themes_data(); }
    void isolatedFrameAsPainted()
    {
        QFETCH(QString, theme);
        ui::Theme::apply(theme);
        QStandardItemModel model;
        for (Severity s : kSeverities) {
            auto *item = new QStandardItem(QStringLiteral("node-%1").arg(int(s)));
            item->setData(item->text(), NodeGridModel::NameRole);
            item->setData(int(s) | NodeGridModel::IsolatedFlag, NodeGridModel::TileFlagsRole);
            item->setData(int(s), NodeGridModel::SeverityRole);
            model.appendRow(item);
        }
        ui::NodeGridView grid;
        grid.setModel(&model);
        grid.resize(400, 200);
        grid.setTileSize(36);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        const QImage img = grid.viewport()->grab().toImage();
        const bool dark = ui::SeverityStyle::isDark(grid.palette());
        const QColor base = img.pixelColor(1, 1);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QRect r = grid.visualRect(model.index(row, 0));
            const auto sev =
                Severity(model.index(row, 0).data(NodeGridModel::SeverityRole).toInt());
            const QColor fill = ui::SeverityStyle::color(sev, dark);
            QCOMPARE(img.pixelColor(r.center() + QPoint(r.width() / 4, 0)), fill);
            const QColor outer = img.pixelColor(r.topLeft() + QPoint(r.width() / 2, 0));
            const int w = r.width() / 6;
            const QColor inner = img.pixelColor(r.topLeft() + QPoint(r.width() / 2, w - 1));
            QVERIFY2(StatusColors::contrast(outer, base) >= MarkContrast,
                     qPrintable(describe(outer, base)));
            QVERIFY2(StatusColors::contrast(inner, fill) >= MarkContrast,
                     qPrintable(describe(inner, fill)));
        }
    }

    // The drain dialog's per-pod states, as the dialog sets them, in the dark theme.
    void drainPodStatesReadableInDark()
    {
        ui::Theme::apply(QStringLiteral("dark"));
        ui::MainWindow window{Classifier(Taxonomy::builtIn())};
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ClusterView *view = window.openCluster(m_cluster->endpoint());
        QSignalSpy synced(view->session(), &ClusterSession::synced);
        QVERIFY(synced.wait(20000));
        view->selectNode(QStringLiteral("gpu-0005"));
        QTRY_VERIFY(window.actions()->drainAction()->isEnabled());
        window.actions()->drainAction()->trigger();
        auto *dialog = qobject_cast<ui::DrainDialog *>(window.actions()->openDialog());
        QVERIFY(dialog);
        QSignalSpy planned(dialog, &ui::DrainDialog::planReady);
        QVERIFY(planned.wait(10000));
        auto *tree = dialog->findChild<QTreeWidget *>();
        QVERIFY(tree);
        const QColor base = tree->palette().color(QPalette::Base);
        QVERIFY(ui::SeverityStyle::isDark(tree->palette()));
        int pods = 0;
        for (int n = 0; n < tree->topLevelItemCount(); ++n) {
            QTreeWidgetItem *node = tree->topLevelItem(n);
            for (int c = 0; c < node->childCount(); ++c, ++pods) {
                QTreeWidgetItem *pod = node->child(c);
                for (int col = 0; col < tree->columnCount(); ++col) {
                    // What the view paints: the item's brush if it has one (an invalid colour
                    // paints black), else the palette's text.
                    const QVariant fg = pod->data(col, Qt::ForegroundRole);
                    const QColor text = fg.isValid() ? fg.value<QBrush>().color().isValid()
                                                           ? fg.value<QBrush>().color()
                                                           : QColor(Qt::black)
                                                     : tree->palette().color(QPalette::Text);
                    QVERIFY2(StatusColors::contrast(text, base) >= TextContrast,
                             qPrintable(pod->text(0) + QLatin1Char(' ') + pod->text(col) +
                                        QLatin1String(": ") + describe(text, base)));
                }
            }
        }
        QVERIFY(pods > 0);
        dialog->reject();
    }
};

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
