#include "kube/TaintSpec.h"

#include <QRegularExpression>

namespace kube {

namespace {

bool isNameSegment(const QString &s)
{
    // Anchored with \A and \z: PCRE's `$` also matches before a final line feed ("key\n").
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?")));
    return re.match(s).hasMatch();
}

bool isDnsSubdomain(const QString &s)
{
    static const QRegularExpression re(QRegularExpression::anchoredPattern(
        QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")));
    return s.size() <= 253 && re.match(s).hasMatch();
}

} // namespace

bool TaintSpec::isValidEffect(const QString &effect)
{
    return effect == QLatin1String("NoSchedule") || effect == QLatin1String("PreferNoSchedule") ||
           effect == QLatin1String("NoExecute");
}

QString TaintSpec::checkKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    const QString name = slash < 0 ? key : key.mid(slash + 1);
    if (slash >= 0) {
        const QString prefix = key.left(slash);
        if (prefix.isEmpty() || !isDnsSubdomain(prefix))
            return tr("the prefix \"%1\" must be a DNS subdomain (lower case letters, digits, '-' "
                      "and '.')")
                .arg(prefix);
    }
    if (name.isEmpty())
        return tr("the key's name part must not be empty");
    if (name.size() > 63)
        return tr("the key's name part must be at most 63 characters");
    if (!isNameSegment(name))
        return tr("the key's name part \"%1\" must start and end with a letter or digit and "
                  "hold only letters, digits, '-', '_' and '.'")
            .arg(name);
    return {};
}

QString TaintSpec::checkValue(const QString &value)
{
    if (value.isEmpty())
        return {};
    if (value.size() > 63)
        return tr("the value must be at most 63 characters");
    if (!isNameSegment(value))
        return tr("the value \"%1\" must start and end with a letter or digit and hold only "
                  "letters, digits, '-', '_' and '.'")
            .arg(value);
    return {};
}

std::optional<TaintSpec> TaintSpec::parse(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<TaintSpec> {
        if (error)
            *error = tr("invalid taint \"%1\": %2").arg(text, why);
        return std::nullopt;
    };
    TaintSpec spec;
    QString body = text;
    if (body.endsWith(QLatin1Char('-'))) {
        spec.remove = true;
        body.chop(1);
    }
    const QStringList parts = body.split(QLatin1Char(':'));
    QString keyValue;
    if (parts.size() == 1) {
        keyValue = parts[0];
    } else if (parts.size() == 2) {
        spec.effect = parts[1];
        if (!isValidEffect(spec.effect))
            return fail(tr("the effect must be NoSchedule, PreferNoSchedule or NoExecute, not "
                           "\"%1\"")
                            .arg(spec.effect));
        keyValue = parts[0];
    } else {
        return fail(tr("use key[=value]:Effect, key:Effect- or key-"));
    }
    const QStringList kv = keyValue.split(QLatin1Char('='));
    if (kv.size() > 2)
        return fail(tr("use key[=value]:Effect, key:Effect- or key-"));
    // `key` alone (no effect) only removes; kubectl ignores a value given with a removal.
    if (parts.size() == 1 && (kv.size() == 2 || !spec.remove))
        return fail(tr("an effect is required to add a taint (key[=value]:Effect)"));
    spec.key = kv[0];
    if (kv.size() == 2 && !spec.remove) {
        spec.value = kv[1];
        if (const QString why = checkValue(spec.value); !why.isEmpty())
            return fail(why);
    }
    if (const QString why = checkKey(spec.key); !why.isEmpty())
        return fail(why);
    return spec;
}

std::optional<QList<TaintSpec>> TaintSpec::parseAll(const QStringList &texts, QString *error)
{
    QList<TaintSpec> out;
    for (const QString &t : texts) {
        auto spec = parse(t, error);
        if (!spec)
            return std::nullopt;
        if (!spec->remove) {
            for (const TaintSpec &other : std::as_const(out))
                if (!other.remove && other.key == spec->key && other.effect == spec->effect) {
                    if (error)
                        *error = tr("taint %1:%2 is given twice").arg(spec->key, spec->effect);
                    return std::nullopt;
                }
        }
        out << *spec;
    }
    return out;
}

QString TaintSpec::toString() const
{
    QString s = key;
    if (!value.isEmpty())
        s += QLatin1Char('=') + value;
    if (!effect.isEmpty())
        s += QLatin1Char(':') + effect;
    if (remove)
        s += QLatin1Char('-');
    return s;
}

std::optional<std::vector<Taint>> TaintSpec::apply(const std::vector<Taint> &current,
                                                   const QList<TaintSpec> &specs, bool overwrite,
                                                   QString *error)
{
    std::vector<Taint> result;
    QStringList existing;
    for (const TaintSpec &s : specs) {
        if (s.remove)
            continue;
        for (const Taint &t : current)
            if (t.key == s.key && t.effect == s.effect) {
                if (t.value == s.value)
                    result.push_back(t); // unchanged: keep it as it is (timeAdded included)
                existing << s.key;
            }
        if (std::none_of(result.begin(), result.end(),
                         [&](const Taint &t) { return t.key == s.key && t.effect == s.effect; }))
            result.push_back({s.key, s.value, s.effect, {}});
    }
    if (!overwrite) {
        // kubectl refuses even an identical taint without --overwrite.
        if (!existing.isEmpty()) {
            if (error)
                *error = tr("the node already has taint(s) with key(s) %1 and the same effect; "
                            "overwrite them explicitly to change them")
                             .arg(existing.join(QLatin1String(", ")));
            return std::nullopt;
        }
    }
    for (const Taint &t : current)
        if (std::none_of(result.begin(), result.end(),
                         [&](const Taint &n) { return n.key == t.key && n.effect == t.effect; }))
            result.push_back(t);
    QStringList missing;
    for (const TaintSpec &s : specs) {
        if (!s.remove)
            continue;
        const auto before = result.size();
        result.erase(std::remove_if(result.begin(), result.end(),
                                    [&](const Taint &t) {
                                        return t.key == s.key &&
                                               (s.effect.isEmpty() || t.effect == s.effect);
                                    }),
                     result.end());
        if (result.size() == before)
            missing << s.toString().chopped(1);
    }
    if (!missing.isEmpty()) {
        if (error)
            *error = tr("taint(s) not found: %1").arg(missing.join(QLatin1String(", ")));
        return std::nullopt;
    }
    return result;
}

} // namespace kube
