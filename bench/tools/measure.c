// measure OUT COMMAND [ARGS...]: runs COMMAND, then writes "WALL_NS MAXRSS_KIB CPU_NS" to OUT (CPU_NS:
// user + system time of the child and all its threads) and exits with COMMAND's exit status (128+signal
// when killed). A small C parent matters: a child's ru_maxrss includes
// the memory of the process it was forked from, so forking from Python would report Python's RSS.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: measure OUT COMMAND [ARGS...]\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    perror("measure: exec");
    _exit(127);
  }
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) return 2;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long long ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
  FILE* f = fopen(argv[1], "w");
  if (!f) return 2;
  long long cpu_ns = ((long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
                     ((long long)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
  fprintf(f, "%lld %ld %lld\n", ns, ru.ru_maxrss, cpu_ns);
  fclose(f);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
