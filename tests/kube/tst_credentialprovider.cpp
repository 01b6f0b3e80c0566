#include "kube/CredentialProvider.h"

#include <QTest>

using kube::CredentialProvider;

// CredentialProvider's reading of an exec plugin's answer; the plugin runs are in tst_connect and
// tst_secrets.
class TestCredentialProvider : public QObject
{
    Q_OBJECT

private slots:
    void readsAnExecCredential()
    {
        QString why;
        const auto status = CredentialProvider::readExecCredential(
            R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1",
                "status":{"token":"t0k","expirationTimestamp":"2026-12-01T13:00:00Z"}})",
            QStringLiteral("client.authentication.k8s.io/v1"), &why);
        QVERIFY2(status, qPrintable(why));
        QCOMPARE(status->token, QByteArray("t0k"));
        QCOMPARE(status->expiry, QDateTime(QDate(2026, 12, 1), QTime(13, 0), Qt::UTC));
    }

    void refusesWithAReason_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("error: Unauthorized") << "not an ExecCredential";
        QTest::newRow("other apiVersion")
            << QByteArray(
                   R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","status":{"token":"t"}})")
            << "it answered apiVersion";
        QTest::newRow("no credential")
            << QByteArray(
                   R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{}})")
            << "neither a token nor a client certificate";
        // A member of another type made nlohmann's value() throw in the QProcess slot, which
        // ended Faultboard.
        QTest::newRow("kind a number") << QByteArray(R"({"kind":5})") << "not an ExecCredential";
        QTest::newRow("apiVersion a list")
            << QByteArray(R"({"kind":"ExecCredential","apiVersion":[]})")
            << "it answered apiVersion";
        QTest::newRow("token a number")
            << QByteArray(
                   R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":1}})")
            << "neither a token nor a client certificate";
        QTest::newRow("key data an object")
            << QByteArray(
                   R"({"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{"token":"t","clientKeyData":{}}})")
            << "";
    }

    void refusesWithAReason()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, expected);
        QString why;
        const auto status = CredentialProvider::readExecCredential(
            output, QStringLiteral("client.authentication.k8s.io/v1"), &why);
        if (expected.isEmpty()) {
            QVERIFY(status); // the member of another type is ignored
            return;
        }
        QVERIFY(!status);
        QVERIFY2(why.contains(expected), qPrintable(why));
    }
};

QTEST_APPLESS_MAIN(TestCredentialProvider)
#include "tst_credentialprovider.moc"
