#include "kube/BulkFieldFilter.h"

#include <charconv>
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

// Bytes that end a run of plain string characters: the quote, the backslash, control characters
// (not allowed unescaped) and the start of a multi-byte UTF-8 sequence (checked one by one).
constexpr bool special(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}

// The length of the well-formed UTF-8 sequence (RFC 3629) at `i`, or 0.
std::size_t utf8Sequence(const unsigned char *s, std::size_t i, std::size_t n)
{
    const unsigned char c = s[i];
    auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i + k < n && s[i + k] >= lo && s[i + k] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c == 0xE0)
        return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) // not the UTF-16 surrogates
        return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4)
        return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

// Four hex digits at `i`: their value, or -1.
long hex4(const unsigned char *s, std::size_t i, std::size_t n)
{
    if (i + 4 > n)
        return -1;
    long v = 0;
    for (std::size_t k = i; k < i + 4; ++k) {
        const unsigned char c = s[k];
        const int d = c >= '0' && c <= '9' ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Returns the index just past the JSON string opening at `i` ('"'), or npos when it is not one
// nlohmann would accept: unescaped control characters, bad escapes, unpaired surrogates and
// ill-formed UTF-8 are refused.
std::size_t skipValidString(const unsigned char *s, std::size_t i, std::size_t n)
{
    std::size_t p = i + 1;
    while (p < n) {
        const unsigned char c = s[p];
        if (!special(c)) {
            ++p;
        } else if (c == '"') {
            return p + 1;
        } else if (c == '\\') {
            if (p + 1 >= n)
                return std::string_view::npos;
            const unsigned char e = s[p + 1];
            if (e != 'u') {
                if (e == 0 || !std::strchr("\"\\/bfnrt", e))
                    return std::string_view::npos;
                p += 2;
                continue;
            }
            const long u = hex4(s, p + 2, n);
            p += 6;
            if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
                return std::string_view::npos;
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (p + 1 >= n || s[p] != '\\' || s[p + 1] != 'u')
                    return std::string_view::npos;
                const long low = hex4(s, p + 2, n);
                if (low < 0xDC00 || low > 0xDFFF)
                    return std::string_view::npos;
                p += 6;
            }
        } else if (c < 0x20) {
            return std::string_view::npos;
        } else {
            const std::size_t len = utf8Sequence(s, p, n);
            if (len == 0)
                return std::string_view::npos;
            p += len;
        }
    }
    return std::string_view::npos;
}

std::size_t skipDigits(const unsigned char *s, std::size_t p, std::size_t n)
{
    while (p < n && s[p] >= '0' && s[p] <= '9')
        ++p;
    return p;
}

// Whether the number s[i, end) (valid in RFC 8259's grammar, with an exponent or at least 309
// integer digits) exceeds a double's range. The parser refuses such a number ("number
// overflow"), so a dropped value holding one must be refused here too. A value too small for a
// double is read as zero, so it is no reason to refuse.
bool overflowsDouble(const unsigned char *s, std::size_t i, std::size_t end)
{
    const char *first = reinterpret_cast<const char *>(s + i);
    const char *last = reinterpret_cast<const char *>(s + end);
    double value = 0;
    const std::from_chars_result r = std::from_chars(first, last, value);
    if (r.ec != std::errc::result_out_of_range)
        return false;
    // Out of range either way: too large when the first significant digit's decimal order (its
    // place relative to the point, plus the exponent) is positive, too small otherwise.
    const char *p = first + (*first == '-');
    long long intDigits = 0; // digits before the point
    long long index = 0;     // of the digit at p among all the mantissa's digits
    long long firstNonZero = -1;
    bool seenPoint = false;
    for (; p < last && *p != 'e' && *p != 'E'; ++p) {
        if (*p == '.') {
            seenPoint = true;
            continue;
        }
        if (firstNonZero < 0 && *p != '0')
            firstNonZero = index;
        ++index;
        if (!seenPoint)
            ++intDigits;
    }
    if (firstNonZero < 0)
        return false; // zero, whatever its exponent
    long long exponent = 0;
    if (p < last) {
        ++p;
        const bool negative = *p == '-';
        if (*p == '+' || *p == '-')
            ++p;
        for (; p < last && exponent < 1000000000; ++p)
            exponent = exponent * 10 + (*p - '0');
        if (negative)
            exponent = -exponent;
    }
    const long long order = intDigits - 1 - firstNonZero + exponent;
    return order > 0;
}

// A number in RFC 8259's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
std::size_t skipNumber(const unsigned char *s, std::size_t i, std::size_t n)
{
    std::size_t p = i;
    if (p < n && s[p] == '-')
        ++p;
    if (p >= n || s[p] < '0' || s[p] > '9')
        return std::string_view::npos;
    const std::size_t intStart = p;
    p = s[p] == '0' ? p + 1 : skipDigits(s, p, n);
    const std::size_t intDigits = p - intStart;
    if (p < n && s[p] == '.') {
        const std::size_t start = ++p;
        if ((p = skipDigits(s, p, n)) == start)
            return std::string_view::npos;
    }
    bool exponent = false;
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        exponent = true;
        ++p;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            ++p;
        const std::size_t start = p;
        if ((p = skipDigits(s, p, n)) == start)
            return std::string_view::npos;
    }
    // Only an exponent or 309 integer digits can leave a double's range (DBL_MAX < 1.8e308).
    if ((exponent || intDigits >= 309) && overflowsDouble(s, i, p))
        return std::string_view::npos;
    return p;
}

