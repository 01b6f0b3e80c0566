#pragma once

#include "kube/Node.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>

#include <vector>

namespace models {

// A Kubernetes label selector, as kubectl -l takes it: comma-separated requirements, each
// `key=value` (or `==`), `key!=value`, `key in (a,b)`, `key notin (a,b)`, `key` (exists) or
// `!key` (does not exist). All must hold. As in Kubernetes, != and notin also match nodes that
// lack the key.
class LabelSelector
{
    Q_DECLARE_TR_FUNCTIONS(LabelSelector)

public:
    struct Requirement
    {
        enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
        QString key;
        Op op = Op::Exists;
        QSet<QString> values;
    };

    LabelSelector() = default;
    // Empty text: matches everything. On a syntax error returns an empty selector, sets `error`
    // (saying where and what) and `ok` to false.
    static LabelSelector parse(const QString &text, QString *error = nullptr, bool *ok = nullptr);

    bool isEmpty() const { return m_requirements.empty(); }
    bool matches(const kube::StringMap &labels) const;
    const std::vector<Requirement> &requirements() const { return m_requirements; }
    QString text() const { return m_text; }

private:
    std::vector<Requirement> m_requirements;
    QString m_text;
};

} // namespace models
