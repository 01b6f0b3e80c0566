#pragma once

#include "sim/ObjectStore.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sim {

class Certificates;
struct ApiPath;
struct HttpRequest;

struct User
{
    std::string name;
    std::vector<std::string> groups;
    bool canWrite = false;

    static User admin(const std::string &name);
    static User viewer(const std::string &name);
    // "admin" or "viewer", as the control endpoints name roles.
    std::string role() const { return canWrite ? "admin" : "viewer"; }
};

// Who a request comes from and what they may do. Authentication as kube-apiserver's bearer
// token, basic auth (gone from kube-apiserver since 1.19, kept for the client's support) and
// client certificate authenticators; authorization has two roles: admins may do everything,
// everyone else only read (get, list, watch) and ask about themselves.
class AccessControl
{
public:
    explicit AccessControl(const Certificates *certs);

    void addToken(const std::string &token, const User &user) { m_tokens[token] = user; }
    // True when the token was known. Its next request gets 401, as after expiry.
    bool revokeToken(const std::string &token) { return m_tokens.erase(token) > 0; }
    void addBasicUser(const std::string &username, const std::string &password, const User &user);
    // The users of the bearer tokens, in the tokens' order (never the tokens themselves).
    std::vector<User> tokenUsers() const;

    std::optional<User> authenticate(const HttpRequest &req) const;
    // Whether `user` may `verb` at all (SelfSubjectAccessReview answers this).
    static bool allows(const User &user, const std::string &verb);
    // The 403 message for `user` doing `verb` on `p`, or nullopt when it is allowed.
    std::optional<std::string> refusal(const User &user, const std::string &verb,
                                       const ApiPath &p) const;

    // The answers to a SelfSubjectAccessReview and a SelfSubjectReview (kubectl auth can-i,
    // kubectl auth whoami) created by `user`.
    static json reviewAccess(const User &user, json review);
    static json reviewSelf(const User &user, json review);

private:
    const Certificates *m_certs;
    std::map<std::string, User> m_tokens;
    std::map<std::string, std::pair<std::string, User>> m_basicUsers; // username: password, user
};

} // namespace sim
