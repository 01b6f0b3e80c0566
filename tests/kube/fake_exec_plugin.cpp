// A stand-in for an exec credential plugin (gke-gcloud-auth-plugin, aws eks get-token, kubelogin)
// for the client's tests. Its behaviour is steered by files in a state folder given as
// `--state DIR`, read at every invocation so a test can change them between runs:
//
//   DIR/token          the token to answer (first line); DIR/token.N wins for the N-th invocation
//   DIR/cert, DIR/key  answer clientCertificateData/clientKeyData instead (PEM files)
//   DIR/expires-in     seconds from now for expirationTimestamp (may be negative); absent: none
//   DIR/exit-code      exit with this code after printing DIR/stderr to stderr
//   DIR/api-version    answer this apiVersion instead of the one in KUBERNETES_EXEC_INFO
//
// It appends one line per invocation to DIR/invocations and writes what it was given to
// DIR/exec-info.json (KUBERNETES_EXEC_INFO), DIR/args (one per line) and DIR/env-FAKE_GREETING.

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool readFile(const std::string &path, std::string *out)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return false;
    std::ostringstream s;
    s << f.rdbuf();
    *out = s.str();
    return true;
}

std::string firstLine(const std::string &text)
{
    const auto end = text.find_first_of("\r\n");
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
            break;
        }
    }
    return out + "\"";
}

std::string apiVersionOf(const std::string &execInfo)
{
    const std::string key = "\"apiVersion\":\"";
    const auto at = execInfo.find(key);
    if (at == std::string::npos)
        return "client.authentication.k8s.io/v1beta1";
    const auto start = at + key.size();
    return execInfo.substr(start, execInfo.find('"', start) - start);
}

std::string rfc3339(std::time_t t)
{
    char buf[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

} // namespace

int main(int argc, char **argv)
{
    std::string dir;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        args.emplace_back(argv[i]);
        if (std::string(argv[i]) == "--state" && i + 1 < argc)
            dir = argv[i + 1];
    }
    if (dir.empty()) {
        std::cerr << "fake_exec_plugin: --state DIR is required\n";
        return 2;
    }

    // Count invocations first: the test asserts on them even when the plugin then fails.
    std::string previous;
    readFile(dir + "/invocations", &previous);
    int invocation = 1;
    for (char c : previous)
        invocation += c == '\n';
    std::ofstream(dir + "/invocations", std::ios::app) << invocation << '\n';

    const char *info = std::getenv("KUBERNETES_EXEC_INFO");
    const std::string execInfo = info ? info : "";
    std::ofstream(dir + "/exec-info.json", std::ios::trunc) << execInfo;
    {
        std::ofstream a(dir + "/args", std::ios::trunc);
        for (const auto &s : args)
            a << s << '\n';
    }
    const char *greeting = std::getenv("FAKE_GREETING");
    std::ofstream(dir + "/env-FAKE_GREETING", std::ios::trunc) << (greeting ? greeting : "");

    std::string text;
    if (readFile(dir + "/exit-code", &text)) {
        std::string err;
        readFile(dir + "/stderr", &err);
        std::cerr << err;
        return std::atoi(text.c_str());
    }

    std::string apiVersion = apiVersionOf(execInfo);
    if (readFile(dir + "/api-version", &text))
        apiVersion = firstLine(text);

    std::string status;
    std::string token;
    if (readFile(dir + "/token." + std::to_string(invocation), &token) ||
        readFile(dir + "/token", &token)) {
        status += "\"token\":" + jsonString(firstLine(token));
    }
    std::string cert, key;
    if (readFile(dir + "/cert", &cert) && readFile(dir + "/key", &key)) {
        if (!status.empty())
            status += ',';
        status += "\"clientCertificateData\":" + jsonString(cert) +
                  ",\"clientKeyData\":" + jsonString(key);
    }
    if (readFile(dir + "/expires-in", &text)) {
        const long seconds = std::strtol(text.c_str(), nullptr, 10);
        const std::time_t at = std::time(nullptr) + seconds;
        status += ",\"expirationTimestamp\":" + jsonString(rfc3339(at));
    }
    std::cout << "{\"kind\":\"ExecCredential\",\"apiVersion\":" << jsonString(apiVersion)
              << ",\"spec\":{},\"status\":{" << status << "}}\n";
    return 0;
}
