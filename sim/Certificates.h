#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace sim {

struct KeyPair
{
    QByteArray certificatePem;
    QByteArray keyPem;
};

// kubesim's own PKI, made fresh at every start: a CA, a server certificate for loopback, and
// client certificates signed by the CA. Uses OpenSSL directly (Qt cannot issue certificates).
class Certificates
{
public:
    Certificates();
    ~Certificates();

    // Creates the CA and the server certificate. `serverNames` become DNS SANs; 127.0.0.1 and
    // ::1 are always IP SANs.
    bool generate(const QStringList &serverNames, QString *error);

    const KeyPair &ca() const { return m_ca; }
    const KeyPair &server() const { return m_server; }
    // A client certificate with CommonName `user` and Organization `groups` (as the API server
    // maps them), signed by the CA.
    KeyPair issueClient(const QString &user, const QStringList &groups) const;
    // A CA nobody trusts, to test that clients refuse a server signed by the wrong authority.
    static KeyPair makeUnrelatedCa();

    // Whether a DER certificate was signed by our CA and is currently valid.
    bool verifyClient(const QByteArray &der) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    KeyPair m_ca;
    KeyPair m_server;
};

} // namespace sim
