#pragma once

#include "kube/NodeActions.h"
#include "models/PrometheusSource.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace ui {

// A cluster's Prometheus (its fault history before Faultboard watched); the rule that picks
// it is models::PrometheusSource, which the headless commands share.
using ClusterPrometheus = models::PrometheusSetting;

// The operator's preferences, kept with QSettings. Plain values: read with load(), written with
// save(); the GUI and the headless commands read the same file.
struct AppSettings
{
    // Isolation: Faultboard's taint.
    QString isolationTaintKey = QStringLiteral("faultboard.io/isolated");
    QString isolationEffect = QStringLiteral("NoSchedule"); // or NoExecute
    // The isolation taint these settings name, for the action engine.
    kube::IsolationSettings isolation() const
    {
        kube::IsolationSettings iso;
        iso.taintKey = isolationTaintKey;
        iso.taintEffect = isolationEffect;
        return iso;
    }
    // Drain defaults (kubectl drain's flags).
    bool drainIgnoreDaemonSets = true;
    bool drainDeleteEmptyDirData = false;
    bool drainForce = false;
    int drainGracePeriodSeconds = -1; // -1: each pod's own
    int drainTimeoutSeconds = 600;    // 0: no limit
    // History.
    int historyRetentionDays = 90;
    // Look and language.
    QString theme = QStringLiteral("system"); // system, light, dark
    QString language;                         // empty: the system's; "en", "zh_CN"
    // Alerts.
    bool notifyCritical = true;
    // Connections, most recent first: "kubeconfig-source|context".
    QStringList recentContexts;
    // Each cluster's Prometheus, by kubeconfig context name.
    QMap<QString, ClusterPrometheus> prometheus;

    static AppSettings load();
    void save() const;

    void rememberContext(const QString &source, const QString &context);
    int recentRank(const QString &source, const QString &context) const; // -1 if never used
};

} // namespace ui
