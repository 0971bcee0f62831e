// An exception that nothing catches: natively std::terminate aborts (exit 134); in Wasm the exception
// leaves _start, and the runtime reports it like a trap (exit 134). Only what is printed before the throw
// is compared: whether destructors run before termination is implementation-defined (Wasm unwinds in one
// phase and runs them; the native two-phase unwinder does not), so no frame here has one.
#include <stdio.h>

namespace {
struct Oops {
  int code;
};

__attribute__((noinline)) void fail(int n) {
  if (n > 0) throw Oops{n};
}
}  // namespace

int main() {
  try {
    fail(1);
  } catch (Oops& e) {
    printf("caught Oops %d\n", e.code);
  }
  printf("now throwing with no handler\n");
  fflush(stdout);  // abort and an uncaught Wasm exception end the process without flushing
  fail(2);
  printf("not reached\n");
  return 0;
}
