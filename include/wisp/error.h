// wisp public API: errors. The taxonomy shared by every layer (DESIGN.md §1); `wisp wast` checks
// assertions by kind. No exceptions cross the API: fallible calls return Result<T>.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace wisp {

enum class ErrorKind : uint8_t {
  Malformed,    // binary decoder, text parser: not a well-formed module
  Invalid,      // validator: well-formed but not valid
  Unlinkable,   // linker: imports do not match
  Trap,         // execution or instantiation trapped
  Exhaustion,   // call stack exhausted (a Trap with a distinct assertion kind)
  Exception,    // a Wasm exception (exceptions proposal) that no Wasm handler caught
  Io,           // files
  Usage,        // wrong arguments to an API or the CLI
};

const char* error_kind_name(ErrorKind kind);

// One frame of a trap's backtrace. Offsets are UINT64_MAX when unknown (host functions; a memory
// access caught by a guard page, which has no instruction position: explicit bounds checks give one).
struct Frame {
  std::string name;                     // as in Error::backtrace: "name" or "<wasm function N>"
  uint32_t func_index = UINT32_MAX;     // in its module's function index space; UINT32_MAX: host function
  uint64_t module_offset = UINT64_MAX;  // byte offset in the module binary of the trapping instruction
                                        // (innermost frame) or of the call (outer frames)
  uint64_t func_offset = UINT64_MAX;    // module_offset minus the start of the function's code entry
                                        // (its local declarations, just after the entry's size)
  const void* instance = nullptr;       // internal: the frame's runtime::InstanceData (while the store lives)
};

struct Exception;  // wisp/exception.h

// An error with its kind, a message in the spec's wording, and (for decoders) the byte offset.
struct Error {
  ErrorKind kind = ErrorKind::Usage;
  int exit_code = -1;                  // >= 0: a WASI proc_exit unwinding the guest, not a real trap
  std::string message;
  uint64_t offset = UINT64_MAX;  // UINT64_MAX when not applicable
  std::vector<std::string> backtrace;  // traps: innermost frame first, "name" or "<wasm function N>"
  std::vector<Frame> frames;           // traps: the same frames with function index and offsets
  // kind Exception: the uncaught Wasm exception (its tag and payload; wisp/exception.h). A host
  // function returning such an Error throws the exception into its Wasm caller.
  std::shared_ptr<const Exception> exception;

  static Error make(ErrorKind k, std::string m, uint64_t off = UINT64_MAX) {
    Error e;
    e.kind = k;
    e.message = std::move(m);
    e.offset = off;
    return e;
  }
  static Error malformed(std::string m, uint64_t off = UINT64_MAX) { return make(ErrorKind::Malformed, std::move(m), off); }
  static Error invalid(std::string m, uint64_t off = UINT64_MAX) { return make(ErrorKind::Invalid, std::move(m), off); }
  static Error unlinkable(std::string m) { return make(ErrorKind::Unlinkable, std::move(m)); }
  static Error trap(std::string m) { return make(ErrorKind::Trap, std::move(m)); }
  static Error exhaustion(std::string m) { return make(ErrorKind::Exhaustion, std::move(m)); }
  static Error io(std::string m) { return make(ErrorKind::Io, std::move(m)); }
  static Error usage(std::string m) { return make(ErrorKind::Usage, std::move(m)); }

  // Appends an outer frame to both `backtrace` and `frames` (which stay parallel).
  void add_frame(Frame f) {
    backtrace.push_back(f.name);
    frames.push_back(std::move(f));
  }

  // "kind: message" with the offset when known, for one-line CLI errors.
  std::string to_string() const;
};

// Result<T>: a value or an Error. No exceptions cross layer boundaries.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }
  Error& error() { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : err_(std::move(error)) {}
  bool ok() const { return !err_.has_value(); }
  explicit operator bool() const { return ok(); }
  // Only when !ok().
  const Error& error() const { return *err_; }
  Error& error() { return *err_; }

 private:
  // Empty on success: a successful Result<void> is one byte to set and one to test (host calls return
  // one per call).
  std::optional<Error> err_;
};

}  // namespace wisp
