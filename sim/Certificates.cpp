#include "sim/Certificates.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sim {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

PKey newKey()
{
    return PKey(EVP_EC_gen("P-256"), &EVP_PKEY_free);
}

QByteArray toPem(X509 *cert)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, len);
    BIO_free(bio);
    return out;
}

QByteArray toPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray out(data, len);
    BIO_free(bio);
    return out;
}

void addExt(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (ext) {
        X509_add_ext(cert, ext, -1);
        X509_EXTENSION_free(ext);
    }
}

Cert makeCert(EVP_PKEY *key, const QString &cn, const QStringList &orgs, X509 *issuer,
              EVP_PKEY * /*issuerKey*/, int days)
{
    Cert cert(X509_new(), &X509_free);
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const QString &o : orgs)
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(o.toUtf8().constData()),
                                   -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.toUtf8().constData()), -1,
                               -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    return cert;
}

} // namespace

struct Certificates::Impl
{
    PKey caKey{nullptr, &EVP_PKEY_free};
    Cert caCert{nullptr, &X509_free};
};

Certificates::Certificates()
    : d(std::make_unique<Impl>())
{}

Certificates::~Certificates() = default;

bool Certificates::generate(const QStringList &serverNames, QString *error)
{
    d->caKey = newKey();
    if (!d->caKey) {
        if (error)
            *error = QStringLiteral("could not generate a key");
        return false;
    }
    d->caCert = makeCert(d->caKey.get(), QStringLiteral("kubesim-ca"), {}, nullptr, nullptr, 3650);
    addExt(d->caCert.get(), d->caCert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExt(d->caCert.get(), d->caCert.get(), NID_key_usage,
           "critical,keyCertSign,cRLSign,digitalSignature");
    addExt(d->caCert.get(), d->caCert.get(), NID_subject_key_identifier, "hash");
    X509_sign(d->caCert.get(), d->caKey.get(), EVP_sha256());
    m_ca = {toPem(d->caCert.get()), toPem(d->caKey.get())};

    PKey serverKey = newKey();
    Cert server = makeCert(serverKey.get(), QStringLiteral("kube-apiserver"), {}, d->caCert.get(),
                           d->caKey.get(), 365);
    QString san = QStringLiteral("IP:127.0.0.1,IP:0:0:0:0:0:0:0:1");
    for (const QString &n : serverNames)
        san += QStringLiteral(",DNS:") + n;
    addExt(server.get(), d->caCert.get(), NID_subject_alt_name, san.toUtf8().constData());
    addExt(server.get(), d->caCert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExt(server.get(), d->caCert.get(), NID_key_usage,
           "critical,digitalSignature,keyEncipherment");
    addExt(server.get(), d->caCert.get(), NID_ext_key_usage, "serverAuth");
    addExt(server.get(), d->caCert.get(), NID_authority_key_identifier, "keyid:always");
    X509_sign(server.get(), d->caKey.get(), EVP_sha256());
    m_server = {toPem(server.get()), toPem(serverKey.get())};
    return true;
}

KeyPair Certificates::issueClient(const QString &user, const QStringList &groups) const
{
    PKey key = newKey();
    Cert cert = makeCert(key.get(), user, groups, d->caCert.get(), d->caKey.get(), 365);
    addExt(cert.get(), d->caCert.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExt(cert.get(), d->caCert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment");
    addExt(cert.get(), d->caCert.get(), NID_ext_key_usage, "clientAuth");
    X509_sign(cert.get(), d->caKey.get(), EVP_sha256());
    return {toPem(cert.get()), toPem(key.get())};
}

KeyPair Certificates::makeUnrelatedCa()
{
    PKey key = newKey();
    Cert cert = makeCert(key.get(), QStringLiteral("someone-else-ca"), {}, nullptr, nullptr, 30);
    addExt(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    X509_sign(cert.get(), key.get(), EVP_sha256());
    return {toPem(cert.get()), toPem(key.get())};
}

bool Certificates::verifyClient(const QByteArray &der) const
{
    if (!d->caCert || der.isEmpty())
        return false;
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    Cert cert(d2i_X509(nullptr, &p, der.size()), &X509_free);
    if (!cert)
        return false;
    if (X509_verify(cert.get(), d->caKey.get()) != 1)
        return false;
    if (X509_cmp_current_time(X509_get0_notBefore(cert.get())) > 0 ||
        X509_cmp_current_time(X509_get0_notAfter(cert.get())) < 0)
        return false;
    return true;
}

} // namespace sim
