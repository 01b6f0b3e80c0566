#pragma once

#include "kube/ApiError.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace kube {

class ApiClient;

// Who the API server says we are: SelfSubjectReview (authentication.k8s.io/v1 from Kubernetes
// 1.28, v1beta1 on 1.27). On managed clusters the kubeconfig's user entry is the same
// `arn:…`/`gke_…` string for every operator; the server knows the person.
struct SelfIdentity
{
    QString userName;
    QStringList groups;
    QString apiVersion; // the version that answered
    ApiError error;     // neither version answered (older server, forbidden, offline)

    bool ok() const { return error.ok(); }
};

// Parses a SelfSubjectReview answer; empty userName when it carries none.
SelfIdentity readSelfSubjectReview(const QByteArray &body);

// Asks v1, then v1beta1 when v1 is not served (404); `done` runs once, unless `context` was
// given and destroyed first.
void identifySelf(ApiClient *client, QObject *context,
                  std::function<void(const SelfIdentity &)> done);

} // namespace kube
