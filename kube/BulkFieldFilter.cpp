#include "kube/BulkFieldFilter.h"

#include <cstring>
#include <string_view>
#include <vector>

namespace kube {

namespace {

struct Frame
{
    bool object;
    std::string_view ownKey; // the key this container is the value of ("" in arrays/root)
    std::string_view key;    // objects: the key whose value comes next
};

// Returns the index just past the closing quote of the string opening at `i` ('"'), or npos.
std::size_t skipString(const char *s, std::size_t i, std::size_t n)
{
    std::size_t p = i + 1;
    while (p < n) {
        const void *q = std::memchr(s + p, '"', n - p);
        if (!q)
            return std::string_view::npos;
        std::size_t end = static_cast<const char *>(q) - s;
        std::size_t bs = 0;
        while (end - bs > i + 1 && s[end - bs - 1] == '\\')
            ++bs;
        if (bs % 2 == 0)
            return end + 1;
        p = end + 1;
    }
    return std::string_view::npos;
}

// Returns the index just past the value starting at `i`, or npos if it does not end.
std::size_t skipValue(const char *s, std::size_t i, std::size_t n)
{
    if (i >= n)
        return std::string_view::npos;
    const char c = s[i];
    if (c == '"')
        return skipString(s, i, n);
    if (c == '{' || c == '[') {
        int depth = 0;
        std::size_t p = i;
        while (p < n) {
            const char d = s[p];
            if (d == '"') {
                p = skipString(s, p, n);
                if (p == std::string_view::npos)
                    return p;
                continue;
            }
            if (d == '{' || d == '[')
                ++depth;
            else if ((d == '}' || d == ']') && --depth == 0)
                return p + 1;
            ++p;
        }
        return std::string_view::npos;
    }
    std::size_t p = i;
    while (p < n && s[p] != ',' && s[p] != '}' && s[p] != ']' && s[p] != ' ' && s[p] != '\n'
           && s[p] != '\r' && s[p] != '\t')
        ++p;
    return p;
}

bool isBulk(std::string_view parentKey, std::string_view key)
{
    return (parentKey == "status" && key == "images") || (parentKey == "metadata" && key == "managedFields");
}

} // namespace

QByteArray BulkFieldFilter::strip(const QByteArray &json)
{
    const char *s = json.constData();
    const std::size_t n = std::size_t(json.size());
    QByteArray out;
    out.reserve(json.size() / 3);
    std::vector<Frame> stack;
    stack.reserve(32);
    std::size_t copied = 0; // input bytes up to here are already in `out`
    std::size_t i = 0;
    bool expectKey = false;
    while (i < n) {
        const char c = s[i];
        switch (c) {
        case '{':
            stack.push_back({true, stack.empty() || !stack.back().object ? std::string_view() : stack.back().key, {}});
            expectKey = true;
            ++i;
            break;
        case '[':
            stack.push_back({false, stack.empty() || !stack.back().object ? std::string_view() : stack.back().key, {}});
            expectKey = false;
            ++i;
            break;
        case '}':
        case ']':
            if (stack.empty())
                return json;
            stack.pop_back();
            expectKey = false;
            ++i;
            break;
        case ',':
            expectKey = !stack.empty() && stack.back().object;
            ++i;
            break;
        case '"': {
            const std::size_t end = skipString(s, i, n);
            if (end == std::string_view::npos)
                return json;
            if (expectKey && !stack.empty()) {
                stack.back().key = std::string_view(s + i + 1, end - i - 2);
                expectKey = false;
            }
            i = end;
            break;
        }
        case ':': {
            ++i;
            while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
                ++i;
            if (!stack.empty() && stack.back().object && isBulk(stack.back().ownKey, stack.back().key)) {
                const std::size_t end = skipValue(s, i, n);
                if (end == std::string_view::npos)
                    return json;
                out.append(s + copied, qsizetype(i - copied));
                out.append("null", 4);
                copied = i = end;
            }
            break;
        }
        default:
            ++i;
            break;
        }
    }
    if (copied == 0)
        return json; // nothing stripped: no copy
    out.append(s + copied, qsizetype(n - copied));
    return out;
}

} // namespace kube
