// C++ exceptions: n throws, each caught by type 8 frames up. Every frame holds an RAII object, as real
// code does, so the exception also passes through a cleanup (a catch_all/rethrow pad in Wasm) per frame.
// The wasm32 build uses -fwasm-exceptions and the small runtime of tests/eh/cxx_eh_runtime.cc; the native
// build the system's C++ runtime.
#include "bench_common.h"

namespace {

uint32_t cleanups = 0;

class Failure {
 public:
  Failure(const char* what, uint32_t code) : what_(what), code_(code) {}
  virtual ~Failure() = default;
  virtual uint32_t weight() const { return 1; }
  const char* what() const { return what_; }
  uint32_t code() const { return code_; }

 private:
  const char* what_;
  uint32_t code_;
};

class DeepFailure : public Failure {
 public:
  using Failure::Failure;
  uint32_t weight() const override { return 3; }
};

struct Cleanup {
  uint32_t id;
  ~Cleanup() { cleanups += id; }
};

template <int Depth>
__attribute__((noinline)) uint32_t descend(uint32_t i) {
  Cleanup c{Depth};
  return descend<Depth - 1>(i * 7 + Depth) + c.id;
}

template <>
__attribute__((noinline)) uint32_t descend<0>(uint32_t i) {
  if (i % 5 == 0) throw Failure("shallow", i);
  throw DeepFailure("deep", i);
}

}  // namespace

int main(int argc, char** argv) {
  long n = bench_size(argc, argv, 200000);
  uint32_t sum = 0;
  for (long i = 0; i < n; ++i) {
    try {
      sum += descend<8>(static_cast<uint32_t>(i));  // 8 frames below this one, then the throw
    } catch (const Failure& f) {
      sum = sum * 31 + f.code() * f.weight() + static_cast<uint32_t>(f.what()[0]);
    }
  }
  printf("throw_catch checksum %u cleanups %u\n", sum, cleanups);
  return 0;
}
