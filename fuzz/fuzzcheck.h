#pragma once

#include <cstdio>
#include <cstdlib>

// A property every accepted input must have. A fuzz target that only looked for crashes
// would accept a reader that says yes to everything; this stops the run at the first input
// that breaks a rule, and libFuzzer saves it as a crash file.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);     \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