// Returns the index just past the JSON value starting at `i`, or npos if it is not one valid
// value. The value is dropped unread, so it must be checked here: a malformed one would otherwise
// turn an input the parser rejects into one it accepts.
std::size_t skipValue(const char *chars, std::size_t i, std::size_t n)
{
    const auto *s = reinterpret_cast<const unsigned char *>(chars);
    constexpr std::size_t bad = std::string_view::npos;
    std::vector<char> open; // the containers the value has opened: '{' or '['
    std::size_t p = i;
    bool wantKey = false;
    for (;;) {
        // One value (or, after '{' or ',', one key and its ':') ...
        while (p < n && isSpace(s[p]))
            ++p;
        if (p >= n)
            return bad;
        if (wantKey) {
            if (s[p] != '"' || (p = skipValidString(s, p, n)) == bad)
                return bad;
            while (p < n && isSpace(s[p]))
                ++p;
            if (p >= n || s[p] != ':')
                return bad;
            ++p;
            wantKey = false;
            continue;
        }
        const unsigned char c = s[p];
        if (c == '{' || c == '[') {
            open.push_back(char(c));
            ++p;
            while (p < n && isSpace(s[p]))
                ++p;
            if (p < n && s[p] == (c == '{' ? '}' : ']')) {
                open.pop_back();
                ++p;
            } else {
                wantKey = c == '{';
                continue;
            }
        } else if (c == '"') {
            p = skipValidString(s, p, n);
        } else if (c == 't' || c == 'f' || c == 'n') {
            const std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            if (n - p < word.size() || std::memcmp(s + p, word.data(), word.size()) != 0)
                return bad;
            p += word.size();
        } else {
            p = skipNumber(s, p, n);
        }
        if (p == bad)
            return bad;
        // ... then what follows it in its containers: ',' or their ends.
        for (;;) {
            if (open.empty())
                return p;
            while (p < n && isSpace(s[p]))
                ++p;
            if (p >= n)
                return bad;
            if (s[p] == ',') {
                ++p;
                wantKey = open.back() == '{';
                break;
            }
            if (s[p] != (open.back() == '{' ? '}' : ']'))
                return bad;
            open.pop_back();
            ++p;
        }
    }
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
