#include "kube/CredentialProvider.h"

#include "kube/ApiTime.h"
#include "kube/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace kube {

namespace {

constexpr int TokenFileRereadSeconds = 60;
constexpr int ExecTimeoutMs = 120000;
// Refresh exec credentials a little before they expire so a request never races the expiry.
constexpr int ExecExpirySlackSeconds = 10;

QSslKey readKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm alg : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        QSslKey key(pem, alg, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    return f.readAll();
}

ApiError loadClientCertificate(const QByteArray &certPem, const QByteArray &keyPem,
                               const QString &what, Credentials *out)
{
    const auto certs = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certs.isEmpty())
        return ApiError::credential(
            CredentialProvider::tr("%1: no PEM certificate found").arg(what));
    const QSslKey key = readKey(keyPem);
    if (key.isNull())
        return ApiError::credential(
            CredentialProvider::tr("%1: the client key is not a PEM private key (RSA or EC)")
                .arg(what));
    out->clientCertificate = certs.first();
    out->clientCertificateChain = certs.mid(1);
    out->clientKey = key;
    return {};
}

} // namespace

QString scrubPluginOutput(const QByteArray &stderrBytes)
{
    constexpr int MaxLines = 4;
    constexpr int MaxChars = 400;
    QString text = QString::fromUtf8(stderrBytes);
    static const QRegularExpression pem(
        QStringLiteral("-----BEGIN [A-Z0-9 ]+-----[\\s\\S]*?(-----END [A-Z0-9 ]+-----|$)"));
    text.replace(pem, QStringLiteral("[redacted key]"));
    static const QList<std::pair<QRegularExpression, QString>> rules = {
        // JSON Web Tokens (OIDC id tokens, service account tokens).
        {QRegularExpression(
             QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}(\\.[A-Za-z0-9_-]*)?")),
         QStringLiteral("[redacted]")},
        // Authorization: Bearer xyz / Basic xyz.
        {QRegularExpression(QStringLiteral("\\b(Bearer|Basic)\\s+[^\\s\"',;]+"),
                            QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("\\1 [redacted]")},
        // name=value, name: value, "name": "value" for anything secret-sounding.
        {QRegularExpression(
             QStringLiteral("((?:[A-Za-z0-9_.-]*(?:token|secret|password|passwd|pwd|key|"
                            "credential|auth|session|cookie|signature)[A-Za-z0-9_.-]*)"
                            "[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&]+"),
             QRegularExpression::CaseInsensitiveOption),
         QStringLiteral("\\1[redacted]")},
        // Cloud access key ids and Google OAuth access tokens.
        {QRegularExpression(QStringLiteral("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b")),
         QStringLiteral("[redacted]")},
        {QRegularExpression(QStringLiteral("\\bya29\\.[0-9A-Za-z_-]+")),
         QStringLiteral("[redacted]")},
        // Anything long and opaque (base64, hex): a secret more often than not.
        {QRegularExpression(QStringLiteral("[A-Za-z0-9+/_=-]{32,}")), QStringLiteral("[redacted]")},
    };
    for (const auto &[re, replacement] : rules)
        text.replace(re, replacement);
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString l = line.trimmed();
        if (!l.isEmpty())
            lines << l;
    }
    const bool moreLines = lines.size() > MaxLines;
    text = lines.mid(0, MaxLines).join(QLatin1String(" | "));
    if (text.size() > MaxChars || moreLines)
        text = text.left(MaxChars) + QStringLiteral(" …");
    return text;
}

