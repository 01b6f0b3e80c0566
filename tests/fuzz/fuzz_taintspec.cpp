// Fuzz target for kube::TaintSpec (kubectl taint's `key[=value]:Effect`, `key:Effect-`, `key-`).
// Every accepted taint has a key and value Kubernetes accepts (checked here against the rules
// written out by hand, not by the parser's regular expressions), prints back to text that parses
// to the same taint, and applies to a node's taints without a crash.
//
// Input: UTF-8 text, the taint arguments separated by NUL characters.
#include "FuzzCheck.h"

#include "kube/TaintSpec.h"

using namespace kube;

namespace {

bool alnum(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// Kubernetes' name part of a qualified name and label value: at most 63 characters of
// [A-Za-z0-9_.-], starting and ending with [A-Za-z0-9].
bool validName(const QString &s)
{
    if (s.isEmpty() || s.size() > 63 || !alnum(s.front()) || !alnum(s.back()))
        return false;
    for (QChar c : s)
        if (!alnum(c) && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            return false;
    return true;
}

// A DNS-1123 subdomain: lower-case labels of [a-z0-9-] joined by dots, at most 253 characters.
bool validSubdomain(const QString &s)
{
    if (s.isEmpty() || s.size() > 253)
        return false;
    for (const QString &label : s.split(QLatin1Char('.'))) {
        if (label.isEmpty() || label.front() == QLatin1Char('-') ||
            label.back() == QLatin1Char('-'))
            return false;
        for (QChar c : label)
            if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                  (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')))
                return false;
    }
    return true;
}

bool validKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return validName(key);
    return validSubdomain(key.left(slash)) && validName(key.mid(slash + 1));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList args = text.split(QChar(0));
    std::vector<Taint> current;
    for (const QString &arg : args) {
        QString error;
        const auto spec = TaintSpec::parse(arg, &error);
        if (!spec) {
            FUZZ_CHECK(!error.isEmpty(), "rejected without a message");
            continue;
        }
        FUZZ_CHECK(validKey(spec->key), "accepted the key \"%s\"", qPrintable(spec->key));
        FUZZ_CHECK(spec->value.isEmpty() || validName(spec->value), "accepted the value \"%s\"",
                   qPrintable(spec->value));
        FUZZ_CHECK(spec->remove || TaintSpec::isValidEffect(spec->effect), "added without effect");
        const auto again = TaintSpec::parse(spec->toString(), &error);
        FUZZ_CHECK(again && again->key == spec->key && again->value == spec->value &&
                       again->effect == spec->effect && again->remove == spec->remove,
                   "\"%s\" printed as \"%s\" does not parse back", qPrintable(arg),
                   qPrintable(spec->toString()));
        if (!spec->remove)
            current.push_back({spec->key, spec->value, spec->effect, {}});
    }
    QString error;
    if (const auto specs = TaintSpec::parseAll(args, &error)) {
        for (bool overwrite : {false, true}) {
            const auto result = TaintSpec::apply(current, *specs, overwrite, &error);
            if (!result)
                continue;
            for (const Taint &t : *result)
                for (const TaintSpec &s : *specs)
                    FUZZ_CHECK(!s.remove || t.key != s.key ||
                                   (!s.effect.isEmpty() && t.effect != s.effect),
                               "removed taint %s is still there", qPrintable(s.toString()));
        }
    }
    return 0;
}
