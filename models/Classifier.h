#pragma once

#include "kube/Node.h"
#include "models/NodeHealth.h"
#include "models/Taxonomy.h"

namespace models {

// Faultboard's own taint and annotations (the defaults; the taint key is configurable).
struct IsolationPolicy
{
    QString taintKey = QStringLiteral("faultboard.io/isolated");
    static inline const QString AnnotationBy = QStringLiteral("faultboard.io/isolated-by");
    static inline const QString AnnotationReason = QStringLiteral("faultboard.io/isolated-reason");
    static inline const QString AnnotationAt = QStringLiteral("faultboard.io/isolated-at");
};

// Turns a decoded node into its health: active faults with severity and since-when, the worst
// severity, accelerator health and isolation state. Pure and cheap; safe on any thread.
class Classifier
{
public:
    explicit Classifier(const Taxonomy &taxonomy, IsolationPolicy policy = {});

    NodeHealth classify(const kube::Node &node) const;

    const Taxonomy &taxonomy() const { return m_taxonomy; }
    const IsolationPolicy &policy() const { return m_policy; }

    // "8", "500m", "2k": accelerator counts are whole numbers in practice, but parse kindly.
    static int parseCount(const QString &quantity);

private:
    Taxonomy m_taxonomy;
    IsolationPolicy m_policy;
};

} // namespace models
