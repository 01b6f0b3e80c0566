// kube::ApiError::fromHttp and kube::isFailureStatus: what an API server's (or a proxy's) error
// body becomes. Both run inside QNetworkReply slots, where an exception would end the program.
#include "kube/ApiCall.h"
#include "kube/ApiError.h"

#include <QTest>

using namespace kube;

class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void failureStatusInA2xx_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("failure");
        QTest::newRow("eviction refused inside a 201")
            << QByteArray(R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)"
                          R"("message":"two budgets","reason":"InternalError","code":500})")
            << true;
        QTest::newRow("success Status")
            << QByteArray(R"({"kind":"Status","apiVersion":"v1","status":"Success"})") << false;
        QTest::newRow("a Node mentioning both words")
            << QByteArray(R"({"kind":"Node","metadata":{"name":"Status"},"x":"Failure"})") << false;
        // Members of another type: value() would have thrown type_error.
        QTest::newRow("numeric kind")
            << QByteArray(R"({"kind":5,"status":"Failure","m":"Status"})") << false;
        QTest::newRow("object status")
            << QByteArray(R"({"kind":"Status","status":{"phase":"Failure"}})") << false;
        QTest::newRow("null kind")
            << QByteArray(R"({"kind":null,"status":"Failure","Status":1})") << false;
        QTest::newRow("array") << QByteArray(R"(["Status","Failure"])") << false;
        QTest::newRow("not JSON") << QByteArray("Status: Failure") << false;
    }

    void failureStatusInA2xx()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, failure);
        QCOMPARE(isFailureStatus(body), failure);
    }

    void statusBodies_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("429 with details")
            << 429
            << QByteArray(
                   R"({"kind":"Status","status":"Failure","message":"slow down",)"
                   R"("reason":"TooManyRequests","code":429,"details":{"retryAfterSeconds":2}})")
            << 429 << "TooManyRequests" << 2;
        QTest::newRow("code inside wins")
            << 201 << QByteArray(R"({"kind":"Status","reason":"InternalError","code":500})") << 500
            << "InternalError" << 0;
        QTest::newRow("wrongly typed members")
            << 409
            << QByteArray(R"({"kind":"Status","reason":7,"message":[1],"code":"409",)"
                          R"("details":{"retryAfterSeconds":"5","causes":[3,{"reason":{}}]}})")
            << 409 << "Conflict" << 0;
        QTest::newRow("negative code inside") << 503 << QByteArray(R"({"kind":"Status","code":-1})")
                                              << 503 << "ServiceUnavailable" << 0;
        QTest::newRow("proxy page")
            << 503 << QByteArray("<html><body>Service Unavailable</body></html>") << 503
            << "ServiceUnavailable" << 0;
    }

    void statusBodies()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, reason);
        QFETCH(int, retryAfter);
        const ApiError e = ApiError::fromHttp(http, body, QStringLiteral("list nodes"));
        QCOMPARE(e.kind, ApiError::Kind::Http);
        QCOMPARE(e.code, code);
        QCOMPARE(e.reason, reason);
        QCOMPARE(e.retryAfterSeconds, retryAfter);
        QVERIFY(e.toString().startsWith(QLatin1String("list nodes")));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
