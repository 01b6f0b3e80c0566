#pragma once

#include "models/ClusterSession.h"
#include "ui/ClusterView.h"
#include "ui/MainWindow.h"

#include <QSignalSpy>
#include <QTest>

// Shows `window` at `size`, opens the cluster of `endpoint` in it and waits until its nodes are
// listed: the view, or null when the window was not exposed or the list did not come in time.
inline ui::ClusterView *openSyncedCluster(ui::MainWindow &window,
                                          const kube::ClusterEndpoint &endpoint,
                                          QSize size = QSize(1400, 900), int syncTimeoutMs = 20000)
{
    window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    ui::ClusterView *view = window.openCluster(endpoint);
    QSignalSpy synced(view->session(), &models::ClusterSession::synced);
    if (!synced.wait(syncTimeoutMs))
        return nullptr;
    return view;
}
