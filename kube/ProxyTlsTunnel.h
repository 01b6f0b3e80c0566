#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

namespace kube {

// An https:// proxy-url, as kubectl supports it: Qt's HTTP proxy client speaks plain text to
// the proxy, so the client talks to this loopback relay instead, which carries every
// connection to the proxy inside TLS. The proxy is verified as kubectl (Go's transport) does:
// with the cluster's TLS configuration (its certificate authority, insecure-skip-tls-verify)
// and the proxy's host name. The CONNECT (and its Proxy-Authorization) and the tunnelled TLS
// to the API server pass through unchanged. Lives on the client's thread.
class ProxyTlsTunnel : public QTcpServer
{
    Q_OBJECT

public:
    ProxyTlsTunnel(const QString &proxyHost, quint16 proxyPort, const QSslConfiguration &tls,
                   QObject *parent = nullptr);

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    // The latest TLS failure with the proxy, for error messages (empty: none).
    QString lastError() const { return m_lastError; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QString m_host;
    quint16 m_port;
    QSslConfiguration m_tls;
    QString m_lastError;
};

} // namespace kube