CredentialProvider::CredentialProvider(const ClusterEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{}

CredentialProvider::~CredentialProvider()
{
    // A plugin still running when the client goes away is of no use any more. Kill it and let
    // it be reaped from the event loop: QProcess's destructor would block until it ends.
    for (QProcess *proc : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        proc->disconnect(this);
        if (proc->state() == QProcess::NotRunning)
            continue;
        proc->setParent(nullptr);
        connect(proc, &QProcess::finished, proc, &QObject::deleteLater);
        proc->kill();
    }
}

bool CredentialProvider::isAnonymous() const
{
    const KubeConfigUser &u = m_endpoint.user;
    return u.token.isEmpty() && u.tokenFile.isEmpty() && u.username.isEmpty() && !u.exec &&
           u.clientCertificate.isEmpty() && u.clientCertificateData.isEmpty() &&
           u.authProvider.isEmpty();
}

ApiError CredentialProvider::loadStatic(Credentials *out)
{
    const KubeConfigUser &u = m_endpoint.user;
    const QString who = tr("user \"%1\" in %2").arg(u.name, u.sourceFile);

    if (!u.token.isEmpty()) {
        out->authorization = "Bearer " + u.token.toUtf8();
    } else if (!u.username.isEmpty() || !u.password.isEmpty()) {
        out->authorization =
            "Basic " + (u.username + QLatin1Char(':') + u.password).toUtf8().toBase64();
    } else if (u.authProvider == QLatin1String("oidc")) {
        const QString idToken = u.authProviderConfig.value(QStringLiteral("id-token"));
        if (idToken.isEmpty())
            return ApiError::credential(
                tr("%1: auth-provider oidc has no id-token; log in with your OIDC helper first")
                    .arg(who));
        out->authorization = "Bearer " + idToken.toUtf8();
    } else if (!u.authProvider.isEmpty() && u.tokenFile.isEmpty() && !u.exec) {
        return ApiError::credential(
            tr("%1: the \"%2\" auth-provider was removed from kubectl; use its exec plugin "
               "(for example gke-gcloud-auth-plugin or kubelogin)")
                .arg(who, u.authProvider));
    }

    QByteArray certPem = u.clientCertificateData;
    QByteArray keyPem = u.clientKeyData;
    QString err;
    if (certPem.isEmpty() && !u.clientCertificate.isEmpty()) {
        certPem = readFile(u.clientCertificate, &err);
        if (certPem.isEmpty())
            return ApiError::credential(
                tr("%1: cannot read client-certificate %2: %3").arg(who, u.clientCertificate, err));
    }
    if (keyPem.isEmpty() && !u.clientKey.isEmpty()) {
        keyPem = readFile(u.clientKey, &err);
        if (keyPem.isEmpty())
            return ApiError::credential(
                tr("%1: cannot read client-key %2: %3").arg(who, u.clientKey, err));
    }
    if (!certPem.isEmpty()) {
        if (ApiError e = loadClientCertificate(certPem, keyPem, who, out))
            return e;
    }

    if (!u.impersonate.isEmpty())
        out->extraHeaders.append({"Impersonate-User", u.impersonate.toUtf8()});
    for (const QString &g : u.impersonateGroups)
        out->extraHeaders.append({"Impersonate-Group", g.toUtf8()});
    return {};
}

void CredentialProvider::obtain(QObject *context, Ready ready)
{
    if (!m_staticLoaded) {
        m_staticError = loadStatic(&m_static);
        m_staticLoaded = true;
    }
    if (m_staticError) {
        ready(Credentials(), m_staticError);
        return;
    }
    const KubeConfigUser &u = m_endpoint.user;

    // A token in the kubeconfig wins over tokenFile (as in client-go).
    if (u.token.isEmpty() && !u.tokenFile.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QFileInfo info(u.tokenFile);
        if (m_fileToken.isEmpty() || m_fileTokenReadAt.secsTo(now) >= TokenFileRereadSeconds ||
            info.lastModified() != m_fileTokenModified) {
            QString err;
            const QByteArray token = readFile(u.tokenFile, &err).trimmed();
            if (token.isEmpty()) {
                ready(Credentials(), ApiError::credential(
                                         tr("user \"%1\": cannot read tokenFile %2: %3")
                                             .arg(u.name, u.tokenFile,
                                                  err.isEmpty() ? tr("the file is empty") : err)));
                return;
            }
            m_fileToken = QString::fromUtf8(token);
            m_fileTokenReadAt = now;
            m_fileTokenModified = info.lastModified();
        }
        Credentials c = m_static;
        c.authorization = "Bearer " + m_fileToken.toUtf8();
        ready(c, {});
        return;
    }

    if (u.exec && u.token.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_execCreds &&
            (!m_execExpiry.isValid() || now.secsTo(m_execExpiry) > ExecExpirySlackSeconds)) {
            ready(*m_execCreds, {});
            return;
        }
        m_waiters.append({context, std::move(ready)});
        if (!m_execRunning)
            runExecPlugin();
        return;
    }

    ready(m_static, {});
}

