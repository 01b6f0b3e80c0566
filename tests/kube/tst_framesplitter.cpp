#include "kube/FrameSplitter.h"

#include <QTest>

using kube::FrameSplitter;

class TestFrameSplitter : public QObject
{
    Q_OBJECT

private:
    static QByteArray stream()
    {
        // Three events as kube-apiserver writes them, one with multi-byte UTF-8, plus a blank
        // keep-alive line and a CRLF line end.
        return QByteArray(
            R"({"type":"ADDED","object":{"metadata":{"name":"npu-0001","resourceVersion":"11"}}})"
            "\n"
            R"({"type":"MODIFIED","object":{"metadata":{"name":"npu-0002","annotations":{"note":"故障 卡丢失"}}}})"
            "\r\n"
            "\n"
            R"({"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"13"}}})"
            "\n");
    }
    static std::vector<QByteArray> expected()
    {
        const QList<QByteArray> lines = stream().split('\n');
        std::vector<QByteArray> out;
        for (QByteArray l : lines) {
            if (l.endsWith('\r'))
                l.chop(1);
            if (!l.isEmpty())
                out.push_back(l);
        }
        return out;
    }

private slots:
    void wholeStream()
    {
        FrameSplitter s;
        QCOMPARE(s.feed(stream()), expected());
        QCOMPARE(s.pendingBytes(), 0);
    }

    void cutAtEveryOffset()
    {
        const QByteArray all = stream();
        for (qsizetype cut = 0; cut <= all.size(); ++cut) {
            FrameSplitter s;
            std::vector<QByteArray> got = s.feed(QByteArrayView(all).first(cut));
            for (auto &f : s.feed(QByteArrayView(all).sliced(cut)))
                got.push_back(f);
            QCOMPARE(got, expected());
        }
    }

    void cutAtEveryPairOfOffsets()
    {
        const QByteArray all = stream();
        for (qsizetype a = 0; a <= all.size(); a += 3) {
            for (qsizetype b = a; b <= all.size(); b += 5) {
                FrameSplitter s;
                std::vector<QByteArray> got;
                for (QByteArrayView part :
                     {QByteArrayView(all).first(a), QByteArrayView(all).sliced(a, b - a),
                      QByteArrayView(all).sliced(b)})
                    for (auto &f : s.feed(part))
                        got.push_back(f);
                QCOMPARE(got, expected());
            }
        }
    }

    void byteByByte()
    {
        const QByteArray all = stream();
        FrameSplitter s;
        std::vector<QByteArray> got;
        for (char c : all)
            for (auto &f : s.feed(QByteArrayView(&c, 1)))
                got.push_back(f);
        QCOMPARE(got, expected());
    }

    void unfinishedFrameIsHeld()
    {
        FrameSplitter s;
        QVERIFY(s.feed(R"({"type":"ADDED")").empty());
        QCOMPARE(s.pendingBytes(), 15);
        const auto frames = s.feed("}\n");
        QCOMPARE(frames.size(), std::size_t(1));
        QCOMPARE(frames[0], QByteArray(R"({"type":"ADDED"})"));
    }
};

QTEST_APPLESS_MAIN(TestFrameSplitter)
#include "tst_framesplitter.moc"
