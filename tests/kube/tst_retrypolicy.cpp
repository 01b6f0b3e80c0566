#include "kube/ApiClient.h"
#include "kube/RetryPolicy.h"

#include <QTest>

using namespace kube;

// Which answers the client retries, and how long it waits: client-go's REST client rules.
class TestRetryPolicy : public QObject
{
    Q_OBJECT

    static ApiError http(int code, int retryAfter = 0, const QStringList &causes = {})
    {
        ApiError e;
        e.kind = ApiError::Kind::Http;
        e.code = code;
        e.retryAfterSeconds = retryAfter;
        e.causes = causes;
        return e;
    }
    static ApiError transport(ApiError::Kind kind, const char *reason = "")
    {
        ApiError e;
        e.kind = kind;
        e.reason = QLatin1String(reason);
        return e;
    }

private slots:
    void decides_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<bool>("retried");
        QTest::newRow("429 GET") << QByteArray("GET") << http(429) << true;
        QTest::newRow("429 PATCH") << QByteArray("PATCH") << http(429, 1) << true;
        QTest::newRow("429 eviction POST") << QByteArray("POST") << http(429, 1) << true;
        QTest::newRow("429 PodDisruptionBudget")
            << QByteArray("POST") << http(429, 10, {QStringLiteral("DisruptionBudget")}) << false;
        QTest::newRow("503 GET") << QByteArray("GET") << http(503) << true;
        QTest::newRow("500 PATCH, no Retry-After") << QByteArray("PATCH") << http(500) << false;
        QTest::newRow("503 PATCH with Retry-After") << QByteArray("PATCH") << http(503, 1) << true;
        QTest::newRow("504 DELETE") << QByteArray("DELETE") << http(504) << true;
        QTest::newRow("501 GET") << QByteArray("GET") << http(501) << false;
        QTest::newRow("409") << QByteArray("PATCH") << http(409) << false;
        QTest::newRow("410") << QByteArray("GET") << http(410) << false;
        QTest::newRow("403") << QByteArray("GET") << http(403) << false;
        QTest::newRow("reset GET")
            << QByteArray("GET") << transport(ApiError::Kind::Network, "RemoteHostClosedError")
            << true;
        QTest::newRow("reset POST")
            << QByteArray("POST") << transport(ApiError::Kind::Network, "RemoteHostClosedError")
            << false;
        QTest::newRow("proxy refused GET")
            << QByteArray("GET")
            << transport(ApiError::Kind::Network, "ProxyConnectionRefusedError") << false;
        QTest::newRow("refused GET")
            << QByteArray("GET") << transport(ApiError::Kind::Refused) << false;
        QTest::newRow("timeout GET")
            << QByteArray("GET") << transport(ApiError::Kind::Timeout) << false;
        QTest::newRow("TLS") << QByteArray("GET") << transport(ApiError::Kind::Tls) << false;
    }

    void decides()
    {
        QFETCH(QByteArray, verb);
        QFETCH(ApiError, error);
        QFETCH(bool, retried);
        RetryPolicy policy;
        ApiRequest req;
        req.verb = verb;
        QCOMPARE(policy.delayMs(req, error, 1) >= 0, retried);
    }

    void retryAfterIsHonouredAndCapped()
    {
        RetryPolicy policy;
        ApiRequest req;
        for (int i = 0; i < 50; ++i) {
            const int d = policy.delayMs(req, http(429, 3), 1);
            QVERIFY2(d >= 3000 && d <= 3300, qPrintable(QString::number(d)));
        }
        policy.maxDelayMs = 5000;
        QVERIFY(policy.delayMs(req, http(429, 120), 1) <= 5500);
    }

    void backoffGrowsWithJitterUpToTheCapAndStops()
    {
        RetryPolicy policy;
        policy.initialDelayMs = 100;
        policy.maxDelayMs = 1000;
        policy.maxRetries = 6;
        ApiRequest req;
        const ApiError e = http(503);
        QList<int> seen;
        for (int retry = 1; retry <= 6; ++retry) {
            const int d = policy.delayMs(req, e, retry);
            const double base = std::min(1000.0, 100.0 * (1 << (retry - 1)));
            QVERIFY2(d >= base * 0.8 - 1 && d <= std::min(1000.0, base * 1.2) + 1,
                     qPrintable(QStringLiteral("retry %1: %2").arg(retry).arg(d)));
            seen << d;
        }
        QCOMPARE(policy.delayMs(req, e, 7), -1); // maxRetries reached
        req.maxRetries = 0;
        QCOMPARE(policy.delayMs(req, e, 1), -1); // the request opts out
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
