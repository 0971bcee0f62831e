// trap: a plugin that traps. By default it executes `unreachable` (abort); "div" divides by zero and
// "oob" stores far outside linear memory. It prints a line first, to show output before the trap.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile int zero = 0;

int main(int argc, char** argv) {
  const char* how = argc > 1 ? argv[1] : "abort";
  printf("crashing with %s\n", how);
  fflush(stdout);
  if (strcmp(how, "div") == 0) return 10 / zero;
  if (strcmp(how, "oob") == 0) {
    volatile char* far = (volatile char*)0xfffffff0u;
    *far = 1;
    return 0;
  }
  __builtin_trap();
}
