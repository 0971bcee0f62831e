// poll(): a timeout with no descriptors sleeps; stdin (a file here) is readable at once.
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
  long long t0 = now_ns();
  int r = poll(NULL, 0, 30);
  long long waited = now_ns() - t0;
  printf("timeout poll returned %d, waited >= 30ms: %s\n", r, waited >= 30000000LL ? "yes" : "no");
  struct pollfd p = {0, POLLIN, 0};
  t0 = now_ns();
  r = poll(&p, 1, 5000);
  printf("stdin poll returned %d, readable: %s, quick: %s\n", r, (p.revents & POLLIN) ? "yes" : "no",
         now_ns() - t0 < 1000000000LL ? "yes" : "no");
  char buf[64];
  ssize_t n = read(0, buf, sizeof buf);
  printf("read %d bytes\n", (int)n);
  struct pollfd w = {1, POLLOUT, 0};
  r = poll(&w, 1, 1000);
  printf("stdout writable: %s\n", (r == 1 && (w.revents & POLLOUT)) ? "yes" : "no");
  return 0;
}
