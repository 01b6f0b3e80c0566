// Fuzz target for models::Taxonomy::mergeJson (a user's taxonomy file, docs/reports.md), merged
// over a small base taxonomy as the window merges a user's file over the built-in one. Any bytes
// give an accepted merge or an error naming the file; never a crash, an exception or undefined
// behaviour. Beyond that it checks:
// - a refused file changes nothing (every type, prefix rule, accelerator and default as before);
// - an accepted one leaves every listed type with a category Faultboard knows, at least one
//   non-empty faulty status and a severity worse than healthy, and merging it a second time
//   changes nothing more;
// - lookup of any name (the input's own strings among them) gives a usable entry: a known one as
//   listed, an unknown one with the defaults, the longest matching prefix deciding its category.
#include "FuzzCheck.h"

#include "models/Taxonomy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <string>

namespace {

using models::FaultType;
using models::Taxonomy;

const char kBase[] = R"({"version": 1,
 "accelerators": [{"resource": "nvidia.com/gpu", "kind": "GPU"},
                  {"resource": "huawei.com/ascend-910", "kind": "NPU", "category": "npu"}],
 "prefixes": [{"prefix": "NT_NPU_", "category": "npu"}, {"prefix": "NT_", "category": "os"},
              {"prefix": "Gpu", "category": "gpu", "severity": "critical"}],
 "conditions": [
  {"type": "Ready", "category": "kubelet", "bad": ["False", "Unknown"], "severity": "critical",
   "explanation": {"en": "The kubelet is not ready.", "zh_CN": "kubelet 未就绪。"}},
  {"type": "NT_NPU_CARD_LOSE", "category": "npu", "bad": "True", "severity": "critical",
   "action": "Isolate and drain."},
  {"type": "KernelDeadlock", "category": "os", "bad": ["True"], "severity": "major",
   "source": "node-problem-detector"}],
 "unknown": {"bad": ["True"], "severity": "minor", "category": "os"}})";

const QString kSource = QStringLiteral("/fuzz/taxonomy.json");

bool sameType(const FaultType &a, const FaultType &b)
{
    return a.type == b.type && a.category == b.category && a.badStatuses == b.badStatuses &&
           a.severity == b.severity && a.explanation == b.explanation && a.action == b.action &&
           a.source == b.source && a.known == b.known;
}

// Everything a taxonomy answers, compared through its public interface; `probes` are names whose
// lookup (the prefix rules and the defaults) must agree too.
void checkSame(const Taxonomy &a, const Taxonomy &b, const QStringList &probes, const char *what)
{
    const QList<FaultType> ta = a.types(), tb = b.types();
    FUZZ_CHECK(ta.size() == tb.size(), "%s: %lld types against %lld", what,
               static_cast<long long>(ta.size()), static_cast<long long>(tb.size()));
    for (qsizetype i = 0; i < ta.size(); ++i)
        FUZZ_CHECK(sameType(ta[i], tb[i]), "%s: type %s differs", what, qPrintable(ta[i].type));
    FUZZ_CHECK(a.accelerators().size() == b.accelerators().size(), "%s: accelerators", what);
    for (qsizetype i = 0; i < a.accelerators().size(); ++i) {
        const models::AcceleratorResource &x = a.accelerators()[i], &y = b.accelerators()[i];
        FUZZ_CHECK(x.resource == y.resource && x.kind == y.kind && x.category == y.category,
                   "%s: accelerator %s differs", what, qPrintable(x.resource));
    }
    FUZZ_CHECK(a.unknownBadStatuses() == b.unknownBadStatuses() &&
                   a.unknownSeverity() == b.unknownSeverity(),
               "%s: the defaults differ", what);
    for (const QString &p : probes) {
        FUZZ_CHECK(sameType(a.lookup(p), b.lookup(p)), "%s: lookup(%s) differs", what,
                   qPrintable(p));
        FUZZ_CHECK(a.categoryFor(p) == b.categoryFor(p), "%s: categoryFor(%s) differs", what,
                   qPrintable(p));
    }
}

