#include "sim/Selectors.h"

#include <algorithm>

namespace sim {

namespace {

std::string trim(std::string s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// Splits on commas that are not inside parentheses.
std::vector<std::string> splitTerms(const std::string &text)
{
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (char c : text) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!trim(cur).empty())
        out.push_back(trim(cur));
    return out;
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(const std::string &text, std::string *error)
{
    LabelSelector sel;
    for (const std::string &raw : splitTerms(text)) {
        if (raw.empty())
            continue;
        Term t;
        std::size_t p;
        if (raw[0] == '!') {
            t.key = trim(raw.substr(1));
            t.op = Op::NotExists;
        } else if ((p = raw.find("!=")) != std::string::npos) {
            t.key = trim(raw.substr(0, p));
            t.op = Op::NotEquals;
            t.values = {trim(raw.substr(p + 2))};
        } else if ((p = raw.find("==")) != std::string::npos) {
            t.key = trim(raw.substr(0, p));
            t.op = Op::Equals;
            t.values = {trim(raw.substr(p + 2))};
        } else if ((p = raw.find('=')) != std::string::npos) {
            t.key = trim(raw.substr(0, p));
            t.op = Op::Equals;
            t.values = {trim(raw.substr(p + 1))};
        } else if ((p = raw.find(" notin ")) != std::string::npos ||
                   (p = raw.find(" in ")) != std::string::npos) {
            const bool notin = raw.compare(p, 7, " notin ") == 0;
            t.key = trim(raw.substr(0, p));
            t.op = notin ? Op::NotIn : Op::In;
            const auto open = raw.find('(', p);
            const auto close = raw.rfind(')');
            if (open == std::string::npos || close == std::string::npos || close < open) {
                if (error)
                    *error = "unable to parse requirement: found '" + raw + "', expected: '('";
                return std::nullopt;
            }
            std::string inner = raw.substr(open + 1, close - open - 1);
            std::size_t start = 0;
            while (start <= inner.size()) {
                const auto comma = inner.find(',', start);
                const std::string v = trim(inner.substr(
                    start, comma == std::string::npos ? std::string::npos : comma - start));
                if (!v.empty())
                    t.values.push_back(v);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
        } else {
            t.key = trim(raw);
            t.op = Op::Exists;
        }
        if (t.key.empty()) {
            if (error)
                *error = "unable to parse requirement: " + raw;
            return std::nullopt;
        }
        sel.m_terms.push_back(std::move(t));
    }
    return sel;
}

std::optional<LabelSelector> LabelSelector::fromJson(const json &selector, std::string *error)
{
    LabelSelector sel;
    if (selector.is_null())
        return sel;
    if (!selector.is_object()) {
        if (error)
            *error = "a label selector must be an object with matchLabels and/or matchExpressions";
        return std::nullopt;
    }
    if (auto ml = selector.find("matchLabels"); ml != selector.end() && ml->is_object())
        for (auto it = ml->begin(); it != ml->end(); ++it)
            sel.m_terms.push_back(
                {it.key(),
                 Op::Equals,
                 {it.value().is_string() ? it.value().get<std::string>() : it.value().dump()}});
    if (auto me = selector.find("matchExpressions"); me != selector.end() && me->is_array()) {
        for (const json &e : *me) {
            Term t;
            t.key = e.value("key", "");
            const std::string op = e.value("operator", "");
            if (op == "In")
                t.op = Op::In;
            else if (op == "NotIn")
                t.op = Op::NotIn;
            else if (op == "Exists")
                t.op = Op::Exists;
            else if (op == "DoesNotExist")
                t.op = Op::NotExists;
            else {
                if (error)
                    *error = "\"" + op + "\" is not a valid label selector operator";
                return std::nullopt;
            }
            for (const json &v : e.value("values", json::array()))
                if (v.is_string())
                    t.values.push_back(v.get<std::string>());
            sel.m_terms.push_back(std::move(t));
        }
    }
    return sel;
}

bool LabelSelector::matches(const StringMap &labels) const
{
    for (const Term &t : m_terms) {
        auto it = labels.find(t.key);
        const bool has = it != labels.end();
        switch (t.op) {
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::NotExists:
            if (has)
                return false;
            break;
        case Op::Equals:
        case Op::In:
            if (!has || std::find(t.values.begin(), t.values.end(), it->second) == t.values.end())
                return false;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            if (has && std::find(t.values.begin(), t.values.end(), it->second) != t.values.end())
                return false;
            break;
        }
    }
    return true;
}

std::optional<FieldSelector> FieldSelector::parse(const std::string &text, std::string *error)
{
    FieldSelector sel;
    for (const std::string &raw : splitTerms(text)) {
        if (raw.empty())
            continue;
        Term t;
        std::size_t p;
        if ((p = raw.find("!=")) != std::string::npos) {
            t.key = trim(raw.substr(0, p));
            t.negate = true;
            t.value = trim(raw.substr(p + 2));
        } else if ((p = raw.find("==")) != std::string::npos) {
            t.key = trim(raw.substr(0, p));
            t.value = trim(raw.substr(p + 2));
        } else if ((p = raw.find('=')) != std::string::npos) {
            t.key = trim(raw.substr(0, p));
            t.value = trim(raw.substr(p + 1));
        } else {
            if (error)
                *error = "invalid selector: '" + raw + "'; can't understand '" + raw + "'";
            return std::nullopt;
        }
        sel.m_terms.push_back(std::move(t));
    }
    return sel;
}

bool FieldSelector::matches(const StringMap &fields) const
{
    for (const Term &t : m_terms) {
        auto it = fields.find(t.key);
        const std::string v = it == fields.end() ? std::string() : it->second;
        if ((v == t.value) == t.negate)
            return false;
    }
    return true;
}

std::vector<std::string> FieldSelector::keys() const
{
    std::vector<std::string> out;
    for (const Term &t : m_terms)
        out.push_back(t.key);
    return out;
}

} // namespace sim
