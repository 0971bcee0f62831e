// A trap ends the program like wasmtime's CLI: message and backtrace on stderr, exit status 134.
#include <stdio.h>

__attribute__((noinline)) static void crash(volatile int* p) {
  if (*p == 1) __builtin_trap();
}

int main(void) {
  volatile int one = 1;
  printf("before the trap\n");
  fflush(stdout);
  crash(&one);
  printf("not reached\n");
  return 0;
}
