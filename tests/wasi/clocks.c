// Clocks: realtime is a plausible date, monotonic never goes back, sleeping waits, resolutions are sane,
// the CPU-time clocks answer.
#include <stdio.h>
#include <time.h>

static long long ns(struct timespec t) { return (long long)t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
  struct timespec rt, m0, m1, res;
  clock_gettime(CLOCK_REALTIME, &rt);
  printf("realtime after 2020: %s\n", rt.tv_sec > 1577836800 ? "yes" : "no");
  printf("time() agrees: %s\n", (time(NULL) - rt.tv_sec) <= 1 ? "yes" : "no");
  clock_gettime(CLOCK_MONOTONIC, &m0);
  struct timespec req = {0, 20 * 1000 * 1000};
  nanosleep(&req, NULL);
  clock_gettime(CLOCK_MONOTONIC, &m1);
  long long slept = ns(m1) - ns(m0);
  printf("slept at least 20ms: %s\n", slept >= 20000000LL ? "yes" : "no");
  printf("slept less than 5s: %s\n", slept < 5000000000LL ? "yes" : "no");
  int mono = 1;
  long long prev = ns(m1);
  for (int i = 0; i < 1000; ++i) {
    clock_gettime(CLOCK_MONOTONIC, &m1);
    if (ns(m1) < prev) mono = 0;
    prev = ns(m1);
  }
  printf("monotonic: %s\n", mono ? "yes" : "no");
  clock_getres(CLOCK_MONOTONIC, &res);
  printf("monotonic resolution in (0, 1ms]: %s\n", ns(res) > 0 && ns(res) <= 1000000 ? "yes" : "no");
  clock_getres(CLOCK_REALTIME, &res);
  printf("realtime resolution in (0, 1ms]: %s\n", ns(res) > 0 && ns(res) <= 1000000 ? "yes" : "no");
  struct timespec cpu;
  volatile double x = 0;
  for (int i = 0; i < 2000000; ++i) x += i * 0.5;
  printf("process cputime: %s\n", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu) == 0 ? "ok" : "error");
  printf("thread cputime: %s\n", clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) == 0 ? "ok" : "error");
  return 0;
}
