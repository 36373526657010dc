// check.h - the tiny check harness shared by the native C tests.
//
//   CHECK(cond, "printf format", args...);   // counts a pass, or prints FAIL file:line and the message
//   return check_report();                   // prints "N passed, N failed"; 1 if anything failed
//
// Every CHECK can fail and the exit code says so (no "okay" that always
// returns 0). One test program is one translation unit, so the counters are
// file-static.
#ifndef RNN_TEST_CHECK_H
#define RNN_TEST_CHECK_H
#include <stdio.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                                                               \
    do {                                                                                                               \
        if (cond) {                                                                                                    \
            check_passed++;                                                                                            \
        } else {                                                                                                       \
            check_failed++;                                                                                            \
            printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                                                     \
            printf(__VA_ARGS__);                                                                                       \
            printf("\n");                                                                                              \
            fflush(stdout);                                                                                            \
        }                                                                                                              \
    } while (0)

// The final line of every test program; its value is main's return value.
static inline int check_report(void) {
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}
#endif
