// recurse: a plugin that recurses without end. The call goes through a volatile function pointer so the
// compiler can neither see the recursion nor turn it into a loop, and its frames live in Wasm locals,
// not in the shadow stack in linear memory: the engine's call stack limit is what stops it.
#include <stdio.h>

static int deeper(int n);
static int (*volatile next)(int) = deeper;

static int deeper(int n) { return next(n + 1) + n; }

int main(void) {
  puts("recursing");
  fflush(stdout);
  return deeper(0);
}
