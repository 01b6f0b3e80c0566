#include "kube/BulkFieldFilter.h"
#include "kube/NodeDecoder.h"

#include <QFile>
#include <QTest>

using namespace kube;

namespace {

QByteArray nodeJson(const QByteArray &name, const QByteArray &rv,
                    const QByteArray &npuStatus = "False")
{
    static const QByteArray tmpl = [] {
        QFile f(QStringLiteral(FAULTBOARD_TEST_DATA "/node-template.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing test data node-template.json");
        return f.readAll().trimmed();
    }();
    return QByteArray(tmpl).replace("@NAME@", name).replace("@RV@", rv).replace("@NPU@", npuStatus);
}

} // namespace

class TestNodeDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decodesEveryField()
    {
        ApiError err;
        NodePtr n = NodeDecoder::decodeNode(nodeJson("npu-0003", "42", "True"), &err);
        QVERIFY2(n, qPrintable(err.toString()));
        QCOMPARE(n->name, QStringLiteral("npu-0003"));
        QCOMPARE(n->uid, QStringLiteral("u-npu-0003"));
        QCOMPARE(n->resourceVersion, QStringLiteral("42"));
        QCOMPARE(n->creationTimestamp, QDateTime(QDate(2024, 9, 27), QTime(10, 45, 55), Qt::UTC));
        QCOMPARE(n->labels.value(QStringLiteral("pool")), QStringLiteral("npu-910b"));
        QCOMPARE(n->labels.size(), std::size_t(3));
        // Only Faultboard's own annotations are kept.
        QCOMPARE(n->annotations.size(), std::size_t(2));
        QCOMPARE(n->annotations.value(QStringLiteral("faultboard.io/isolated-reason")),
                 QStringLiteral("卡丢失"));
        QVERIFY(n->unschedulable);
        QCOMPARE(n->taints.size(), std::size_t(2));
        QCOMPARE(n->taints[0].key, QStringLiteral("faultboard.io/isolated"));
        QCOMPARE(n->taints[0].value, QStringLiteral("NT_NPU_CARD_LOSE"));
        QCOMPARE(n->taints[1].effect, QStringLiteral("NoExecute"));
        QCOMPARE(n->taints[1].timeAdded, QDateTime(QDate(2024, 9, 27), QTime(11, 0), Qt::UTC));
        QCOMPARE(n->conditions.size(), std::size_t(2));
        const NodeCondition *c = n->condition(QStringLiteral("NT_NPU_CARD_LOSE"));
        QVERIFY(c);
        QCOMPARE(c->status(), QStringLiteral("True"));
        QCOMPARE(c->reason(), QStringLiteral("os_task_name:npu-card-lose"));
        QVERIFY(!c->lastHeartbeatTime.isValid());
        // +08:00 is converted to UTC, fractional seconds kept to the millisecond.
        QCOMPARE(c->lastTransitionTime,
                 QDateTime(QDate(2024, 9, 27), QTime(2, 45, 55, 123), Qt::UTC));
        QCOMPARE(n->capacity.value(QStringLiteral("huawei.com/ascend-910")), QStringLiteral("8"));
        QCOMPARE(n->allocatable.value(QStringLiteral("huawei.com/ascend-910")),
                 QStringLiteral("7"));
        QCOMPARE(n->internalIp(), QStringLiteral("10.1.2.3"));
        QCOMPARE(n->nodeInfo->architecture, QStringLiteral("arm64"));
        QCOMPARE(n->nodeInfo->osImage, QStringLiteral("EulerOS 2.0 SP10"));
    }

