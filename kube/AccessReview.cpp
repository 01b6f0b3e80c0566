#include "kube/AccessReview.h"

#include "kube/JsonCodec.h"

namespace kube {

QString AccessCheck::describe() const
{
    QString what = resource;
    if (!subresource.isEmpty())
        what += QLatin1Char('/') + subresource;
    if (!group.isEmpty())
        what += QLatin1Char('.') + group;
    if (!name.isEmpty())
        what += QLatin1Char(' ') + name;
    return verb + QLatin1Char(' ') + what;
}

QByteArray AccessCheck::requestBody() const
{
    json::Json attrs = {{"verb", verb.toStdString()},
                        {"group", group.toStdString()},
                        {"resource", resource.toStdString()}};
    if (!subresource.isEmpty())
        attrs["subresource"] = subresource.toStdString();
    if (!name.isEmpty())
        attrs["name"] = name.toStdString();
    if (!namespaceName.isEmpty())
        attrs["namespace"] = namespaceName.toStdString();
    const json::Json review = {{"apiVersion", "authorization.k8s.io/v1"},
                               {"kind", "SelfSubjectAccessReview"},
                               {"spec", {{"resourceAttributes", attrs}}}};
    return QByteArray::fromStdString(review.dump());
}

void readAccessReview(const QByteArray &body, AccessDecision *decision)
{
    const json::Json j = json::parse(body);
    const json::Json &status = json::obj(j, "status");
    if (!j.is_object() || !json::find(status, "allowed")) {
        decision->allowed = false;
        decision->error = ApiError::decode(QCoreApplication::translate(
            "kube::AccessReview", "the SelfSubjectAccessReview answer has no status.allowed"));
        return;
    }
    decision->allowed = json::boolean(status, "allowed") && !json::boolean(status, "denied");
    decision->reason = json::str(status, "reason");
    if (decision->reason.isEmpty())
        decision->reason = json::str(status, "evaluationError");
}

} // namespace kube
