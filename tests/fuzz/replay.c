// replay.c - a main for a fuzz target without libFuzzer: every file named on
// the command line, and every regular file directly inside a directory named
// there, goes through LLVMFuzzerTestOneInput once. Linked with a target into a
// wasm32 ASan+UBSan build (make fuzz-replay-wasm32), so the corpora found by
// the 64-bit fuzzers also run where `long` is 32 bits. A sanitizer report or a
// broken invariant (the target aborts) ends the process with a non-zero code.
//   replay [-v] DIR_OR_FILE...   prints "replay: N inputs" and returns 0;
//                                -v names each input before running it (the
//                                last name before a report is the culprit)
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int verbose;

// Reads the whole file; returns 0 when it cannot (the caller reports it).
static int run_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *grown = realloc(buf, cap * 2);
            if (!grown) { free(buf); buf = NULL; break; }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf) return 0;
    // An exact-size copy, so that ASan sees a read one past the input's end.
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) { free(buf); return 0; }
    memcpy(exact, buf, n);
    free(buf);
    if (verbose) fprintf(stderr, "%s\n", path);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    return 1;
}

// Runs one argument: a file, or the regular files directly inside a directory.
// Returns the number of inputs run, or -1 if the path cannot be read.
static long run_path(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    if (!S_ISDIR(st.st_mode)) return run_file(path) ? 1 : -1;
    DIR *d = opendir(path);
    if (!d) return -1;
    long count = 0;
    struct dirent *e;
    char full[4096];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if (!run_file(full)) { closedir(d); return -1; }
        count++;
    }
    closedir(d);
    return count;
}

int main(int argc, char **argv) {
    long total = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) { verbose = 1; continue; }
        const long n = run_path(argv[i]);
        if (n < 0) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        total += n;
    }
    printf("replay: %ld inputs\n", total);
    return 0;
}
