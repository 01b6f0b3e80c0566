#pragma once

#include "kube/Node.h"
#include "models/NodeHealth.h"
#include "models/Taxonomy.h"

#include <QCoreApplication>

namespace models {

// Faultboard's own taint and annotations (the defaults; the taint key is configurable).
struct IsolationPolicy
{
    QString taintKey = QStringLiteral("faultboard.io/isolated");
    static inline const QString AnnotationBy = QStringLiteral("faultboard.io/isolated-by");
    static inline const QString AnnotationReason = QStringLiteral("faultboard.io/isolated-reason");
    static inline const QString AnnotationAt = QStringLiteral("faultboard.io/isolated-at");
    // The cordon's own taint: shown as "cordoned", not as another taint.
    static inline const QString CordonTaint = QStringLiteral("node.kubernetes.io/unschedulable");
};

// Turns a decoded node into its health: active faults with severity and since-when, the worst
// severity, accelerator health and isolation state. Pure and cheap; safe on any thread.
class Classifier
{
    Q_DECLARE_TR_FUNCTIONS(Classifier)

public:
    explicit Classifier(const Taxonomy &taxonomy, IsolationPolicy policy = {});

    NodeHealth classify(const kube::Node &node) const;

    const Taxonomy &taxonomy() const { return m_taxonomy; }
    const IsolationPolicy &policy() const { return m_policy; }

    // "8", "500m", "2k": accelerator counts are whole numbers in practice, but parse kindly.
    static int parseCount(const QString &quantity);
    // "2 of 8 NPUs lost", for people.
    static QString acceleratorLossText(const AcceleratorHealth &a);

    // The reason recorded on a chip-loss fault.
    static inline const QString AcceleratorsLostReason = QStringLiteral("AcceleratorsLost");

private:
    Taxonomy m_taxonomy;
    IsolationPolicy m_policy;
};

} // namespace models
