// Counts words of its arguments with the C++ standard library (so the
// binary links against libstdc++ and libgcc_s as well as glibc).
#include <iostream>
#include <map>
#include <sstream>
#include <string>

int main(int argc, char **argv) {
    std::map<std::string, int> counts;
    for (int i = 1; i < argc; ++i) {
        std::istringstream in(argv[i]);
        std::string w;
        while (in >> w) ++counts[w];
    }
    std::cout << "wordfreq:";
    for (const auto &[word, n] : counts) std::cout << ' ' << word << '=' << n;
    std::cout << '\n';
    return 0;
}