bool CredentialProvider::invalidate()
{
    const KubeConfigUser &u = m_endpoint.user;
    if (u.exec && u.token.isEmpty()) {
        m_execCreds.reset();
        return true;
    }
    if (u.token.isEmpty() && !u.tokenFile.isEmpty()) {
        m_fileToken.clear();
        return true;
    }
    return false;
}

void CredentialProvider::runExecPlugin()
{
    const ExecCredentialConfig &ex = *m_endpoint.user.exec;
    m_execRunning = true;
    // Faultboard has no terminal to lend a plugin (client-go refuses the same way without one).
    if (ex.interactiveMode == QLatin1String("Always")) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                const ExecCredentialConfig &ex = *m_endpoint.user.exec;
                finishExec(Credentials(),
                           ApiError::credential(
                               tr("exec plugin \"%1\" needs an interactive terminal "
                                  "(interactiveMode: Always); log in with it in a terminal first, "
                                  "or set interactiveMode to IfAvailable")
                                   .arg(ex.command)),
                           {});
            },
            Qt::QueuedConnection);
        return;
    }

    nlohmann::json info = {{"apiVersion", ex.apiVersion.toStdString()},
                           {"kind", "ExecCredential"},
                           {"spec", {{"interactive", false}}}};
    if (ex.provideClusterInfo) {
        nlohmann::json cluster = {{"server", m_endpoint.server.toString().toStdString()}};
        if (!m_endpoint.cluster.tlsServerName.isEmpty())
            cluster["tls-server-name"] = m_endpoint.cluster.tlsServerName.toStdString();
        if (m_endpoint.cluster.insecureSkipTlsVerify)
            cluster["insecure-skip-tls-verify"] = true;
        QByteArray ca = m_endpoint.cluster.certificateAuthorityData;
        if (ca.isEmpty() && !m_endpoint.cluster.certificateAuthority.isEmpty()) {
            QString err;
            ca = readFile(m_endpoint.cluster.certificateAuthority, &err);
        }
        if (!ca.isEmpty())
            cluster["certificate-authority-data"] = ca.toBase64().toStdString();
        info["spec"]["cluster"] = cluster;
    }

    auto *proc = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : ex.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromStdString(info.dump()));
    proc->setProcessEnvironment(env);
    proc->setProgram(ex.command);
    proc->setArguments(ex.args);
    proc->setStandardInputFile(QProcess::nullDevice());

    auto *timeout = new QTimer(proc);
    timeout->setSingleShot(true);
    timeout->start(ExecTimeoutMs);
    connect(timeout, &QTimer::timeout, this, [this, proc] {
        proc->disconnect(this);
        connect(proc, &QProcess::finished, proc, &QObject::deleteLater);
        proc->kill();
        finishExec(Credentials(),
                   ApiError::credential(tr("exec plugin %1 did not finish within %2 s")
                                            .arg(m_endpoint.user.exec->command)
                                            .arg(ExecTimeoutMs / 1000)),
                   {});
    });

    connect(proc, &QProcess::errorOccurred, this, [this, proc](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // crashes are reported through finished()
        proc->disconnect(this);
        proc->deleteLater();
        const ExecCredentialConfig &ex = *m_endpoint.user.exec;
        QString msg =
            tr("exec plugin \"%1\" could not be started: %2").arg(ex.command, proc->errorString());
        if (!ex.installHint.isEmpty())
            msg += QLatin1String("; ") + ex.installHint.trimmed();
        finishExec(Credentials(), ApiError::credential(msg), {});
    });

    connect(
        proc, &QProcess::finished, this, [this, proc](int exitCode, QProcess::ExitStatus status) {
            proc->deleteLater();
            const ExecCredentialConfig &ex = *m_endpoint.user.exec;
            const QString stderrText = scrubPluginOutput(proc->readAllStandardError());
            if (status != QProcess::NormalExit || exitCode != 0) {
                QString msg = status == QProcess::NormalExit
                                  ? tr("exec plugin \"%1\" failed with exit code %2")
                                        .arg(ex.command)
                                        .arg(exitCode)
                                  : tr("exec plugin \"%1\" crashed").arg(ex.command);
                if (!stderrText.isEmpty())
                    msg += QLatin1String(": ") + stderrText;
                finishExec(Credentials(), ApiError::credential(msg), {});
                return;
            }
            QString why;
            const auto cred =
                readExecCredential(proc->readAllStandardOutput(), ex.apiVersion, &why);
            if (!cred)
                return finishExec(
                    Credentials(),
                    ApiError::credential(tr("exec plugin \"%1\": %2").arg(ex.command, why)), {});
            Credentials c = m_static;
            c.authorization.clear();
            if (!cred->token.isEmpty())
                c.authorization = "Bearer " + cred->token;
            if (!cred->clientCertificateData.isEmpty()) {
                if (ApiError e =
                        loadClientCertificate(cred->clientCertificateData, cred->clientKeyData,
                                              tr("exec plugin \"%1\"").arg(ex.command), &c))
                    return finishExec(Credentials(), e, {});
            }
            const QDateTime expiry = cred->expiry;
            qCDebug(lcKubeAuth) << "exec plugin" << ex.command << "gave credentials"
                                << (expiry.isValid() ? "expiring" : "without expiry") << expiry;
            finishExec(c, {}, expiry);
        });

    qCDebug(lcKubeAuth) << "running exec plugin" << ex.command;
    proc->start();
}

