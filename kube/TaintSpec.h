#pragma once

#include "kube/Node.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace kube {

// One taint argument in kubectl's syntax: `key[=value]:Effect` adds, `key:Effect-` removes the
// taint with that key and effect, `key-` removes every taint with that key.
struct TaintSpec
{
    Q_DECLARE_TR_FUNCTIONS(TaintSpec)

public:
    QString key;
    QString value;
    QString effect; // NoSchedule, PreferNoSchedule, NoExecute; empty only for `key-`
    bool remove = false;

    static std::optional<TaintSpec> parse(const QString &text, QString *error);
    // Parses every argument; the first bad one fails the lot (kubectl does the same).
    static std::optional<QList<TaintSpec>> parseAll(const QStringList &texts, QString *error);
    QString toString() const;

    static bool isValidEffect(const QString &effect);
    // Kubernetes' qualified name ([prefix/]name) and label value rules; empty when valid.
    static QString checkKey(const QString &key);
    static QString checkValue(const QString &value);

    // kubectl taint's edit of a node's taints: new taints first, then the old ones they do not
    // replace, minus the removed ones. Fails when a removed taint is not there, or (unless
    // `overwrite`) when an added taint's key and effect are already on the node.
    static std::optional<std::vector<Taint>> apply(const std::vector<Taint> &current,
                                                   const QList<TaintSpec> &specs, bool overwrite,
                                                   QString *error);
};

} // namespace kube
