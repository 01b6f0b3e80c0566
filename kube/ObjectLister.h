#pragma once

#include "kube/ApiClient.h"
#include "kube/ObjectCodec.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace kube {

class ApiCall;

struct ListResult
{
    std::vector<ObjectPtr> items; // in the server's order, across all pages
    QString resourceVersion;
    ApiError error;
    bool ok() const { return error.ok(); }
};

// One paginated list (`limit`, `continue`), every page decoded on a worker thread; the owner's
// thread only receives the finished result. Emits `finished` once and deletes itself; `cancel`
// stops it without a signal. An expired continue token (410) restarts the list once.
class ObjectLister : public QObject
{
    Q_OBJECT

public:
    // `request` names the path, selectors and context; `limit`/`continue` are added here.
    ObjectLister(ApiClient *client, ApiRequest request, std::shared_ptr<const ObjectCodec> codec,
                 int pageSize = 500, QObject *parent = nullptr);
    ~ObjectLister() override;

    void start();
    void cancel();

signals:
    void finished(const kube::ListResult &result);
    // A page is sent again after `delayMs` (the client's RetryPolicy), for a caller's progress.
    void retrying(int attempt, int delayMs, const kube::ApiError &error);

private:
    void requestPage(const QString &continueToken);
    void finish(ListResult result);

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    std::shared_ptr<const ObjectCodec> m_codec;
    int m_pageSize;
    QPointer<ApiCall> m_call;
    ListResult m_result;
    quint64 m_generation = 0; // bumped by cancel and restarts: late decodes are dropped
    bool m_restarted = false;
    bool m_done = false;
};

} // namespace kube

Q_DECLARE_METATYPE(kube::ListResult)
