#pragma once

#include "kube/KubeObject.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <memory>

namespace kube {

// A core/v1 Event as the dashboard shows it. Events expire after about an hour on most clusters:
// a short-term source, not a history.
struct KubeEvent : KubeObject
{
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString sourceComponent; // source.component, else reportingComponent
    QString sourceHost;      // source.host, else reportingInstance
    QString involvedKind;
    QString involvedName;
    QString involvedNamespace;
    QString involvedUid;
    int count = 1;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp;
    QDateTime eventTime; // MicroTime of newer reporters
    QDateTime creationTimestamp;

    bool isWarning() const { return type == QLatin1String("Warning"); }
    // When it was last seen: lastTimestamp, else the series' or event time, else first/creation.
    QDateTime lastSeen() const;
};

using KubeEventPtr = std::shared_ptr<const KubeEvent>;

} // namespace kube

Q_DECLARE_METATYPE(kube::KubeEventPtr)
