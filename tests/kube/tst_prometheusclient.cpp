// kube::PrometheusClient against a real Prometheus (Debian's, on loopback: basic auth through its
// --web.config.file, the answer's decoding) and against a tiny local server for what a real one
// will not do on demand: a bearer token checked by a proxy, malformed answers, silence.

#include "kube/PrometheusClient.h"
#include "sim/Certificates.h"
#include "tests/common/TestPrometheus.h"

#include <QTemporaryDir>

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using kube::ApiError;
using kube::PrometheusClient;
using kube::PrometheusEndpoint;
using kube::PrometheusMatrix;

namespace {

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

// Answers each whole request (headers and Content-Length body) with `answer`, or not at all
// when `answer` is empty; keeps the last request.
class TinyServer : public QObject
{
public:
    QByteArray answer;
    QByteArray lastRequest;

    TinyServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    *buffer += s->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n'))
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    if (buffer->size() < end + 4 + length)
                        return;
                    lastRequest = *buffer;
                    buffer->clear();
                    if (!answer.isEmpty())
                        s->write(answer);
                });
            }
        });
    }
    QUrl url(const char *path = "") const
    {
        return QUrl(
            QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(str(path)));
    }
    static QByteArray http(int status, const char *reason, const QByteArray &body,
                           const char *type = "application/json")
    {
        return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
               "\r\nContent-Type: " + type +
               "\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\nConnection: close\r\n\r\n" + body;
    }

private:
    QTcpServer m_server;
};

PrometheusMatrix wait(QFuture<PrometheusMatrix> f, int timeoutMs = 15000)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, timeoutMs))
        return {};
    return f.result();
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    TestPrometheus m_prometheus; // with basic auth
    QDateTime m_now;

    QFuture<PrometheusMatrix> query(PrometheusClient &c, const QString &promql = str("vector(1)"))
    {
        return c.queryRange(promql, m_now.addSecs(-60), m_now, 15, str("test"));
    }

