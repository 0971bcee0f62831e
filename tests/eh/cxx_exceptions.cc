// C++ exceptions on real code: throws through frames holding RAII objects, catches by type (a class
// hierarchy, multiple and virtual inheritance, fundamental and pointer types, catch by value, catch(...)),
// rethrows with `throw;` from nested handlers, throws from inside handlers and from constructors, and runs
// all of it 100,000 times with a checksum. Built natively (the system's C++ runtime) and for wasm32-wasi
// with -fwasm-exceptions (linked with cxx_eh_runtime.cc); both builds must print the same transcript.
// No C++ standard library: the wasm build has none.
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

// From <exception>, which the wasm build does not have (its runtime, cxx_eh_runtime.cc, defines it).
namespace std {
int uncaught_exceptions() noexcept;
}

namespace {

bool verbose = true;
uint32_t checksum = 2166136261u;
long guards_live = 0, guards_made = 0;
long exceptions_live = 0, exceptions_made = 0, exceptions_copied = 0;

void mix(uint32_t v) {
  for (int i = 0; i < 4; ++i) checksum = (checksum ^ ((v >> (8 * i)) & 0xff)) * 16777619u;
}
void mix_str(const char* s) {
  while (*s) checksum = (checksum ^ static_cast<unsigned char>(*s++)) * 16777619u;
}

void say(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void say(const char* fmt, ...) {
  if (!verbose) return;
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
}

// An RAII object whose destructor is observable (transcript, counters, checksum).
class Guard {
 public:
  Guard(const char* what, int id) : what_(what), id_(id) {
    ++guards_live;
    ++guards_made;
    say("    + %s#%d\n", what_, id_);
  }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;
  ~Guard() {
    --guards_live;
    mix(static_cast<uint32_t>(id_) * 131u + static_cast<unsigned char>(what_[0]));
    say("    - %s#%d\n", what_, id_);
  }

 private:
  const char* what_;
  int id_;
};

// std::exception-like classes with messages.
class Exception {
 public:
  explicit Exception(const char* message, int code = 0) : code_(code) {
    snprintf(message_, sizeof message_, "%s", message);
    ++exceptions_live;
    ++exceptions_made;
  }
  Exception(const Exception& other) : code_(other.code_) {
    memcpy(message_, other.message_, sizeof message_);
    ++exceptions_live;
    ++exceptions_copied;
  }
  Exception& operator=(const Exception&) = delete;
  virtual ~Exception() { --exceptions_live; }
  virtual const char* what() const { return message_; }
  virtual const char* kind() const { return "Exception"; }
  int code() const { return code_; }

 private:
  char message_[40];
  int code_;
};

class RuntimeError : public Exception {
 public:
  using Exception::Exception;
  const char* kind() const override { return "RuntimeError"; }
};

class RangeError : public RuntimeError {
 public:
  RangeError(const char* message, int code, int index) : RuntimeError(message, code), index_(index) {}
  const char* kind() const override { return "RangeError"; }
  int index() const { return index_; }

 private:
  int index_;
};

class LogicError : public Exception {
 public:
  using Exception::Exception;
  const char* kind() const override { return "LogicError"; }
};

// A second base at a non-zero offset: catching it needs the pointer adjusted.
class Tagged {
 public:
  explicit Tagged(int tag) : tag_(tag) {}
  virtual ~Tagged() = default;
  int tag() const { return tag_; }

 private:
  int tag_;
};

class TaggedError : public RuntimeError, public Tagged {
 public:
  TaggedError(const char* message, int code, int tag) : RuntimeError(message, code), Tagged(tag) {}
  const char* kind() const override { return "TaggedError"; }
};

// A diamond through virtual inheritance: the shared base is found through the vtable.
struct Node {
  explicit Node(int depth) : depth(depth) {}
  virtual ~Node() = default;
  int depth;
};
struct Left : virtual Node {
  Left() : Node(0) {}
  int left = 11;
};
struct Right : virtual Node {
  Right() : Node(0) {}
  int right = 22;
};
struct Diamond : Left, Right {
  explicit Diamond(int depth) : Node(depth) {}
};

// Two bases of the same type: catching that type is ambiguous, so only catch(...) takes it.
struct Part {
  int n;
};
struct PartA : Part {};
struct PartB : Part {};
struct TwoParts : PartA, PartB {};

struct Opaque {
  int payload;
};

// Recursion that holds a Guard in every frame and throws at the bottom.
template <typename Thrower>
__attribute__((noinline)) int dive(int depth, int id, Thrower thrower) {
  Guard g("frame", id);
  if (depth == 0) thrower();
  return dive(depth - 1, id + 1, thrower) + 1;  // not a tail call: the guard's destructor runs after
}

[[noreturn]] __attribute__((noinline)) void throw_kind(int kind, int id) {
  switch (kind) {
    case 0: throw RangeError("index out of range", 100 + id, id * 3);
    case 1: throw RuntimeError("runtime failure", 200 + id);
    case 2: throw LogicError("logic failure", 300 + id);
    case 3: throw TaggedError("tagged failure", 400 + id, id * 7);
    case 4: throw Diamond(id);
    case 5: throw id * 1000 + 7;
    case 6: throw "a C string";
    case 7: throw Opaque{id};
    case 8: throw TwoParts();
    default: throw Exception("plain exception", id);
  }
}

struct NeverThrown {};

// Handlers for types that are never thrown, or that must not match (no conversions between int and
// unsigned, no dropping of const from const char*): every exception passes through them.
__attribute__((noinline)) int pass_through(int kind, int depth, int id) {
  Guard g("pass", id);
  try {
    return dive(depth, id * 10, [=] { throw_kind(kind, id); });
  } catch (NeverThrown&) {
    say("  wrong: NeverThrown\n");
  } catch (unsigned) {
    say("  wrong: unsigned\n");
  } catch (char*) {
    say("  wrong: char*\n");
  } catch (double) {
    say("  wrong: double\n");
  }
  return -1;
}

// Catches by type; returns a number describing what was caught.
__attribute__((noinline)) int catch_by_type(int kind, int depth, int id) {
  Guard g("catcher", id);
  try {
    return pass_through(kind, depth, id);
  } catch (RangeError& e) {
    say("  caught RangeError '%s' code %d index %d\n", e.what(), e.code(), e.index());
    mix_str(e.what());
    return 1000 + e.index();
  } catch (TaggedError& e) {
    say("  caught %s '%s' code %d tag %d\n", e.kind(), e.what(), e.code(), e.tag());
    return 2000 + e.tag();
  } catch (const LogicError& e) {
    say("  caught LogicError '%s'\n", e.what());
    mix_str(e.kind());
    return 3000 + e.code();
  } catch (Exception& e) {
    say("  caught Exception& (dynamic %s) '%s'\n", e.kind(), e.what());
    mix_str(e.kind());
    return 4000 + e.code();
  } catch (Node& n) {
    say("  caught Node& depth %d\n", n.depth);
    return 5000 + n.depth;
  } catch (int v) {
    say("  caught int %d\n", v);
    return 6000 + v % 1000;
  } catch (const char* s) {
    say("  caught const char* '%s'\n", s);
    mix_str(s);
    return 7000;
  } catch (Part&) {
    say("  wrong: Part& is ambiguous in TwoParts\n");
    return -3;
  } catch (...) {
    say("  caught (...)\n");
    return 8000;
  }
}

// Catches a base of a multiply-inherited class and a virtual base of a diamond.
__attribute__((noinline)) int catch_bases(int which, int depth, int id) {
  try {
    dive(depth, id, [=] { throw_kind(which == 0 ? 3 : 4, id); });
  } catch (Tagged& t) {
    say("  caught Tagged& tag %d\n", t.tag());
    return t.tag();
  } catch (Right& r) {
    say("  caught Right& right %d depth %d\n", r.right, r.depth);
    return r.right + r.depth;
  }
  return -1;
}

// Catch by value: the handler gets a copy (a sliced one for a base class).
__attribute__((noinline)) int catch_by_value(int depth, int id) {
  try {
    dive(depth, id, [=] { throw_kind(0, id); });
  } catch (Exception e) {
    say("  caught Exception by value (static %s) '%s' code %d\n", e.kind(), e.what(), e.code());
    return e.code();
  }
  return -1;
}

// Rethrow: a handler in the middle does its part and passes the same exception on with `throw;`.
__attribute__((noinline)) int middle_rethrows(int kind, int depth, int id, const void** seen) {
  Guard g("middle", id);
  try {
    dive(depth, id, [=] { throw_kind(kind, id); });
  } catch (Exception& e) {
    *seen = &e;
    say("  middle saw %s '%s', rethrowing\n", e.kind(), e.what());
    Guard inside("in-handler", id);
    throw;
  }
  return -1;
}

__attribute__((noinline)) int rethrow_chain(int kind, int depth, int id) {
  const void* seen = nullptr;
  try {
    return middle_rethrows(kind, depth, id, &seen);
  } catch (RuntimeError& e) {
    say("  outer caught %s '%s' (same object: %s)\n", e.kind(), e.what(), &e == seen ? "yes" : "no");
    return e.code() + (&e == seen ? 1 : 0);
  } catch (Exception& e) {
    say("  outer caught Exception& %s (same object: %s)\n", e.kind(), &e == seen ? "yes" : "no");
    return e.code() * 2 + (&e == seen ? 1 : 0);
  }
}

// Nested handlers: while handling one exception, another is thrown and caught inside the handler; then
// the first is rethrown (the runtime's stack of caught exceptions must give back the right one).
__attribute__((noinline)) int nested_handlers(int depth, int id) {
  try {
    try {
      dive(depth, id, [=] { throw_kind(1, id); });
    } catch (RuntimeError& outer) {
      say("  handling '%s'\n", outer.what());
      try {
        dive(depth, id + 50, [=] { throw_kind(2, id + 1); });
      } catch (LogicError& inner) {
        say("  inner handler caught '%s' while handling '%s'\n", inner.what(), outer.what());
        mix(static_cast<uint32_t>(inner.code()));
      }
      try {
        throw;  // the outer exception again, caught right here by a nested handler
      } catch (Exception& again) {
        say("  nested rethrow caught '%s' (same: %s)\n", again.what(), &again == &outer ? "yes" : "no");
        if (&again != &outer) return -1;
      }
      throw;  // and once more, out of the outer handler
    }
  } catch (Exception& e) {
    say("  finally caught '%s' code %d\n", e.what(), e.code());
    return e.code();
  }
  return -2;
}

// A handler that throws a different exception: the first one is destroyed on the way out.
__attribute__((noinline)) int translate(int depth, int id) {
  try {
    try {
      dive(depth, id, [=] { throw_kind(0, id); });
    } catch (RangeError& e) {
      say("  translating '%s'\n", e.what());
      Guard g("translator", id);
      throw LogicError("translated", e.code() + 1);
    }
  } catch (LogicError& e) {
    say("  caught translated '%s' code %d\n", e.what(), e.code());
    return e.code();
  }
  return -1;
}

// catch(...) { throw; } passes anything on, even types it cannot name.
__attribute__((noinline)) int catch_all_rethrow(int depth, int id) {
  try {
    try {
      dive(depth, id, [=] { throw_kind(7, id); });
    } catch (...) {
      say("  catch(...) rethrowing\n");
      throw;
    }
  } catch (Opaque& o) {
    say("  caught Opaque payload %d\n", o.payload);
    return o.payload;
  }
  return -1;
}

// Constructors that throw: fully built members and array elements are destroyed, the rest never existed.
struct Holder {
  Guard a;
  Guard b;
  explicit Holder(int id) : a("member-a", id), b("member-b", id) {
    say("  Holder body throws\n");
    throw RuntimeError("constructor failed", id);
  }
};

struct Element {
  Guard g;
  explicit Element(int i) : g("element", i) {
    if (i == 3) throw LogicError("element 3 failed", i);
  }
};

__attribute__((noinline)) int constructors(int id) {
  int sum = 0;
  try {
    Holder h(id);
    sum = -100;
  } catch (RuntimeError& e) {
    say("  caught '%s'\n", e.what());
    sum += e.code();
  }
  try {
    Element elements[5] = {Element(1), Element(2), Element(3), Element(4), Element(5)};
    sum = -200;
  } catch (LogicError& e) {
    say("  caught '%s'\n", e.what());
    sum += e.code();
  }
  return sum;
}

// A destructor that runs while an exception unwinds through it, and throws and catches one of its own
// inside (the runtime must keep the two apart); std::uncaught_exceptions() sees the one in flight.
struct CarefulCleanup {
  int id;
  int* log;
  ~CarefulCleanup() {
    int in_flight = std::uncaught_exceptions();
    try {
      throw LogicError("inside a destructor", id);
    } catch (LogicError& e) {
      say("  destructor caught its own '%s' (uncaught: %d, inside the handler: %d)\n", e.what(), in_flight,
          std::uncaught_exceptions());
      *log = in_flight * 10 + std::uncaught_exceptions();
    }
  }
};

__attribute__((noinline)) int unwinding_destructor(int depth, int id) {
  int log = -1;
  int before = std::uncaught_exceptions();
  try {
    CarefulCleanup c{id, &log};
    dive(depth, id, [=] { throw_kind(1, id); });
  } catch (RuntimeError& e) {
    say("  caught '%s' after the destructor (uncaught now: %d)\n", e.what(), std::uncaught_exceptions());
    return e.code() + 1000 * log + 100 * before;
  }
  return -1;
}

// One scenario per call; the result goes into the checksum.
int scenario(int which, int depth, int id) {
  switch (which) {
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: case 8: case 9:
      return catch_by_type(which, depth, id);
    case 10: return catch_bases(0, depth, id);
    case 11: return catch_bases(1, depth, id);
    case 12: return catch_by_value(depth, id);
    case 13: return rethrow_chain(0, depth, id);
    case 14: return rethrow_chain(1, depth, id);
    case 15: return rethrow_chain(2, depth, id);
    case 16: return nested_handlers(depth, id);
    case 17: return translate(depth, id);
    case 18: return catch_all_rethrow(depth, id);
    case 19: return constructors(id);
    default: return unwinding_destructor(depth, id);
  }
}
constexpr int kScenarios = 21;

}  // namespace

int main() {
  printf("== one of each scenario, depth 2\n");
  for (int s = 0; s < kScenarios; ++s) {
    printf("scenario %d\n", s);
    int r = scenario(s, 2, s);
    printf("  -> %d (guards live %ld, exceptions live %ld)\n", r, guards_live, exceptions_live);
    mix(static_cast<uint32_t>(r));
  }
  printf("checksum after the transcript: %08x\n", checksum);

  verbose = false;
  const int kIterations = 100000;
  long total = 0;
  for (int i = 1; i <= kIterations; ++i) {
    int r = scenario(i % kScenarios, 1 + (i * 7) % 8, i % 1000);
    total += r;
    mix(static_cast<uint32_t>(r));
    if (i % 25000 == 0) {
      printf("after %d iterations: total %ld checksum %08x guards live %ld exceptions live %ld\n", i, total,
             checksum, guards_live, exceptions_live);
    }
  }
  printf("guards made %ld, exceptions made %ld, copied %ld\n", guards_made, exceptions_made,
         exceptions_copied);
  bool ok = guards_live == 0 && exceptions_live == 0;
  printf("%s: checksum %08x\n", ok ? "ok" : "LEAK", checksum);
  return ok ? 0 : 1;
}
