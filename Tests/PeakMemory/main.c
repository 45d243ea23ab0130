// peak-memory REPORT PROGRAM [ARGUMENT...]
//
// Runs PROGRAM in a forked child, waits for it, writes the child's peak resident memory in KiB
// to the file REPORT and exits as the child did (128 + the signal when it was killed).
//
// The hostile-input tests need this middle process: a child spawned straight from the large
// test process inherits the test process's high-water mark at exec (the kernel keeps the peak
// of the memory it replaces), so its ru_maxrss says more about the tests than about Clearance.
// Forked from this small process, the child starts from a few hundred KiB.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 3) {
        fprintf(stderr, "usage: peak-memory REPORT PROGRAM [ARGUMENT...]\n");
        return 125;
    }
    pid_t parent = getpid();
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "peak-memory: cannot fork: %s\n", strerror(errno));
        return 125;
    }
    if (child == 0) {
        // Killed with this process, so a time limit that kills it stops the program too.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(125);
        execv(argv[2], argv + 2);
        fprintf(stderr, "peak-memory: cannot run %s: %s\n", argv[2], strerror(errno));
        _exit(126);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "peak-memory: cannot wait for %s: %s\n", argv[2], strerror(errno));
            return 125;
        }
    }
    FILE *report = fopen(argv[1], "w");
    if (report == NULL || fprintf(report, "%ld\n", usage.ru_maxrss) < 0 || fclose(report) != 0) {
        fprintf(stderr, "peak-memory: cannot write %s: %s\n", argv[1], strerror(errno));
        return 125;
    }
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
