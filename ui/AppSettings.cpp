#include "ui/AppSettings.h"

#include <QSettings>

namespace ui {

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.isolationTaintKey =
        s.value(QStringLiteral("isolation/taintKey"), a.isolationTaintKey).toString();
    a.isolationEffect = s.value(QStringLiteral("isolation/effect"), a.isolationEffect).toString();
    a.drainIgnoreDaemonSets =
        s.value(QStringLiteral("drain/ignoreDaemonSets"), a.drainIgnoreDaemonSets).toBool();
    a.drainDeleteEmptyDirData =
        s.value(QStringLiteral("drain/deleteEmptyDirData"), a.drainDeleteEmptyDirData).toBool();
    a.drainForce = s.value(QStringLiteral("drain/force"), a.drainForce).toBool();
    a.drainGracePeriodSeconds =
        s.value(QStringLiteral("drain/gracePeriodSeconds"), a.drainGracePeriodSeconds).toInt();
    a.drainTimeoutSeconds =
        s.value(QStringLiteral("drain/timeoutSeconds"), a.drainTimeoutSeconds).toInt();
    a.historyRetentionDays =
        s.value(QStringLiteral("history/retentionDays"), a.historyRetentionDays).toInt();
    a.theme = s.value(QStringLiteral("ui/theme"), a.theme).toString();
    a.language = s.value(QStringLiteral("ui/language"), a.language).toString();
    a.notifyCritical = s.value(QStringLiteral("alerts/notifyCritical"), a.notifyCritical).toBool();
    a.recentContexts = s.value(QStringLiteral("connections/recent")).toStringList();
    s.beginGroup(QStringLiteral("prometheus"));
    // Context names may hold '/': the group names are percent-encoded.
    for (const QString &key : s.childGroups()) {
        s.beginGroup(key);
        ClusterPrometheus p;
        p.url = s.value(QStringLiteral("url")).toString();
        const QString auth = s.value(QStringLiteral("auth")).toString();
        p.auth = auth == QLatin1String("bearer-file")       ? ClusterPrometheus::Auth::BearerFile
                 : auth == QLatin1String("basic-auth-file") ? ClusterPrometheus::Auth::BasicAuthFile
                                                            : ClusterPrometheus::Auth::None;
        p.credentialFile = s.value(QStringLiteral("credentialFile")).toString();
        p.caFile = s.value(QStringLiteral("caFile")).toString();
        s.endGroup();
        if (!p.url.isEmpty())
            a.prometheus.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key.toUtf8())),
                                p);
    }
    s.endGroup();
    if (a.isolationEffect != QLatin1String("NoSchedule") &&
        a.isolationEffect != QLatin1String("NoExecute"))
        a.isolationEffect = QStringLiteral("NoSchedule");
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("isolation/taintKey"), isolationTaintKey);
    s.setValue(QStringLiteral("isolation/effect"), isolationEffect);
    s.setValue(QStringLiteral("drain/ignoreDaemonSets"), drainIgnoreDaemonSets);
    s.setValue(QStringLiteral("drain/deleteEmptyDirData"), drainDeleteEmptyDirData);
    s.setValue(QStringLiteral("drain/force"), drainForce);
    s.setValue(QStringLiteral("drain/gracePeriodSeconds"), drainGracePeriodSeconds);
    s.setValue(QStringLiteral("drain/timeoutSeconds"), drainTimeoutSeconds);
    s.setValue(QStringLiteral("history/retentionDays"), historyRetentionDays);
    s.setValue(QStringLiteral("ui/theme"), theme);
    s.setValue(QStringLiteral("ui/language"), language);
    s.setValue(QStringLiteral("alerts/notifyCritical"), notifyCritical);
    s.setValue(QStringLiteral("connections/recent"), recentContexts);
    s.remove(QStringLiteral("prometheus"));
    s.beginGroup(QStringLiteral("prometheus"));
    for (auto it = prometheus.begin(); it != prometheus.end(); ++it) {
        if (it->url.isEmpty())
            continue;
        s.beginGroup(QString::fromLatin1(it.key().toUtf8().toPercentEncoding()));
        s.setValue(QStringLiteral("url"), it->url);
        s.setValue(QStringLiteral("auth"), it->auth == ClusterPrometheus::Auth::BearerFile
                                               ? QStringLiteral("bearer-file")
                                           : it->auth == ClusterPrometheus::Auth::BasicAuthFile
                                               ? QStringLiteral("basic-auth-file")
                                               : QStringLiteral("none"));
        s.setValue(QStringLiteral("credentialFile"), it->credentialFile);
        s.setValue(QStringLiteral("caFile"), it->caFile);
        s.endGroup();
    }
    s.endGroup();
}

void AppSettings::rememberContext(const QString &source, const QString &context)
{
    const QString key = source + QLatin1Char('|') + context;
    recentContexts.removeAll(key);
    recentContexts.prepend(key);
    while (recentContexts.size() > 20)
        recentContexts.removeLast();
}

int AppSettings::recentRank(const QString &source, const QString &context) const
{
    return int(recentContexts.indexOf(source + QLatin1Char('|') + context));
}

} // namespace ui
