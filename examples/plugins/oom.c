// oom: a plugin that exhausts its memory. It allocates (and touches) 1 MiB blocks until malloc fails,
// which happens when the host's memory limit refuses memory.grow, reports how much it got on stdout, and
// exits with status 3. Without a limit it stops at the 4 GiB of a 32-bit memory.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The blocks are chained from here so the compiler cannot drop the allocations as unused.
void* volatile blocks;

int main(void) {
  unsigned long mib = 0;
  for (;;) {
    char* block = malloc(1 << 20);
    if (!block) break;
    memset(block, 0xab, 1 << 20);
    *(void**)block = blocks;
    blocks = block;
    mib++;
  }
  printf("out of memory after %lu MiB\n", mib);
  return 3;
}
