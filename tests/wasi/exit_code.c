// exit() with a status flushes stdout and becomes the process's exit code.
#include <stdio.h>
#include <stdlib.h>

static void bye(void) { printf("atexit ran\n"); }

int main(void) {
  atexit(bye);
  printf("exiting with 42\n");
  exit(42);
}
