#pragma once

#include "kube/ApiError.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace kube {

// One question for SelfSubjectAccessReview: may the current user do `verb` on this resource?
struct AccessCheck
{
    QString verb;          // patch, create, delete, list
    QString group;         // "" for core
    QString resource;      // nodes, pods, events
    QString subresource;   // eviction
    QString name;          // empty: any
    QString namespaceName; // empty: all namespaces (or cluster-scoped)

    // "patch nodes/gpu-0001", "create pods/eviction": for messages.
    QString describe() const;
    QByteArray requestBody() const;
};

struct AccessDecision
{
    AccessCheck check;
    bool allowed = false;
    QString reason; // the authorizer's reason, when it gave one
    ApiError error; // the review itself failed: `allowed` is false and means "unknown"
};

// What the user may do to one node, for enabling actions in the UI and refusing early in the CLI.
struct NodePermissions
{
    QString node;
    AccessDecision patchNode;    // cordon, taint, isolate, restore
    AccessDecision listPods;     // drain: find the node's pods
    AccessDecision evictPods;    // drain: create pods/eviction
    AccessDecision deletePods;   // drain without eviction support; terminal pods
    AccessDecision createEvents; // isolate/restore record an Event
    ApiError error;              // the first review that failed, if any

    bool canCordon() const { return patchNode.allowed; }
    bool canIsolate() const { return patchNode.allowed; } // the Event is best effort
    bool canDrain() const
    {
        return patchNode.allowed && listPods.allowed && (evictPods.allowed || deletePods.allowed);
    }
};

// Parses a SelfSubjectAccessReview answer into `decision` (allowed and reason).
void readAccessReview(const QByteArray &body, AccessDecision *decision);

} // namespace kube

Q_DECLARE_METATYPE(kube::AccessDecision)
Q_DECLARE_METATYPE(kube::NodePermissions)