// The input's strings (keys and values at any depth), the names its lookups are probed with.
void collectStrings(const QJsonValue &v, QStringList *out, int depth = 0)
{
    if (out->size() > 64 || depth > 16)
        return;
    if (v.isString()) {
        out->append(v.toString());
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectStrings(e, out, depth + 1);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            out->append(it.key());
            collectStrings(it.value(), out, depth + 1);
        }
    }
}

void checkUsable(const Taxonomy &t, const QString &name)
{
    const FaultType ft = t.lookup(name);
    FUZZ_CHECK(ft.type == name, "lookup(%s) names another type", qPrintable(name));
    FUZZ_CHECK(Taxonomy::categories().contains(ft.category), "lookup(%s): category %s",
               qPrintable(name), qPrintable(ft.category));
    FUZZ_CHECK(ft.category == t.categoryFor(name), "lookup(%s) and categoryFor disagree",
               qPrintable(name));
    FUZZ_CHECK(!ft.badStatuses.isEmpty(), "lookup(%s): no faulty status", qPrintable(name));
    for (const QString &s : ft.badStatuses)
        FUZZ_CHECK(!s.isEmpty() && s == s.trimmed(), "lookup(%s): faulty status \"%s\"",
                   qPrintable(name), qPrintable(s));
    FUZZ_CHECK(int(ft.severity) > int(models::Severity::Healthy) &&
                   int(ft.severity) <= int(models::Severity::Critical),
               "lookup(%s): severity %d", qPrintable(name), int(ft.severity));
    FUZZ_CHECK(ft.known == t.contains(name) && (t.find(name) != nullptr) == ft.known,
               "lookup(%s): known is %d", qPrintable(name), int(ft.known));
    if (ft.known)
        FUZZ_CHECK(sameType(*t.find(name), ft), "find(%s) and lookup differ", qPrintable(name));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const Taxonomy base = [] {
        Taxonomy t;
        QString error;
        if (!t.mergeJson(QByteArray(kBase), QStringLiteral("base"), &error)) {
            std::fprintf(stderr, "the base taxonomy is refused: %s\n", qPrintable(error));
            std::abort();
        }
        return t;
    }();
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));

    QStringList probes{QStringLiteral("Ready"), QStringLiteral("NT_NPU_CARD_LOSE"),
                       QStringLiteral("NT_NPU_OTHER"), QStringLiteral("NT_X"),
                       QStringLiteral("GpuXid"), QStringLiteral("Whatever"), QString()};
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    collectStrings(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), &probes);

    Taxonomy t = base;
    QString error;
    const bool accepted = t.mergeJson(json, kSource, &error);
    for (const QString &p : probes)
        checkUsable(t, p);
    if (!accepted) {
        FUZZ_CHECK(error.startsWith(kSource + QStringLiteral(": ")) &&
                       error.size() > kSource.size() + 2,
                   "refused without naming the file and what is wrong: %s", qPrintable(error));
        checkSame(t, base, probes, "a refused file changed the taxonomy");
        return 0;
    }
    FUZZ_CHECK(!doc.isNull() && doc.isObject(), "accepted what is no JSON object");
    for (const FaultType &ft : t.types()) {
        FUZZ_CHECK(!ft.type.isEmpty() && ft.type == ft.type.trimmed(), "type \"%s\"",
                   qPrintable(ft.type));
        FUZZ_CHECK(ft.known, "listed type %s not known", qPrintable(ft.type));
        checkUsable(t, ft.type);
    }
    for (const models::AcceleratorResource &a : t.accelerators()) {
        FUZZ_CHECK(!a.resource.isEmpty() && !a.kind.isEmpty(), "an accelerator without a name");
        FUZZ_CHECK(Taxonomy::categories().contains(a.category), "accelerator %s: category %s",
                   qPrintable(a.resource), qPrintable(a.category));
        FUZZ_CHECK(t.accelerator(a.resource) == &a, "accelerator %s listed twice",
                   qPrintable(a.resource));
    }
    // A file merged again over its own result changes nothing more: it overrides by name.
    Taxonomy again = t;
    QString againError;
    FUZZ_CHECK(again.mergeJson(json, kSource, &againError), "accepted once, refused again: %s",
               qPrintable(againError));
    checkSame(again, t, probes, "merging the same file twice");
    return 0;
}
