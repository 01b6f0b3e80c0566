#include "kube/SelfSubjectReview.h"

#include "kube/ApiCall.h"
#include "kube/ApiClient.h"
#include "kube/JsonCodec.h"

#include <QCoreApplication>
#include <QPointer>

namespace kube {

namespace {

void ask(const QPointer<ApiClient> &client, const QPointer<QObject> &context, bool hadContext,
         const QStringList &versions, std::function<void(const SelfIdentity &)> done)
{
    auto reply = [context, hadContext, done](const SelfIdentity &who) {
        if (done && (!hadContext || context))
            done(who);
    };
    if (!client) {
        SelfIdentity who;
        who.error = ApiError::cancelled();
        return reply(who);
    }
    const QString version = versions.first();
    ApiRequest req;
    req.verb = "POST";
    req.path = QStringLiteral("/apis/authentication.k8s.io/%1/selfsubjectreviews").arg(version);
    req.body = QByteArrayLiteral("{\"apiVersion\":\"authentication.k8s.io/") + version.toLatin1() +
               QByteArrayLiteral("\",\"kind\":\"SelfSubjectReview\"}");
    req.context =
        QCoreApplication::translate("kube::SelfSubjectReview", "ask the server who we are");
    ApiCall *call = client->send(req);
    QObject::connect(
        call, &ApiCall::finished, client.data(),
        [client, context, hadContext, versions, done, reply, version](const ApiResponse &r) {
            if (r.error && r.error.isNotFound() && versions.size() > 1)
                return ask(client, context, hadContext, versions.mid(1), done);
            SelfIdentity who;
            if (r.error) {
                who.error = r.error;
            } else {
                who = readSelfSubjectReview(r.body);
                who.apiVersion = QStringLiteral("authentication.k8s.io/") + version;
            }
            reply(who);
        });
}

} // namespace

SelfIdentity readSelfSubjectReview(const QByteArray &body)
{
    SelfIdentity who;
    const json::Json j = json::parse(body);
    const json::Json &user = json::obj(json::obj(j, "status"), "userInfo");
    who.userName = json::str(user, "username");
    for (const json::Json &g : json::arr(user, "groups"))
        if (g.is_string())
            who.groups << QString::fromStdString(g.get<std::string>());
    if (!j.is_object())
        who.error = ApiError::decode(QCoreApplication::translate(
            "kube::SelfSubjectReview", "the SelfSubjectReview is not JSON"));
    return who;
}

void identifySelf(ApiClient *client, QObject *context,
                  std::function<void(const SelfIdentity &)> done)
{
    ask(QPointer<ApiClient>(client), QPointer<QObject>(context), context != nullptr,
        {QStringLiteral("v1"), QStringLiteral("v1beta1")}, std::move(done));
}

} // namespace kube
