#include "models/LabelSelector.h"

namespace models {

namespace {

bool isKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') ||
           c == QLatin1Char('-') || c == QLatin1Char('/');
}

bool isValueChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') ||
           c == QLatin1Char('-');
}

// A cursor over the selector text.
struct Scanner
{
    const QString &s;
    qsizetype i = 0;

    void skipSpace()
    {
        while (i < s.size() && s[i].isSpace())
            ++i;
    }
    bool atEnd()
    {
        skipSpace();
        return i >= s.size();
    }
    bool take(QLatin1String token)
    {
        skipSpace();
        if (QStringView(s).mid(i).startsWith(token)) {
            i += token.size();
            return true;
        }
        return false;
    }
    QString word(bool (*accept)(QChar))
    {
        skipSpace();
        const qsizetype start = i;
        while (i < s.size() && accept(s[i]))
            ++i;
        return s.mid(start, i - start);
    }
    // "in" / "notin" followed by a space or "(".
    bool takeKeyword(QLatin1String kw)
    {
        skipSpace();
        const qsizetype save = i;
        if (!take(kw))
            return false;
        if (i < s.size() && (s[i].isSpace() || s[i] == QLatin1Char('(')))
            return true;
        i = save;
        return false;
    }
};

} // namespace

LabelSelector LabelSelector::parse(const QString &text, QString *error, bool *ok)
{
    LabelSelector sel;
    sel.m_text = text.trimmed();
    Scanner sc{text};
    auto fail = [&](const QString &what) {
        if (error)
            *error =
                tr("label selector \"%1\", at character %2: %3").arg(text).arg(sc.i + 1).arg(what);
        if (ok)
            *ok = false;
        return LabelSelector();
    };
    if (ok)
        *ok = true;
    if (sc.atEnd())
        return sel;
    for (;;) {
        Requirement r;
        const bool negated = sc.take(QLatin1String("!"));
        r.key = sc.word(isKeyChar);
        if (r.key.isEmpty())
            return fail(tr("a label key is expected"));
        const bool notIn = !negated && sc.takeKeyword(QLatin1String("notin"));
        const bool in = !negated && !notIn && sc.takeKeyword(QLatin1String("in"));
        if (negated) {
            r.op = Requirement::Op::DoesNotExist;
        } else if (notIn || in) {
            r.op = notIn ? Requirement::Op::NotIn : Requirement::Op::In;
            if (!sc.take(QLatin1String("(")))
                return fail(
                    tr("\"(\" is expected after \"%1 %2\"")
                        .arg(r.key, notIn ? QStringLiteral("notin") : QStringLiteral("in")));
            for (;;) {
                r.values.insert(sc.word(isValueChar));
                if (sc.take(QLatin1String(")")))
                    break;
                if (!sc.take(QLatin1String(",")))
                    return fail(tr("\",\" or \")\" is expected in the values of %1").arg(r.key));
            }
        } else if (sc.take(QLatin1String("!="))) {
            r.op = Requirement::Op::NotEquals;
            r.values.insert(sc.word(isValueChar));
        } else if (sc.take(QLatin1String("==")) || sc.take(QLatin1String("="))) {
            r.op = Requirement::Op::Equals;
            r.values.insert(sc.word(isValueChar));
        } else {
            r.op = Requirement::Op::Exists;
        }
        sel.m_requirements.push_back(std::move(r));
        if (sc.atEnd())
            return sel;
        if (!sc.take(QLatin1String(",")))
            return fail(tr("\",\" is expected between requirements"));
    }
}

bool LabelSelector::matches(const kube::StringMap &labels) const
{
    for (const Requirement &r : m_requirements) {
        const bool has = labels.contains(r.key);
        switch (r.op) {
        case Requirement::Op::Exists:
            if (!has)
                return false;
            break;
        case Requirement::Op::DoesNotExist:
            if (has)
                return false;
            break;
        case Requirement::Op::Equals:
        case Requirement::Op::In:
            if (!has || !r.values.contains(labels.value(r.key)))
                return false;
            break;
        case Requirement::Op::NotEquals:
        case Requirement::Op::NotIn:
            if (has && r.values.contains(labels.value(r.key)))
                return false;
            break;
        }
    }
    return true;
}

} // namespace models