namespace {

// nlohmann's value() throws when the member is there with another type, and a plugin's answer is
// read in a QProcess slot, where an exception ends the program: a member of another type counts
// as missing.
std::string stringMember(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

std::optional<ExecCredentialStatus>
CredentialProvider::readExecCredential(const QByteArray &output, const QString &apiVersion,
                                       QString *why)
{
    auto fail = [&](const QString &text) -> std::optional<ExecCredentialStatus> {
        *why = text;
        return std::nullopt;
    };
    const auto j = nlohmann::json::parse(output.begin(), output.end(), nullptr, false);
    if (!j.is_object() || stringMember(j, "kind") != "ExecCredential")
        return fail(tr("its output is not an ExecCredential"));
    const std::string answered = stringMember(j, "apiVersion");
    if (QString::fromStdString(answered) != apiVersion)
        return fail(tr("it answered apiVersion \"%1\" but the kubeconfig asked for \"%2\"")
                        .arg(QString::fromStdString(answered), apiVersion));
    auto st = j.find("status");
    if (st == j.end() || !st->is_object())
        return fail(tr("its ExecCredential has no status"));
    ExecCredentialStatus status;
    status.token = QByteArray::fromStdString(stringMember(*st, "token"));
    status.clientCertificateData =
        QByteArray::fromStdString(stringMember(*st, "clientCertificateData"));
    status.clientKeyData = QByteArray::fromStdString(stringMember(*st, "clientKeyData"));
    if (status.clientCertificateData.isEmpty() != status.clientKeyData.isEmpty())
        return fail(tr("clientCertificateData and clientKeyData must come together"));
    if (status.token.isEmpty() && status.clientCertificateData.isEmpty())
        return fail(tr("its ExecCredential status has neither a token nor a client certificate"));
    const std::string exp = stringMember(*st, "expirationTimestamp");
    if (!exp.empty()) {
        status.expiry = parseApiTime(exp);
        if (!status.expiry.isValid())
            return fail(tr("expirationTimestamp \"%1\" is not an RFC 3339 time")
                            .arg(QString::fromStdString(exp)));
    }
    return status;
}

void CredentialProvider::finishExec(const Credentials &creds, const ApiError &error,
                                    const QDateTime &expiry)
{
    m_execRunning = false;
    if (!error) {
        m_execCreds = creds;
        m_execExpiry = expiry;
    }
    const auto waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters)
        if (w.context)
            w.ready(creds, error);
}

} // namespace kube