    void decodesAList()
    {
        const QByteArray list =
            R"({"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"77","continue":"abc","remainingItemCount":5},"items":[)" +
            nodeJson("gpu-0001", "70") + "," + nodeJson("gpu-0002", "71") + "]}";
        const DecodedList l = NodeDecoder().decodeList(list);
        QVERIFY(l.error.ok());
        QCOMPARE(l.items.size(), std::size_t(2));
        QCOMPARE(l.items[1]->name, QStringLiteral("gpu-0002"));
        QCOMPARE(l.resourceVersion, QStringLiteral("77"));
        QCOMPARE(l.continueToken, QStringLiteral("abc"));
        QCOMPARE(l.remainingItemCount, 5);
        const auto *n = static_cast<const Node *>(l.items[0].get());
        QCOMPARE(n->conditions.size(),
                 std::size_t(2)); // list items decode as fully as single nodes
    }

    void equalResourceMapsAreOneCopyWrittenApart()
    {
        // 65,000 nodes of a few kinds of machine: their capacity and allocatable maps are kept
        // once per kind, and a node written to (a copy, as actions and kubesim make) gets its own.
        const QByteArray list =
            R"({"kind":"NodeList","metadata":{"resourceVersion":"77"},"items":[)" +
            nodeJson("gpu-0001", "70") + "," + nodeJson("gpu-0002", "71") + "]}";
        const DecodedList l = NodeDecoder().decodeList(list);
        QVERIFY(l.error.ok());
        QCOMPARE(l.items.size(), std::size_t(2));
        const auto &a = static_cast<const Node &>(*l.items[0]);
        const auto &b = static_cast<const Node &>(*l.items[1]);
        QVERIFY(!a.capacity.isEmpty() && !a.allocatable.isEmpty());
        QVERIFY(a.capacity.sharesEntriesWith(b.capacity));
        QVERIFY(a.allocatable.sharesEntriesWith(b.allocatable));

        Node c = b;
        const QString chip = QStringLiteral("huawei.com/ascend-910");
        c.allocatable.insert(chip, QStringLiteral("3"));
        QCOMPARE(c.allocatable.value(chip), QStringLiteral("3"));
        QCOMPARE(b.allocatable.value(chip), a.allocatable.value(chip));
        QVERIFY(!c.allocatable.sharesEntriesWith(b.allocatable));
        QVERIFY(c.allocatable != b.allocatable);
        // Written apart, then equal again: shared() finds the pooled copy.
        c.allocatable.insert(chip, b.allocatable.value(chip));
        QCOMPARE(c.allocatable, b.allocatable);
        QVERIFY(StringMap::shared(c.allocatable).sharesEntriesWith(b.allocatable));
    }

    void aRacksLabelsAreOneCopyBesideEachNodesName()
    {
        // The nodes of a rack have the same labels but for their name (the hostname label): the
        // rest is kept once for the rack, each node's name beside it. A node of another rack
        // has its own, and a node written to (a copy) gets its own without changing the others.
        auto inRack = [](const QByteArray &name, const QByteArray &rack) {
            QByteArray labels = "\"kubernetes.io/hostname\":\"" + name + "\",\"pool\":";
            QByteArray rackLabel = "\"rack\":\"" + rack + "\"";
            return nodeJson(name, "70")
                .replace("\"pool\":", labels)
                .replace("\"rack\":\"npu-r01\"", rackLabel);
        };
        const QByteArray list =
            R"({"kind":"NodeList","metadata":{"resourceVersion":"77"},"items":[)" +
            inRack("npu-0001", "r01") + "," + inRack("npu-0002", "r01") + "," +
            inRack("npu-0017", "r02") + "]}";
        const DecodedList l = NodeDecoder().decodeList(list);
        QVERIFY2(l.error.ok(), qPrintable(l.error.toString()));
        QCOMPARE(l.items.size(), std::size_t(3));
        const auto &a = static_cast<const Node &>(*l.items[0]);
        const auto &b = static_cast<const Node &>(*l.items[1]);
        const auto &c = static_cast<const Node &>(*l.items[2]);
        const QString hostname = QStringLiteral("kubernetes.io/hostname");
        const QString rack = QStringLiteral("rack");
        QVERIFY(a.labels.sharesEntriesWith(b.labels));
        QVERIFY(!a.labels.sharesEntriesWith(c.labels));
        // Each reads as its own, by key and by iteration, and the two are not equal.
        QCOMPARE(a.labels.value(hostname), QStringLiteral("npu-0001"));
        QCOMPARE(b.labels.value(hostname), QStringLiteral("npu-0002"));
        QVERIFY(b.labels.value(hostname).isSharedWith(b.name));
        QCOMPARE(c.labels.value(hostname), QStringLiteral("npu-0017"));
        QCOMPARE(b.labels.value(rack), QStringLiteral("r01"));
        QCOMPARE(c.labels.value(rack), QStringLiteral("r02"));
        QStringList seen;
        for (const auto &[key, value] : b.labels)
            seen << key + QLatin1Char('=') + value;
        QCOMPARE(seen.size(), int(b.labels.size()));
        QVERIFY2(seen.contains(QStringLiteral("kubernetes.io/hostname=npu-0002")),
                 qPrintable(seen.join(QLatin1Char(' '))));
        QVERIFY2(seen.contains(QStringLiteral("rack=r01")), qPrintable(seen.join(QLatin1Char(' '))));
        QVERIFY(a.labels != b.labels);
        QVERIFY(a.labels == a.labels);
        // An equal map built entry by entry equals the pooled one.
        StringMap built;
        for (const auto &[key, value] : b.labels)
            built.insert(key, value);
        QCOMPARE(built, b.labels);

        // Written apart: a new label on a copy of b, and a changed hostname on another.
        Node d = b;
        d.labels.insert(QStringLiteral("faultboard.io/ticket"), QStringLiteral("4711"));
        QVERIFY(!d.labels.sharesEntriesWith(b.labels));
        QCOMPARE(d.labels.value(hostname), QStringLiteral("npu-0002"));
        QVERIFY(!b.labels.contains(QStringLiteral("faultboard.io/ticket")));
        QVERIFY(!a.labels.contains(QStringLiteral("faultboard.io/ticket")));
        Node e = a;
        e.labels.insert(hostname, QStringLiteral("npu-0099"));
        QCOMPARE(e.labels.value(hostname), QStringLiteral("npu-0099"));
        QCOMPARE(a.labels.value(hostname), QStringLiteral("npu-0001"));
        QCOMPARE(b.labels.value(hostname), QStringLiteral("npu-0002"));
    }

    void systemInfoAndTheNameAreOneCopy()
    {
        // The versions and the OS are alike across the fleet, and a node's name comes back in
        // its hostname label and its Hostname address: each is kept once.
        QByteArray a = nodeJson("npu-0001", "70");
        a.replace(R"("pool":)", R"("kubernetes.io/hostname":"npu-0001","pool":)");
        const QByteArray list =
            R"({"kind":"NodeList","metadata":{"resourceVersion":"77"},"items":[)" + a + "," +
            nodeJson("npu-0002", "71") + "]}";
        const DecodedList l = NodeDecoder().decodeList(list);
        QVERIFY(l.error.ok());
        QCOMPARE(l.items.size(), std::size_t(2));
        const auto &x = static_cast<const Node &>(*l.items[0]);
        const auto &y = static_cast<const Node &>(*l.items[1]);
        QCOMPARE(x.nodeInfo->osImage, QStringLiteral("EulerOS 2.0 SP10"));
        QVERIFY(x.nodeInfo.sharesWith(y.nodeInfo));
        const QString host = x.labels.value(QStringLiteral("kubernetes.io/hostname"));
        QCOMPARE(host, x.name);
        QVERIFY(host.isSharedWith(x.name));
        QVERIFY(!x.addresses.empty());
        const auto hostname =
            std::find_if(x.addresses.begin(), x.addresses.end(),
                         [](const auto &ad) { return ad.type == QLatin1String("Hostname"); });
        QVERIFY(hostname != x.addresses.end());
        QVERIFY(hostname->address.isSharedWith(x.name));

        // Written apart: the other node keeps its own.
        Node z = y;
        z.nodeInfo.write().kernelVersion = QStringLiteral("6.1.0");
        QCOMPARE(z.nodeInfo->kernelVersion, QStringLiteral("6.1.0"));
        QVERIFY(y.nodeInfo->kernelVersion != z.nodeInfo->kernelVersion);
        QCOMPARE(x.nodeInfo->kernelVersion, y.nodeInfo->kernelVersion);
        QVERIFY(!(z.nodeInfo == y.nodeInfo));
    }

    void equalConditionsShareTheirWordsWrittenApart()
    {
        // Every healthy node's conditions say the same words: decoded, they are one copy, and a
        // node written to (as an action's patch or kubesim makes) gets its own.
        const QByteArray list =
            R"({"kind":"NodeList","metadata":{"resourceVersion":"77"},"items":[)" +
            nodeJson("npu-0001", "70") + "," + nodeJson("npu-0002", "71") + "," +
            nodeJson("npu-0003", "72", "True") + "]}";
        const DecodedList l = NodeDecoder().decodeList(list);
        QVERIFY(l.error.ok());
        QCOMPARE(l.items.size(), std::size_t(3));
        const auto &a = static_cast<const Node &>(*l.items[0]);
        const auto &b = static_cast<const Node &>(*l.items[1]);
        const auto &faulty = static_cast<const Node &>(*l.items[2]);
        const QString npu = QStringLiteral("NT_NPU_CARD_LOSE");
        QVERIFY(a.condition(npu) && b.condition(npu) && faulty.condition(npu));
        QVERIFY(a.condition(npu)->sharesTextWith(*b.condition(npu)));
        QCOMPARE(a.condition(npu)->status().constData(), b.condition(npu)->status().constData());
        // Another status is other words.
        QVERIFY(!faulty.condition(npu)->sharesTextWith(*a.condition(npu)));
        QCOMPARE(faulty.condition(npu)->status(), QStringLiteral("True"));

        Node c = b;
        NodeCondition *mine = nullptr;
        for (NodeCondition &cond : c.conditions)
            if (cond.type() == npu)
                mine = &cond;
        QVERIFY(mine);
        mine->setStatus(QStringLiteral("True"));
        mine->setMessage(QStringLiteral("card 3 lost"));
        QCOMPARE(mine->status(), QStringLiteral("True"));
        QCOMPARE(mine->type(), npu);
        QCOMPARE(b.condition(npu)->status(), QStringLiteral("False"));
        QCOMPARE(a.condition(npu)->status(), QStringLiteral("False"));
        QVERIFY(!mine->sharesTextWith(*b.condition(npu)));
        QVERIFY(c.conditions != b.conditions);
        // Written back, equal again, and shared again once squeezed.
        mine->setStatus(b.condition(npu)->status());
        mine->setMessage(b.condition(npu)->message());
        QVERIFY(c.conditions == b.conditions);
        c.squeeze();
        QVERIFY(c.condition(npu)->sharesTextWith(*b.condition(npu)));
    }

    void decodesWatchEvents_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("rv");
        QTest::newRow("added") << ("{\"type\":\"ADDED\",\"object\":" + nodeJson("n1", "5") + "}")
                               << int(WatchEvent::Type::Added) << "5";
        QTest::newRow("modified") << ("{\"type\":\"MODIFIED\",\"object\":" + nodeJson("n1", "6") +
                                      "}")
                                  << int(WatchEvent::Type::Modified) << "6";
        QTest::newRow("deleted") << ("{\"type\":\"DELETED\",\"object\":" + nodeJson("n1", "7") +
                                     "}")
                                 << int(WatchEvent::Type::Deleted) << "7";
        QTest::newRow("type after object")
            << ("{\"object\":" + nodeJson("n1", "8") + ",\"type\":\"MODIFIED\"}")
            << int(WatchEvent::Type::Modified) << "8";
        QTest::newRow("bookmark")
            << QByteArray(
                   R"({"type":"BOOKMARK","object":{"kind":"Node","apiVersion":"v1","metadata":{"resourceVersion":"99","creationTimestamp":null}}})")
            << int(WatchEvent::Type::Bookmark) << "99";
    }

    void decodesWatchEvents()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, type);
        QFETCH(QString, rv);
        const WatchEvent ev = NodeDecoder().decodeEvent(frame);
        QVERIFY2(ev.error.ok(), qPrintable(ev.error.toString()));
        QCOMPARE(int(ev.type), type);
        QCOMPARE(ev.resourceVersion, rv);
        QCOMPARE(bool(ev.object), type != int(WatchEvent::Type::Bookmark));
    }

    void decodesErrorEvent()
    {
        const WatchEvent ev = NodeDecoder().decodeEvent(
            R"J({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 5 (900)","reason":"Expired","code":410}})J");
        QCOMPARE(ev.type, WatchEvent::Type::Error);
        QVERIFY(ev.error.isGone());
        QCOMPARE(ev.error.reason, QStringLiteral("Expired"));
        QCOMPARE(ev.error.message, QStringLiteral("too old resource version: 5 (900)"));
    }

    void reportsMalformedInput()
    {
        const WatchEvent ev =
            NodeDecoder().decodeEvent(R"({"type":"ADDED","object":{"metadata":{"name":"x")");
        QCOMPARE(ev.error.kind, ApiError::Kind::Decode);
        QVERIFY(ev.error.message.contains(QLatin1String("watch event")));
        const DecodedList l = NodeDecoder().decodeList("[not json");
        QCOMPARE(l.error.kind, ApiError::Kind::Decode);
    }

    void bulkFilterDropsOnlyImagesAndManagedFields()
    {
        // Keys named like the bulk fields elsewhere, brackets and escaped quotes inside strings.
        auto read = [](const char *name) {
            QFile f(QStringLiteral(FAULTBOARD_TEST_DATA "/") + QLatin1String(name));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("missing %s", name);
            return f.readAll().trimmed();
        };
        QCOMPARE(BulkFieldFilter::strip(read("bulk-filter-in.json")), read("bulk-filter-out.json"));
        // Malformed input passes through for the parser to report.
        const QByteArray broken = "{\"status\":{\"images\":[1,2";
        QCOMPARE(BulkFieldFilter::strip(broken), broken);
    }

    void scalarAtTheTopLevelIsNoNode_data()
    {
        QTest::addColumn<QByteArray>("body");
        // fuzz_nodedecoder's first find: a bare number read the decoder's empty context stack.
        QTest::newRow("number") << QByteArray("0");
        QTest::newRow("string") << QByteArray(R"("Node")");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("null") << QByteArray("null");
    }

    void scalarAtTheTopLevelIsNoNode()
    {
        QFETCH(QByteArray, body);
        ApiError err;
        QVERIFY(!NodeDecoder::decodeNode(body, &err));
        QVERIFY(err);
        const WatchEvent ev = NodeDecoder().decodeEvent(body);
        QCOMPARE(ev.type, WatchEvent::Type::Error);
        QVERIFY(!ev.object);
    }

    void answerThatIsNoNodeListIsAnError_data()
    {
        QTest::addColumn<QByteArray>("body");
        // Read as lists without items, these emptied an informer's picture of the cluster.
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("number") << QByteArray("0");
        QTest::newRow("string") << QByteArray(R"("NodeList")");
        QTest::newRow("a pod list")
            << QByteArray(R"({"kind":"PodList","apiVersion":"v1","metadata":{},"items":[]})");
        QTest::newRow("a success Status")
            << QByteArray(R"({"kind":"Status","apiVersion":"v1","status":"Success"})");
    }

    void answerThatIsNoNodeListIsAnError()
    {
        QFETCH(QByteArray, body);
        const DecodedList list = NodeDecoder().decodeList(body);
        QCOMPARE(list.error.kind, ApiError::Kind::Decode);
        QVERIFY(list.items.empty());
        // An empty NodeList, named or not, is a list.
        QVERIFY(!NodeDecoder().decodeList(R"({"kind":"NodeList","items":[]})").error);
        QVERIFY(!NodeDecoder().decodeList(R"({"metadata":{"resourceVersion":"5"}})").error);
    }

    void malformedBulkValueIsLeftForTheParser_data()
    {
        QTest::addColumn<QByteArray>("images");
        // fuzz_nodedecoder: a byte 0xFF in an image name was dropped unread with the list, so a
        // node the parser rejects was accepted. What is dropped must be a valid value.
        QTest::newRow("ill-formed UTF-8") << QByteArray("[{\"names\":[\"a\xFF\"]}]");
        QTest::newRow("missing comma") << QByteArray("[1 2]");
        QTest::newRow("trailing comma") << QByteArray("[1,]");
        QTest::newRow("control character") << QByteArray("[\"a\x01\"]");
        QTest::newRow("bad escape") << QByteArray(R"(["\x"])");
        QTest::newRow("lone surrogate") << QByteArray(R"(["\udc00"])");
        QTest::newRow("high surrogate alone") << QByteArray(R"(["\ud800x"])");
        QTest::newRow("surrogate in UTF-8") << QByteArray("[\"\xED\xA0\x80\"]");
        QTest::newRow("overlong UTF-8") << QByteArray("[\"\xC0\x80\"]");
        QTest::newRow("bad literal") << QByteArray("[tru]");
        QTest::newRow("bad number") << QByteArray("[1.]");
        // fuzz_nodedecoder: numbers beyond a double's range are refused by the parser (nlohmann's
        // "number overflow"), so dropping them unread accepted a node the parser rejects.
        QTest::newRow("exponent beyond a double") << QByteArray(R"([{"sizeBytes":1e4002}])");
        QTest::newRow("negative beyond a double") << QByteArray("[-2.5E+309]");
        QTest::newRow("integer beyond a double") << QByteArray("[" + QByteArray(310, '9') + "]");
        QTest::newRow("small digits, large exponent")
            << QByteArray("[0.000" + QByteArray(20, '0') + "1e400]");
        QTest::newRow("key without value") << QByteArray(R"([{"names"}])");
        QTest::newRow("mismatched brackets") << QByteArray("[{]}");
    }

    void malformedBulkValueIsLeftForTheParser()
    {
        QFETCH(QByteArray, images);
        const QByteArray node = R"({"metadata":{"name":"n"},"status":{"images":)" + images + "}}";
        QCOMPARE(BulkFieldFilter::strip(node), node);
        ApiError err;
        QVERIFY(!NodeDecoder::decodeNode(node, &err));
        QVERIFY(err);
    }

    void validBulkValueIsStripped()
    {
        const QByteArray node =
            "{\"status\":{\"images\": [{\"names\":[\"caf\xC3\xA9\\u00e9\\ud83d\\ude00\\n\"],"
            "\"sizeBytes\":-1.5e+3}, {}, [], true, false, null, 0, \"\\\"\", 1e-4002, 0e4002, "
            "1.7976931348623157e308, 0.0001e310, 184467440737095516150]},"
            "\"metadata\":{\"name\":\"n\",\"managedFields\":[{\"f:x\":{}}]}}";
        QCOMPARE(
            BulkFieldFilter::strip(node),
            QByteArray(
                R"({"status":{"images": null},"metadata":{"name":"n","managedFields":null}})"));
    }

    void filteredAndUnfilteredDecodeAlike()
    {
        // A real kubesim node (10 KB, 30 images): the decoder's result must not depend on the
        // pre-pass, and the pre-pass must remove most of the bytes.
        QFile f(QStringLiteral(FAULTBOARD_TEST_DATA "/node-kubesim.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray raw = f.readAll();
        const QByteArray stripped = BulkFieldFilter::strip(raw);
        QVERIFY2(stripped.size() * 2 < raw.size(), qPrintable(QString::number(stripped.size())));
        NodePtr a = NodeDecoder::decodeNode(raw);
        NodePtr b = NodeDecoder::decodeNode(stripped);
        QVERIFY(a && b);
        QCOMPARE(a->name, b->name);
        QCOMPARE(a->labels, b->labels);
        QVERIFY(a->conditions == b->conditions);
        QCOMPARE(a->capacity, b->capacity);
        QCOMPARE(a->nodeInfo, b->nodeInfo);
        QVERIFY(a->conditions.size() >= 10);
    }

    void benchmarkRealisticListDecode()
    {
        // 500 kubesim nodes (a full page, ~5 MB), as the informer decodes them.
        QFile f(QStringLiteral(FAULTBOARD_TEST_DATA "/node-kubesim.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray node = f.readAll().trimmed();
        QByteArray list =
            R"({"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[)";
        for (int i = 0; i < 500; ++i)
            list += (i ? "," : "") + node;
        list += "]}";
        NodeDecoder d;
        QBENCHMARK
        {
            const DecodedList l = d.decodeList(list);
            QCOMPARE(l.items.size(), std::size_t(500));
        }
    }

    void benchmarkListDecode()
    {
        QByteArray list =
            R"({"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[)";
        for (int i = 0; i < 500; ++i)
            list += (i ? "," : "") + nodeJson("n" + QByteArray::number(i), QByteArray::number(i));
        list += "]}";
        NodeDecoder d;
        QBENCHMARK
        {
            const DecodedList l = d.decodeList(list);
            QCOMPARE(l.items.size(), std::size_t(500));
        }
    }
};

QTEST_APPLESS_MAIN(TestNodeDecoder)
#include "tst_nodedecoder.moc"
