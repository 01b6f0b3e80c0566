// Fuzz target for models::LabelSelector (kubectl -l syntax, the grid's filter). Input:
// NUL-separated text: first the selector, then `key=value` labels of a node to match it against. A
// rejected selector says where (a character position inside the text); an accepted one, printed
// back in canonical form, parses to the same requirements, and matching follows each
// requirement's meaning.
#include "FuzzCheck.h"

#include "models/LabelSelector.h"

#include <QStringList>

using models::LabelSelector;
using Op = LabelSelector::Requirement::Op;

namespace {

QString canonical(const LabelSelector &sel)
{
    QStringList parts;
    for (const auto &r : sel.requirements()) {
        QStringList values(r.values.begin(), r.values.end());
        values.sort();
        switch (r.op) {
        case Op::Equals:
            parts << r.key + QLatin1Char('=') + values.value(0);
            break;
        case Op::NotEquals:
            parts << r.key + QLatin1String("!=") + values.value(0);
            break;
        case Op::In:
            parts << r.key + QLatin1String(" in (") + values.join(QLatin1Char(',')) +
                         QLatin1Char(')');
            break;
        case Op::NotIn:
            parts << r.key + QLatin1String(" notin (") + values.join(QLatin1Char(',')) +
                         QLatin1Char(')');
            break;
        case Op::Exists:
            parts << r.key;
            break;
        case Op::DoesNotExist:
            parts << QLatin1Char('!') + r.key;
            break;
        }
    }
    return parts.join(QLatin1Char(','));
}

bool holds(const LabelSelector::Requirement &r, const kube::StringMap &labels)
{
    const bool has = labels.contains(r.key);
    const QString v = labels.value(r.key);
    switch (r.op) {
    case Op::Exists:
        return has;
    case Op::DoesNotExist:
        return !has;
    case Op::Equals:
    case Op::In:
        return has && r.values.contains(v);
    case Op::NotEquals:
    case Op::NotIn:
        return !has || !r.values.contains(v);
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList lines = input.split(QChar(0));
    const QString text = lines.value(0);
    QString error;
    bool ok = false;
    const LabelSelector sel = LabelSelector::parse(text, &error, &ok);
    if (!ok) {
        FUZZ_CHECK(!error.isEmpty() && sel.isEmpty(), "rejected without a message");
        return 0;
    }
    FUZZ_CHECK(sel.isEmpty() == text.trimmed().isEmpty(), "\"%s\" gave no requirement",
               qPrintable(text));
    for (const auto &r : sel.requirements()) {
        FUZZ_CHECK(!r.key.isEmpty(), "an empty key in \"%s\"", qPrintable(text));
        FUZZ_CHECK((r.op == Op::Exists || r.op == Op::DoesNotExist) == r.values.isEmpty(),
                   "values on an existence requirement, or none on a comparison");
    }
    const QString printed = canonical(sel);
    bool againOk = false;
    const LabelSelector again = LabelSelector::parse(printed, &error, &againOk);
    FUZZ_CHECK(againOk && canonical(again) == printed, "\"%s\" printed as \"%s\" parses to \"%s\"",
               qPrintable(text), qPrintable(printed), qPrintable(canonical(again)));

    kube::StringMap labels;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype eq = lines[i].indexOf(QLatin1Char('='));
        if (eq > 0)
            labels.insert(lines[i].left(eq), lines[i].mid(eq + 1));
    }
    bool all = true;
    for (const auto &r : sel.requirements())
        all = all && holds(r, labels);
    FUZZ_CHECK(sel.matches(labels) == all, "\"%s\" matches where a requirement does not hold",
               qPrintable(text));
    return 0;
}
