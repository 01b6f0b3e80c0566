#include "kube/ObjectLister.h"
#include "kube/ContinueOn.h"

#include "kube/ApiCall.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace kube {

ObjectLister::ObjectLister(ApiClient *client, ApiRequest request,
                           std::shared_ptr<const ObjectCodec> codec, int pageSize, QObject *parent)
    : QObject(parent ? parent : client)
    , m_client(client)
    , m_request(std::move(request))
    , m_codec(std::move(codec))
    , m_pageSize(pageSize)
{}

ObjectLister::~ObjectLister()
{
    if (m_call)
        m_call->cancel();
}

void ObjectLister::start()
{
    requestPage(QString());
}

void ObjectLister::cancel()
{
    m_done = true;
    ++m_generation;
    if (m_call)
        m_call->cancel();
    deleteLater();
}

void ObjectLister::requestPage(const QString &continueToken)
{
    if (m_done)
        return;
    if (!m_client) {
        ListResult r;
        r.error = ApiError::cancelled(m_request.context);
        return finish(std::move(r));
    }
    ApiRequest req = m_request;
    req.accept = m_codec->listAccept();
    if (m_pageSize > 0)
        req.query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!continueToken.isEmpty())
        req.query.addQueryItem(QStringLiteral("continue"), continueToken);
    const quint64 gen = m_generation;
    m_call = m_client->send(req);
    connect(m_call, &ApiCall::retrying, this, &ObjectLister::retrying);
    connect(m_call, &ApiCall::finished, this, [this, gen, continueToken](const ApiResponse &r) {
        if (gen != m_generation || m_done)
            return;
        if (r.error) {
            // An expired continue token: the list is restarted from scratch, once.
            if (r.error.isGone() && !continueToken.isEmpty() && !m_restarted) {
                m_restarted = true;
                ++m_generation;
                m_result = {};
                return requestPage(QString());
            }
            ListResult failed;
            failed.error = r.error;
            return finish(std::move(failed));
        }
        auto codec = m_codec;
        continueOn(this,
                   QtConcurrent::run(QThreadPool::globalInstance(),
                                     [codec, body = r.body, type = r.contentType] {
                                         return codec->decodeList(body, type);
                                     }),
                   [this, gen](DecodedList page) {
                       if (gen != m_generation || m_done)
                           return;
                       if (page.error) {
                           ListResult failed;
                           failed.error = page.error;
                           failed.error.context = m_request.context;
                           return finish(std::move(failed));
                       }
                       for (ObjectPtr &o : page.items)
                           m_result.items.push_back(std::move(o));
                       if (!page.continueToken.isEmpty())
                           return requestPage(page.continueToken);
                       m_result.resourceVersion = page.resourceVersion;
                       finish(std::move(m_result));
                   });
    });
}

void ObjectLister::finish(ListResult result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
    deleteLater();
}

} // namespace kube
