#include "sim/AccessControl.h"

#include "sim/Certificates.h"
#include "sim/HttpServer.h"
#include "sim/ResourceRegistry.h"

#include <QSslCertificate>
#include <QStringList>

#include <algorithm>

namespace sim {

User User::admin(const std::string &name)
{
    return {name, {"system:masters", "system:authenticated"}, true};
}

User User::viewer(const std::string &name)
{
    return {name, {"system:authenticated"}, false};
}

AccessControl::AccessControl(const Certificates *certs)
    : m_certs(certs)
{}

void AccessControl::addBasicUser(const std::string &username, const std::string &password,
                                 const User &user)
{
    m_basicUsers[username] = {password, user};
}

std::vector<User> AccessControl::tokenUsers() const
{
    std::vector<User> users;
    for (const auto &[token, user] : m_tokens)
        users.push_back(user);
    return users;
}

std::optional<User> AccessControl::authenticate(const HttpRequest &req) const
{
    const QByteArray auth = req.header("authorization");
    if (auth.startsWith("Bearer ")) {
        auto it = m_tokens.find(auth.mid(7).trimmed().toStdString());
        if (it != m_tokens.end())
            return it->second;
        return std::nullopt;
    }
    if (auth.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return std::nullopt;
        auto it = m_basicUsers.find(decoded.left(colon).toStdString());
        if (it != m_basicUsers.end() && it->second.first == decoded.mid(colon + 1).toStdString())
            return it->second.second;
        return std::nullopt;
    }
    if (!req.peerCertificate.isNull() && m_certs &&
        m_certs->verifyClient(req.peerCertificate.toDer())) {
        User u;
        const QStringList cn = req.peerCertificate.subjectInfo(QSslCertificate::CommonName);
        u.name = cn.value(0).toStdString();
        for (const QString &o : req.peerCertificate.subjectInfo(QSslCertificate::Organization))
            u.groups.push_back(o.toStdString());
        u.canWrite =
            std::find(u.groups.begin(), u.groups.end(), "system:masters") != u.groups.end();
        return u;
    }
    return std::nullopt;
}

bool AccessControl::allows(const User &user, const std::string &verb)
{
    return user.canWrite || verb == "get" || verb == "list" || verb == "watch";
}

std::optional<std::string> AccessControl::refusal(const User &user, const std::string &verb,
                                                  const ApiPath &p) const
{
    // Everyone may ask what they may do and who they are.
    if (allows(user, verb) || p.resource->plural == "selfsubjectaccessreviews" ||
        p.resource->plural == "selfsubjectreviews")
        return std::nullopt;
    std::string msg = p.resource->groupResource();
    msg += p.name.empty() ? " is forbidden: " : " \"" + p.name + "\" is forbidden: ";
    std::string resource = p.resource->plural;
    if (!p.subresource.empty())
        resource += "/" + p.subresource;
    msg += "User \"" + user.name + "\" cannot " + verb + " resource \"" + resource +
           "\" in API group \"" + p.resource->group + "\"";
    msg += p.ns.empty() ? " at the cluster scope" : " in the namespace \"" + p.ns + "\"";
    return msg;
}

json AccessControl::reviewAccess(const User &user, json review)
{
    const json attrs =
        review.value("spec", json::object()).value("resourceAttributes", json::object());
    const bool allowed = allows(user, attrs.value("verb", ""));
    review["status"] = {{"allowed", allowed}};
    if (!allowed)
        review["status"]["reason"] = "kubesim: user \"" + user.name + "\" is read-only";
    review["metadata"] = {{"creationTimestamp", nullptr}};
    return review;
}

json AccessControl::reviewSelf(const User &user, json review)
{
    review["status"] = {{"userInfo", {{"username", user.name}, {"groups", user.groups}}}};
    review["metadata"] = {{"creationTimestamp", nullptr}};
    return review;
}

} // namespace sim
