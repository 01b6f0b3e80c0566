// The main() of a fuzz target when it is not built with libFuzzer (GCC, the normal CI build): runs
// every input named on the command line once through LLVMFuzzerTestOneInput, a directory meaning
// every file in it. A target reports a broken property by aborting, as it does under libFuzzer, so
// a failing input fails the ctest test and its name is printed just before.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

namespace {

int runOne(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
        return 1;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>()};
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), bytes.size());
    // Copied into a buffer of exactly its size, as libFuzzer does, so that a read past the end
    // is one ASan sees.
    std::vector<std::uint8_t> exact(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
    }
    int failures = 0;
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            std::vector<std::filesystem::path> files;
            for (const auto &entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto &f : files) {
                failures += runOne(f);
                ++inputs;
            }
        } else {
            failures += runOne(arg);
            ++inputs;
        }
    }
    std::fprintf(stderr, "replay: %zu inputs, %d unreadable\n", inputs, failures);
    if (inputs == 0) {
        std::fprintf(stderr, "replay: no inputs: an empty corpus proves nothing\n");
        return 1;
    }
    return failures ? 1 : 0;
}
