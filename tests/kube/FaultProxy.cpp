#include "FaultProxy.h"

#include <sys/socket.h>

#include <utility>

FaultProxy::FaultProxy(const QString &targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(targetHost)
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    for (Pair *p : std::as_const(m_pairs)) {
        // A socket reports `disconnected` from its own destructor, when it is no QTcpSocket any
        // more: the close handlers must not see that (UBSan: downcast of a QAbstractSocket).
        for (QTcpSocket *s : {p->client.data(), p->upstream.data()})
            if (s)
                s->disconnect(this);
        delete p->client;
        delete p->upstream;
        delete p;
    }
}

bool FaultProxy::start()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

int FaultProxy::open() const
{
    int n = 0;
    for (const Pair *p : m_pairs)
        n += p->client && p->client->state() == QAbstractSocket::ConnectedState;
    return n;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto *pair = new Pair;
        pair->client = client;
        pair->upstream = new QTcpSocket(this);
        pair->frozen = m_freezeNew;
        client->setParent(this);
        m_pairs << pair;
        auto close = [this, pair] {
            if (pair->client)
                pair->client->disconnectFromHost();
            if (pair->upstream)
                pair->upstream->disconnectFromHost();
        };
        connect(client, &QTcpSocket::readyRead, this, [this, pair] { pump(pair); });
        connect(pair->upstream, &QTcpSocket::readyRead, this, [this, pair] { pump(pair); });
        connect(pair->upstream, &QTcpSocket::connected, this, [this, pair] { pump(pair); });
        connect(client, &QTcpSocket::bytesWritten, this, &FaultProxy::checkDrained);
        // A frozen pair ignores closes too: nothing crosses it any more.
        connect(client, &QTcpSocket::disconnected, this, [pair, close] {
            if (!pair->frozen)
                close();
        });
        connect(pair->upstream, &QTcpSocket::disconnected, this, [pair, close] {
            if (!pair->frozen)
                close();
        });
        connect(pair->upstream, &QTcpSocket::errorOccurred, this, [pair, close] {
            if (!pair->frozen)
                close();
        });
        pair->upstream->connectToHost(m_targetHost, m_targetPort);
    }
}

void FaultProxy::pump(Pair *pair)
{
    if (pair->frozen || !pair->client || !pair->upstream ||
        pair->upstream->state() != QAbstractSocket::ConnectedState)
        return;
    if (pair->client->bytesAvailable())
        pair->upstream->write(pair->client->readAll());
    if (!pair->upstream->bytesAvailable())
        return;
    QByteArray data = pair->upstream->readAll();
    m_downTotal += data.size();
    if (m_holdDown) {
        pair->down += data.size();
        pair->held += data;
        return;
    }
    if (m_resetAfter > 0 && pair->down + data.size() >= m_resetAfter) {
        data.truncate(m_resetAfter - pair->down);
        pair->client->write(data);
        pair->client->flush();
        m_resetAfter = 0;
        m_didResetAfter = true;
        return reset(pair);
    }
    pair->down += data.size();
    pair->client->write(data);
}

void FaultProxy::reset(Pair *p)
{
    for (QTcpSocket *s : {p->client.data(), p->upstream.data()}) {
        if (!s || s->socketDescriptor() < 0)
            continue;
        const linger l{1, 0};
        ::setsockopt(int(s->socketDescriptor()), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        s->abort();
    }
}

void FaultProxy::freeze(bool alsoNew)
{
    for (Pair *p : std::as_const(m_pairs))
        p->frozen = true;
    m_freezeNew = alsoNew;
}

void FaultProxy::resetAll()
{
    for (Pair *p : std::as_const(m_pairs))
        reset(p);
}

void FaultProxy::refuse(bool on)
{
    if (on)
        m_server.close();
    else if (!m_server.isListening())
        m_server.listen(QHostAddress::LocalHost, m_port);
}

void FaultProxy::holdDown(bool on)
{
    m_holdDown = on;
    if (on)
        return;
    m_draining = true;
    for (Pair *p : std::as_const(m_pairs))
        if (p->client && !p->held.isEmpty())
            p->client->write(std::exchange(p->held, {}));
    checkDrained();
}

void FaultProxy::checkDrained()
{
    if (!m_draining)
        return;
    for (const Pair *p : std::as_const(m_pairs))
        if (p->client && p->client->bytesToWrite() > 0)
            return;
    m_draining = false;
    emit drained();
}