private slots:
    void initTestCase()
    {
        QFile web(QStringLiteral(FAULTBOARD_TEST_DATA "/prometheus/web-basic-auth.yml"));
        QVERIFY(web.open(QIODevice::ReadOnly));
        m_prometheus.setWebConfig(web.readAll());
        QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    }

    void basicAuthReadsTheMatrix()
    {
        PrometheusEndpoint e;
        e.url = m_prometheus.url();
        e.auth = PrometheusEndpoint::Auth::Basic;
        e.username = str("faultboard");
        e.password = str("faultboard-test");
        PrometheusClient client(e);
        // A PromQL expression with '+' and '&'-free but URL-hostile characters, evaluated at
        // start, start + 15 s, ... end: 5 points of value 3.
        const PrometheusMatrix m = wait(query(client, str("vector(1) + on() vector(2)")));
        QVERIFY2(m.ok(), qPrintable(PrometheusClient::errorText(m.error)));
        QCOMPARE(m.series.size(), size_t(1));
        const auto &samples = m.series.front().samples;
        QCOMPARE(samples.size(), size_t(5));
        for (size_t i = 0; i < samples.size(); ++i) {
            QCOMPARE(samples[i].timeMs, m_now.addSecs(-60 + 15 * qint64(i)).toMSecsSinceEpoch());
            QCOMPARE(samples[i].value, 3.0);
        }
        QVERIFY(m.bytes > 0);
    }

    void credentialsInTheUrlBecomeBasicAuth()
    {
        QUrl url = m_prometheus.url();
        url.setUserName(str("faultboard"));
        url.setPassword(str("faultboard-test"));
        const PrometheusEndpoint e = PrometheusEndpoint::fromUrl(url);
        QCOMPARE(e.auth, PrometheusEndpoint::Auth::Basic);
        QVERIFY(!e.displayUrl().contains(str("faultboard-test")));
        QVERIFY(e.url.userInfo().isEmpty());
        PrometheusClient client(e);
        const PrometheusMatrix m = wait(query(client));
        QVERIFY2(m.ok(), qPrintable(PrometheusClient::errorText(m.error)));
    }

    void wrongPasswordIs401WithoutThePassword()
    {
        PrometheusEndpoint e;
        e.url = m_prometheus.url();
        e.auth = PrometheusEndpoint::Auth::Basic;
        e.username = str("faultboard");
        e.password = str("not-the-password");
        PrometheusClient client(e);
        const PrometheusMatrix m = wait(query(client));
        QVERIFY(!m.ok());
        QVERIFY(m.error.isUnauthorized());
        const QString text = PrometheusClient::errorText(m.error);
        QVERIFY2(text.contains(str("401")), qPrintable(text));
        QVERIFY2(text.contains(m_prometheus.url().toString()), qPrintable(text));
        QVERIFY(!text.contains(str("not-the-password")));
    }

    void noCredentialsIs401()
    {
        PrometheusClient client(PrometheusEndpoint::fromUrl(m_prometheus.url()));
        QVERIFY(wait(query(client)).error.isUnauthorized());
    }

    void prometheusErrorsAreTyped()
    {
        PrometheusEndpoint e = PrometheusEndpoint::fromUrl(m_prometheus.url());
        e.auth = PrometheusEndpoint::Auth::Basic;
        e.username = str("faultboard");
        e.password = str("faultboard-test");
        PrometheusClient client(e);
        const PrometheusMatrix m = wait(query(client, str("kube_node_status_condition{")));
        QCOMPARE(m.error.kind, ApiError::Kind::Http);
        QCOMPARE(m.error.code, 400);
        QCOMPARE(m.error.reason, str("bad_data"));
        QVERIFY(!m.error.message.isEmpty());
    }

    void downIsRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        PrometheusClient client(
            PrometheusEndpoint::fromUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        const PrometheusMatrix m = wait(query(client));
        QCOMPARE(m.error.kind, ApiError::Kind::Refused);
        QVERIFY(PrometheusClient::errorText(m.error).contains(str("refused")));
    }

    void bearerTokenIsSentAndNeverShown()
    {
        TinyServer server;
        server.answer = TinyServer::http(401, "Unauthorized", "no such token\n", "text/plain");
        PrometheusEndpoint e;
        e.url = server.url("/prometheus/"); // behind a path prefix
        e.auth = PrometheusEndpoint::Auth::Bearer;
        e.bearerToken = str("s3cret-token");
        PrometheusClient client(e);
        const PrometheusMatrix m = wait(query(client, str("up{job=\"a&b\"} + 1")));
        QVERIFY(m.error.isUnauthorized());
        QVERIFY(server.lastRequest.startsWith("POST /prometheus/api/v1/query_range HTTP/1.1\r\n"));
        QVERIFY(server.lastRequest.contains("\r\nAuthorization: Bearer s3cret-token\r\n"));
        // The expression arrives whole: '&' and '+' percent-encoded in the form.
        QVERIFY(server.lastRequest.contains("query=up%7Bjob%3D%22a%26b%22%7D%20%2B%201&start="));
        QVERIFY(server.lastRequest.contains("&step=15"));
        const QString text = PrometheusClient::errorText(m.error);
        QVERIFY2(text.contains(str("no such token")), qPrintable(text));
        QVERIFY(!text.contains(str("s3cret")));
        QVERIFY(!m.error.message.contains(str("s3cret")) &&
                !m.error.context.contains(str("s3cret")));
    }

    void redirectsAreNotFollowedWithTheToken()
    {
        TinyServer elsewhere;
        elsewhere.answer = TinyServer::http(
            200, "OK", R"({"status":"success","data":{"resultType":"matrix","result":[]}})");
        TinyServer server;
        server.answer = "HTTP/1.1 307 Temporary Redirect\r\nLocation: " +
                        elsewhere.url("/api/v1/query_range").toEncoded() +
                        "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        PrometheusEndpoint e = PrometheusEndpoint::fromUrl(server.url());
        e.auth = PrometheusEndpoint::Auth::Bearer;
        e.bearerToken = str("s3cret-token");
        PrometheusClient client(e);
        const PrometheusMatrix m = wait(query(client));
        QCOMPARE(m.error.kind, ApiError::Kind::Http);
        QCOMPARE(m.error.code, 307);
        QVERIFY(elsewhere.lastRequest.isEmpty());
    }

    void malformedAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("not json") << QByteArray("<html>proxy</html>") << str("not JSON");
        QTest::newRow("a vector")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})")
            << str("\"vector\"");
        QTest::newRow("no result")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix"}})")
            << str("no result");
        QTest::newRow("value not a string")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}})")
            << str("[time, \"value\"]");
        // fuzz_prometheusmatrix: a time beyond qint64 milliseconds was rounded into one (UB).
        QTest::newRow("time beyond range")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[17966666666666666666132120,"1"]]}]}})")
            << str("[time, \"value\"]");
        QTest::newRow("no values")
            << QByteArray(
                   R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{}}]}})")
            << str("no metric or no values");
        QTest::newRow("status missing") << QByteArray(R"({"data":{}})") << str("not \"success\"");
    }

    void malformedAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        TinyServer server;
        server.answer = TinyServer::http(200, "OK", body);
        PrometheusClient client(PrometheusEndpoint::fromUrl(server.url()));
        const PrometheusMatrix m = wait(query(client));
        QCOMPARE(m.error.kind, ApiError::Kind::Decode);
        QVERIFY(m.series.empty());
        QVERIFY2(PrometheusClient::errorText(m.error).contains(says),
                 qPrintable(PrometheusClient::errorText(m.error)));
    }

    void silenceTimesOut()
    {
        TinyServer server; // never answers
        PrometheusEndpoint e = PrometheusEndpoint::fromUrl(server.url());
        e.timeoutMs = 300;
        PrometheusClient client(e);
        QElapsedTimer t;
        t.start();
        const PrometheusMatrix m = wait(query(client), 10000);
        QCOMPARE(m.error.kind, ApiError::Kind::Timeout);
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(PrometheusClient::errorText(m.error).contains(str("did not answer in time")));
    }

    void cancelAllEndsWithCancelled()
    {
        TinyServer server;
        PrometheusClient client(PrometheusEndpoint::fromUrl(server.url()));
        QFuture<PrometheusMatrix> f = query(client);
        QTRY_VERIFY(!server.lastRequest.isEmpty());
        QCOMPARE(client.pending(), 1);
        client.cancelAll();
        const PrometheusMatrix m = wait(f);
        QCOMPARE(m.error.kind, ApiError::Kind::Cancelled);
        QCOMPARE(client.pending(), 0);
    }

    void caFileVerifiesPrometheusOverTls()
    {
        // Prometheus serving HTTPS (its web config) with a certificate of kubesim's PKI.
        sim::Certificates pki;
        QString error;
        QVERIFY2(pki.generate({str("localhost")}, &error), qPrintable(error));
        QTemporaryDir dir;
        const auto save = [&](const char *name, const QByteArray &pem) {
            QFile f(dir.filePath(str(name)));
            return f.open(QIODevice::WriteOnly) && f.write(pem) == pem.size();
        };
        QVERIFY(save("ca.pem", pki.ca().certificatePem));
        QVERIFY(save("other-ca.pem", sim::Certificates::makeUnrelatedCa().certificatePem));
        QVERIFY(save("server.pem", pki.server().certificatePem));
        QVERIFY(save("server.key", pki.server().keyPem));
        TestPrometheus tls;
        tls.setWebConfig(QStringLiteral("tls_server_config:\n  cert_file: %1\n  key_file: %2\n")
                             .arg(dir.filePath(str("server.pem")), dir.filePath(str("server.key")))
                             .toUtf8());
        QVERIFY2(tls.start(), qPrintable(tls.errorString()));
        QUrl url = tls.url();
        url.setScheme(str("https"));

        PrometheusEndpoint e = PrometheusEndpoint::fromUrl(url);
        e.caFile = dir.filePath(str("ca.pem"));
        {
            PrometheusClient client(e);
            const PrometheusMatrix m = wait(query(client));
            QVERIFY2(m.ok(), qPrintable(PrometheusClient::errorText(m.error)));
            QCOMPARE(m.series.size(), size_t(1));
        }
        // Signed by a CA the operator did not name, or checked against the system's: refused.
        for (const QString &ca : {dir.filePath(str("other-ca.pem")), QString()}) {
            e.caFile = ca;
            PrometheusClient client(e);
            const PrometheusMatrix m = wait(query(client));
            QCOMPARE(m.error.kind, ApiError::Kind::Tls);
            QVERIFY2(PrometheusClient::errorText(m.error).contains(str("TLS with Prometheus")),
                     qPrintable(PrometheusClient::errorText(m.error)));
        }
    }

    void unreadableCaFileFailsEveryQuery()
    {
        PrometheusEndpoint e = PrometheusEndpoint::fromUrl(QUrl(str("https://127.0.0.1:1")));
        e.caFile = str("/nonexistent/ca.pem");
        PrometheusClient client(e);
        const PrometheusMatrix m = wait(query(client));
        QCOMPARE(m.error.kind, ApiError::Kind::Config);
        QVERIFY(PrometheusClient::errorText(m.error).contains(str("/nonexistent/ca.pem")));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
