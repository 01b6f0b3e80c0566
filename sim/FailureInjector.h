#pragma once

#include "sim/ObjectStore.h"

#include <optional>
#include <string>
#include <vector>

namespace sim {

class HttpExchange;

// An injected failure for the next matching requests (the control setting "failNext").
struct FailRule
{
    int status = 500;
    std::string reason;
    std::string message;
    int remaining = 1;
    std::string pathPrefix;
    std::string method;
    int retryAfterSeconds = 0;

    // {"status": CODE, "reason", "message", "count", "pathPrefix", "method",
    // "retryAfterSeconds"}, the rest defaulted; nullopt and `error` when it is not one.
    static std::optional<FailRule> fromJson(const json &j, std::string *error);
    json toJson() const;
};

// Fails API requests on purpose: the next requests matching a rule get its error Status.
class FailureInjector
{
public:
    const std::vector<FailRule> &rules() const { return m_rules; }
    void setRules(std::vector<FailRule> rules) { m_rules = std::move(rules); }

    // Answers `ex` with the first matching rule's Status and spends one of its count; false when
    // no rule matches.
    bool failIfMatched(HttpExchange *ex);

private:
    std::vector<FailRule> m_rules;
};

} // namespace sim
