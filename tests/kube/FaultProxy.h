#pragma once

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>

// A TCP relay on loopback in front of a server, for the failures a real network has and a
// server cannot show by itself: it can freeze connections (bytes stop, both sockets stay open,
// as behind a dropped VPN or a load balancer that forgot the flow), reset them (RST), and
// refuse new ones (nothing listens on its port). TLS passes through untouched.
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    FaultProxy(const QString &targetHost, quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool start();
    quint16 port() const { return m_port; }

    // Stops moving bytes on every open connection; `alsoNew`: new connections are accepted and
    // frozen too. Frozen connections stay frozen.
    void freeze(bool alsoNew = false);
    // New connections flow again (the frozen ones stay frozen).
    void thaw() { m_freezeNew = false; }
    // Resets every open connection (SO_LINGER 0: the peers get an RST, not a FIN).
    void resetAll();
    // Once: the first connection to carry `bytes` from the server to the client is reset there,
    // in the middle of whatever answer it carried.
    void resetAfter(qint64 bytes) { m_resetAfter = bytes; }
    bool hasResetAfter() const { return m_resetAfter == 0 && m_didResetAfter; }
    // Stops listening (connections are refused) or listens again on the same port.
    void refuse(bool on);

    int accepted() const { return m_accepted; }
    int open() const;

    // Holds what the server sends (it is read, counted and kept) until released; released, it
    // is written to the clients at once, and `drained` is emitted once the clients' sockets took
    // all of it. With the proxy on a thread of its own, a client's whole burst of answers then
    // arrives while its thread is busy.
    void holdDown(bool on);
    // Bytes read from the server on every connection so far; may be read from any thread.
    qint64 downTotal() const { return m_downTotal.load(); }

signals:
    void drained();

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        bool frozen = false;
        qint64 down = 0; // bytes from the server to the client
        QByteArray held; // from the server, not yet written to the client (holdDown)
    };
    void checkDrained();
    void reset(Pair *pair);
    void onNewConnection();
    void pump(Pair *pair);

    QTcpServer m_server;
    QString m_targetHost;
    quint16 m_targetPort;
    quint16 m_port = 0;
    bool m_freezeNew = false;
    int m_accepted = 0;
    qint64 m_resetAfter = 0;
    bool m_didResetAfter = false;
    bool m_holdDown = false;
    bool m_draining = false;
    std::atomic<qint64> m_downTotal{0};
    QList<Pair *> m_pairs;
};
