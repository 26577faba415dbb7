// libFuzzer's entry for programs with their own `main` (compiler-rt, FuzzerInterface.h).
// Only declared here: `-sanitize=fuzzer` links the definition, and only the fuzzing build
// of AccordFuzz (compiled with -DACCORD_FUZZ) calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
