#pragma once

#include "sim/ObjectStore.h"

#include <optional>
#include <string>
#include <vector>

namespace sim {

// labelSelector as the API server parses it: equality (a=b, a==b, a!=b), existence (a, !a) and
// sets (a in (x,y), a notin (x)), comma-separated, all must hold.
class LabelSelector
{
public:
    static std::optional<LabelSelector> parse(const std::string &text, std::string *error);
    // A metav1.LabelSelector object ({matchLabels, matchExpressions}); null or {} gives an empty
    // selector (callers decide whether that means everything or nothing).
    static std::optional<LabelSelector> fromJson(const json &selector, std::string *error);
    bool matches(const StringMap &labels) const;
    bool empty() const { return m_terms.empty(); }

private:
    enum class Op { Equals, NotEquals, Exists, NotExists, In, NotIn };
    struct Term
    {
        std::string key;
        Op op;
        std::vector<std::string> values;
    };
    std::vector<Term> m_terms;
};

// fieldSelector: k=v, k==v, k!=v, comma-separated, on the resource's selectable fields.
class FieldSelector
{
public:
    static std::optional<FieldSelector> parse(const std::string &text, std::string *error);
    bool matches(const StringMap &fields) const;
    bool empty() const { return m_terms.empty(); }
    // The fields it uses; the caller rejects unknown ones as the API server does.
    std::vector<std::string> keys() const;

private:
    struct Term
    {
        std::string key;
        bool negate = false;
        std::string value;
    };
    std::vector<Term> m_terms;
};

} // namespace sim
